import BackBar from '@/components/back-bar/BackBar'
import ShareScreen from '@/features/staff-desk/ShareScreen'

export default function StaffSharePage() {
  return (
    <>
      <BackBar />
      <ShareScreen />
    </>
  )
}
