import ClaimScreen from '@/features/projects/ClaimScreen'

export default function ClaimPage() {
  return <ClaimScreen />
}
