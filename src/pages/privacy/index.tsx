import BackBar from '@/components/back-bar/BackBar'
import PrivacyScreen from '@/features/service/PrivacyScreen'

export default function PrivacyPage() {
  return (
    <>
      <BackBar />
      <PrivacyScreen />
    </>
  )
}
