import MatchScreen from '@/features/policies/MatchScreen'

export default function MatchPage() {
  return <MatchScreen />
}
