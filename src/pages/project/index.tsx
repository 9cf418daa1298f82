import ProjectScreen from '@/features/projects/ProjectScreen'

export default function ProjectPage() {
  return <ProjectScreen />
}
