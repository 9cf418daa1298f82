import SurveysScreen from '@/features/staff-surveys/SurveysScreen'

export default function StaffSurveysPage() {
  return <SurveysScreen />
}
