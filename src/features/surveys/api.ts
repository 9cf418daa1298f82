import type { MySurveyList, SurveyForInvestor, SurveyList, SurveyResponseBody } from '@/types/surveys'
import { apiRequest } from '@/api/client'

export function getSurvey(id: string): Promise<SurveyForInvestor> {
  return apiRequest<SurveyForInvestor>(`/api/surveys/${encodeURIComponent(id)}`)
}

/** First answer or a replacement of the earlier one (until the survey closes). */
export function submitSurveyResponse(id: string, body: SurveyResponseBody): Promise<SurveyForInvestor> {
  return apiRequest<SurveyForInvestor>(`/api/surveys/${encodeURIComponent(id)}/responses`, { method: 'POST', body, timeoutMs: 15000 })
}

export function listMySurveys(): Promise<MySurveyList> {
  return apiRequest<MySurveyList>('/api/surveys/mine')
}

/** Published surveys of a zone, for the zone page. */
export function listZoneSurveys(zoneId: string): Promise<SurveyList> {
  return apiRequest<SurveyList>('/api/surveys', { query: { zoneId }, auth: false })
}
