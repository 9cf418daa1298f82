import BackBar from '@/components/back-bar/BackBar'
import ClaimScreen from '@/features/projects/ClaimScreen'

export default function ClaimPage() {
  return (
    <>
      <BackBar />
      <ClaimScreen />
    </>
  )
}
