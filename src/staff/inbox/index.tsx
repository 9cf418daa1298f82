import InboxScreen from '@/features/staff-desk/InboxScreen'

export default function StaffInboxPage() {
  return <InboxScreen />
}
