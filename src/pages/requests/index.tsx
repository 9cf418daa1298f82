import MyRequestsScreen from '@/features/service/MyRequestsScreen'

export default function MyRequestsPage() {
  return <MyRequestsScreen />
}
