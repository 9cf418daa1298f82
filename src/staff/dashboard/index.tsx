import BackBar from '@/components/back-bar/BackBar'
import DashboardScreen from '@/features/staff-desk/DashboardScreen'

export default function StaffDashboardPage() {
  return (
    <>
      <BackBar />
      <DashboardScreen />
    </>
  )
}
