import ZoneAdminScreen from '@/features/staff-console/ZoneAdminScreen'

export default function StaffZoneAdminPage() {
  return <ZoneAdminScreen />
}
