import BackBar from '@/components/back-bar/BackBar'
import SpaceScreen from '@/features/spaces/SpaceScreen'

export default function SpacePage() {
  return (
    <>
      <BackBar />
      <SpaceScreen />
    </>
  )
}
