import type { Survey, SurveyBody, StaffSurveyList, SurveyResults } from '@/types/surveys'
import { apiRequest } from '@/api/client'

const surveyPath = (id: string, rest = '') => `/api/staff/surveys/${encodeURIComponent(id)}${rest}`

export function listStaffSurveys(zoneId?: string): Promise<StaffSurveyList> {
  return apiRequest<StaffSurveyList>('/api/staff/surveys', { query: { zoneId } })
}

export function createSurvey(body: SurveyBody): Promise<Survey> {
  return apiRequest<Survey>('/api/staff/surveys', { method: 'POST', body })
}

export function updateSurvey(id: string, body: SurveyBody): Promise<Survey> {
  return apiRequest<Survey>(surveyPath(id), { method: 'PUT', body })
}

export function publishSurvey(id: string): Promise<Survey> {
  return apiRequest<Survey>(surveyPath(id, '/publish'), { method: 'POST', body: {} })
}

export function getSurveyResults(id: string): Promise<SurveyResults> {
  return apiRequest<SurveyResults>(surveyPath(id, '/results'))
}

export function responseToRequest(id: string, responseId: string): Promise<{ requestId: string; ticketNo: string }> {
  return apiRequest<{ requestId: string; ticketNo: string }>(surveyPath(id, `/responses/${encodeURIComponent(responseId)}/request`), {
    method: 'POST',
    body: {},
  })
}
