import SurveyResultsScreen from '@/features/staff-surveys/SurveyResultsScreen'

export default function StaffSurveyPage() {
  return <SurveyResultsScreen />
}
