import PoliciesScreen from '@/features/policies/PoliciesScreen'

export default function Policies() {
  return <PoliciesScreen />
}
