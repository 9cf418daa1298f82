import BackBar from '@/components/back-bar/BackBar'
import ServiceScreen from '@/features/service/ServiceScreen'

export default function ServicePage() {
  return (
    <>
      <BackBar />
      <ServiceScreen />
    </>
  )
}
