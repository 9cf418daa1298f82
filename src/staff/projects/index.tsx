import BoardScreen from '@/features/staff-projects/BoardScreen'

export default function StaffProjectsPage() {
  return <BoardScreen />
}
