import ContentListScreen from '@/features/staff-console/ContentListScreen'

export default function StaffContentListPage() {
  return <ContentListScreen />
}
