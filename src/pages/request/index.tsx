import BackBar from '@/components/back-bar/BackBar'
import RequestDetailScreen from '@/features/service/RequestDetailScreen'

export default function RequestDetailPage() {
  return (
    <>
      <BackBar />
      <RequestDetailScreen />
    </>
  )
}
