import BackBar from '@/components/back-bar/BackBar'
import PolicyScreen from '@/features/policies/PolicyScreen'

export default function PolicyPage() {
  return (
    <>
      <BackBar />
      <PolicyScreen />
    </>
  )
}
