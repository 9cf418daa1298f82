import { SurveyResponseBody, type Question } from '@/types/surveys'
import { checkAnswers, type AnswerValue } from '@/types/survey-vocabulary'

/** What the form holds for one survey; kept on the phone until sent. */
export interface SurveyDraft {
  company: string
  contactName: string
  mobile: string
  answers: Record<string, AnswerValue>
}

export const emptySurveyDraft = (): SurveyDraft => ({ company: '', contactName: '', mobile: '', answers: {} })

/** Field → reason: company, contactName, mobile, or answers.<question id>. */
export type SurveyErrors = Record<string, string>

const CONTACT_FALLBACK: Record<string, string> = {
  company: '请填写企业名称',
  contactName: '请填写联系人',
  mobile: '请填写 11 位中国大陆手机号',
}

/**
 * The same rules as the API: the contract schema for the company and contact, checkAnswers for the
 * answers (shared with the server), one Chinese reason per field.
 */
export function validateSurveyDraft(
  questions: readonly Question[],
  draft: SurveyDraft,
): { ok: true; body: SurveyResponseBody } | { ok: false; errors: SurveyErrors } {
  const errors: SurveyErrors = {}
  const checked = checkAnswers(questions, draft.answers)
  if (!checked.ok) Object.assign(errors, checked.fields)
  const parsed = SurveyResponseBody.safeParse({ ...draft, answers: checked.ok ? checked.answers : {} })
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '')
      if (key in CONTACT_FALLBACK && !errors[key])
        errors[key] = /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : CONTACT_FALLBACK[key]
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors }
  return { ok: true, body: parsed.data }
}

/** Order the form shows fields in: the first error scrolls into view. */
export const fieldOrder = (questions: readonly Question[]) => [
  ...questions.map((question) => `answers.${question.id}`),
  'company',
  'contactName',
  'mobile',
]

/** The DOM id of a field's block (answers.q1 → survey-answers-q1). */
export const fieldId = (field: string) => `survey-${field.replace('.', '-')}`
