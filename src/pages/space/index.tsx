import SpaceScreen from '@/features/spaces/SpaceScreen'

export default function SpacePage() {
  return <SpaceScreen />
}
