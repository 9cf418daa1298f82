import ServiceScreen from '@/features/service/ServiceScreen'

export default function ServicePage() {
  return <ServiceScreen />
}
