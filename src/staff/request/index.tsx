import BackBar from '@/components/back-bar/BackBar'
import RequestDeskScreen from '@/features/staff-desk/RequestDeskScreen'

export default function StaffRequestPage() {
  return (
    <>
      <BackBar />
      <RequestDeskScreen />
    </>
  )
}
