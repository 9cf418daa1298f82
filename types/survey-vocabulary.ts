/**
 * 问需于企's plain values: kinds, question types, statuses and their labels, and when a survey is
 * open. No zod here, so the main package (我的) can use them; surveys.ts builds its schemas from these.
 */

export const SURVEY_KINDS = ['needs', 'policy', 'effect'] as const
export type SurveyKind = (typeof SURVEY_KINDS)[number]
export const SURVEY_KIND_LABELS: Record<SurveyKind, string> = { needs: '问需于企', policy: '问策于企', effect: '问效于企' }

export const QUESTION_TYPES = ['single', 'multiple', 'text', 'rating'] as const
export type QuestionType = (typeof QUESTION_TYPES)[number]
export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = { single: '单选', multiple: '多选', text: '填空', rating: '评分（1–5）' }

export const RATING_MIN = 1
export const RATING_MAX = 5
export const TEXT_ANSWER_MAX = 1000

export const SURVEY_STATUSES = ['draft', 'upcoming', 'open', 'closed'] as const
export type SurveyStatus = (typeof SURVEY_STATUSES)[number]
export const SURVEY_STATUS_LABELS: Record<SurveyStatus, string> = { draft: '草稿', upcoming: '未开始', open: '进行中', closed: '已截止' }

/** Where a survey stands on a China calendar day: open from opensOn to closesOn, both included. */
export const surveyStatus = (survey: { publishedAt: string | null; opensOn: string; closesOn: string }, today: string): SurveyStatus =>
  !survey.publishedAt ? 'draft' : today < survey.opensOn ? 'upcoming' : today > survey.closesOn ? 'closed' : 'open'
