import BackBar from '@/components/back-bar/BackBar'
import LoginScreen from '@/features/staff-desk/LoginScreen'

export default function StaffLoginPage() {
  return (
    <>
      <BackBar />
      <LoginScreen />
    </>
  )
}
