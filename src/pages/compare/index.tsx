import BackBar from '@/components/back-bar/BackBar'
import CompareScreen from '@/features/parks/CompareScreen'

export default function Compare() {
  return (
    <>
      <BackBar />
      <CompareScreen />
    </>
  )
}
