import BackBar from '@/components/back-bar/BackBar'
import InboxScreen from '@/features/staff-desk/InboxScreen'

export default function StaffInboxPage() {
  return (
    <>
      <BackBar />
      <InboxScreen />
    </>
  )
}
