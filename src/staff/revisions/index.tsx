import RevisionsScreen from '@/features/staff-console/RevisionsScreen'

export default function StaffRevisionsPage() {
  return <RevisionsScreen />
}
