import ContentEditScreen from '@/features/staff-console/ContentEditScreen'

export default function StaffContentEditPage() {
  return <ContentEditScreen />
}
