import SurveyEditScreen from '@/features/staff-surveys/SurveyEditScreen'

export default function StaffSurveyEditPage() {
  return <SurveyEditScreen />
}
