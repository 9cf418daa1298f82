import ZoneScreen from '@/features/zones/ZoneScreen'

export default function ZonePage() {
  return <ZoneScreen />
}
