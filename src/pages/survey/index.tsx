import SurveyScreen from '@/features/surveys/SurveyScreen'

export default function SurveyPage() {
  return <SurveyScreen />
}
