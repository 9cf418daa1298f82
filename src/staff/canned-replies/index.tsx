import CannedRepliesScreen from '@/features/staff-console/CannedRepliesScreen'

export default function StaffCannedRepliesPage() {
  return <CannedRepliesScreen />
}
