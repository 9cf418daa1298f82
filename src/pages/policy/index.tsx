import PolicyScreen from '@/features/policies/PolicyScreen'

export default function PolicyPage() {
  return <PolicyScreen />
}
