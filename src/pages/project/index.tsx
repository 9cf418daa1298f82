import BackBar from '@/components/back-bar/BackBar'
import ProjectScreen from '@/features/projects/ProjectScreen'

export default function ProjectPage() {
  return (
    <>
      <BackBar />
      <ProjectScreen />
    </>
  )
}
