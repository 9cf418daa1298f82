import ConsoleScreen from '@/features/staff-console/ConsoleScreen'

export default function StaffContentPage() {
  return <ConsoleScreen />
}
