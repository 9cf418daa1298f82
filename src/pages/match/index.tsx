import BackBar from '@/components/back-bar/BackBar'
import MatchScreen from '@/features/policies/MatchScreen'

export default function MatchPage() {
  return (
    <>
      <BackBar />
      <MatchScreen />
    </>
  )
}
