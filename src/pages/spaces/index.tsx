import BackBar from '@/components/back-bar/BackBar'
import SpacesScreen from '@/features/spaces/SpacesScreen'

export default function SpacesPage() {
  return (
    <>
      <BackBar />
      <SpacesScreen />
    </>
  )
}
