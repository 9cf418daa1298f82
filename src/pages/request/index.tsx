import RequestDetailScreen from '@/features/service/RequestDetailScreen'

export default function RequestDetailPage() {
  return <RequestDetailScreen />
}
