import DashboardScreen from '@/features/staff-desk/DashboardScreen'

export default function StaffDashboardPage() {
  return <DashboardScreen />
}
