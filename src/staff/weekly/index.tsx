import WeeklyScreen from '@/features/staff-projects/WeeklyScreen'

export default function StaffWeeklyPage() {
  return <WeeklyScreen />
}
