import BackBar from '@/components/back-bar/BackBar'
import ParkScreen from '@/features/parks/ParkScreen'

export default function ParkPage() {
  return (
    <>
      <BackBar />
      <ParkScreen />
    </>
  )
}
