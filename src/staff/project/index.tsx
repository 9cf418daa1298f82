import ProjectDeskScreen from '@/features/staff-projects/ProjectDeskScreen'

export default function StaffProjectPage() {
  return <ProjectDeskScreen />
}
