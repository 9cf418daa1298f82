import ParksScreen from '@/features/parks/ParksScreen'

export default function Parks() {
  return <ParksScreen />
}
