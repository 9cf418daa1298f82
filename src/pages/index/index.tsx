import HomeScreen from '@/features/home/HomeScreen'

export default function Index() {
  return <HomeScreen />
}
