import RequestDeskScreen from '@/features/staff-desk/RequestDeskScreen'

export default function StaffRequestPage() {
  return <RequestDeskScreen />
}
