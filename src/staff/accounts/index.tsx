import AccountsScreen from '@/features/staff-console/AccountsScreen'

export default function StaffAccountsPage() {
  return <AccountsScreen />
}
