import LoginScreen from '@/features/staff-desk/LoginScreen'

export default function StaffLoginPage() {
  return <LoginScreen />
}
