import CompareScreen from '@/features/parks/CompareScreen'

export default function Compare() {
  return <CompareScreen />
}
