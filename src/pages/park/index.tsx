import ParkScreen from '@/features/parks/ParkScreen'

export default function ParkPage() {
  return <ParkScreen />
}
