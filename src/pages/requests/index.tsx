import BackBar from '@/components/back-bar/BackBar'
import MyRequestsScreen from '@/features/service/MyRequestsScreen'

export default function MyRequestsPage() {
  return (
    <>
      <BackBar />
      <MyRequestsScreen />
    </>
  )
}
