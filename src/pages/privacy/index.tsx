import PrivacyScreen from '@/features/service/PrivacyScreen'

export default function PrivacyPage() {
  return <PrivacyScreen />
}
