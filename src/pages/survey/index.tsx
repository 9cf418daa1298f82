import BackBar from '@/components/back-bar/BackBar'
import SurveyScreen from '@/features/surveys/SurveyScreen'

export default function SurveyPage() {
  return (
    <>
      <BackBar />
      <SurveyScreen />
    </>
  )
}
