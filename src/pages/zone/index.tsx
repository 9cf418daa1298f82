import BackBar from '@/components/back-bar/BackBar'
import ZoneScreen from '@/features/zones/ZoneScreen'

export default function ZonePage() {
  return (
    <>
      <BackBar />
      <ZoneScreen />
    </>
  )
}
