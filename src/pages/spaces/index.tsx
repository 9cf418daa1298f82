import SpacesScreen from '@/features/spaces/SpacesScreen'

export default function SpacesPage() {
  return <SpacesScreen />
}
