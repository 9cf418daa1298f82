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

/** An answer: an option (single), options (multiple), text, or 1–5 (rating). */
export type AnswerValue = string | string[] | number

/** A question as answers are checked against it. */
export type PlainQuestion = { id: string; type: QuestionType; title: string; required: boolean; options: readonly string[] }

/**
 * Checks answers against the questions: required ones answered, options among the question's, text
 * within TEXT_ANSWER_MAX, ratings whole numbers 1–5, no answer to a question the survey does not have.
 * Returns the answers to keep (blanks of optional questions dropped) or the field errors, by
 * `answers.<question id>`.
 */
export const checkAnswers = (
  questions: readonly PlainQuestion[],
  answers: Record<string, AnswerValue>,
): { ok: true; answers: Record<string, AnswerValue> } | { ok: false; fields: Record<string, string> } => {
  const fields: Record<string, string> = {}
  const kept: Record<string, AnswerValue> = {}
  const known = new Set(questions.map((question) => question.id))
  for (const key of Object.keys(answers)) if (!known.has(key)) fields[`answers.${key}`] = '问卷中没有这道题'
  for (const question of questions) {
    const field = `answers.${question.id}`
    const value = answers[question.id]
    const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
    if (empty) {
      if (question.required) fields[field] = question.type === 'text' ? '此题为必答题，请填写' : '此题为必答题，请选择'
      continue
    }
    switch (question.type) {
      case 'single':
        if (typeof value !== 'string' || !question.options.includes(value)) fields[field] = '请从选项中选择一项'
        else kept[question.id] = value
        break
      case 'multiple':
        if (!Array.isArray(value) || value.some((option) => !question.options.includes(option))) fields[field] = '请从选项中选择'
        else if (new Set(value).size !== value.length) fields[field] = '同一选项不能重复选择'
        else kept[question.id] = question.options.filter((option) => value.includes(option))
        break
      case 'text': {
        const text = typeof value === 'string' ? value.trim() : null
        if (text === null) fields[field] = '请填写文字'
        else if (text.length > TEXT_ANSWER_MAX) fields[field] = `不能超过 ${TEXT_ANSWER_MAX} 个字`
        else if (text === '' && question.required) fields[field] = '此题为必答题，请填写'
        else if (text !== '') kept[question.id] = text
        break
      }
      case 'rating':
        if (typeof value !== 'number' || !Number.isInteger(value) || value < RATING_MIN || value > RATING_MAX)
          fields[field] = `请打 ${RATING_MIN}–${RATING_MAX} 分`
        else kept[question.id] = value
        break
    }
  }
  return Object.keys(fields).length > 0 ? { ok: false, fields } : { ok: true, answers: kept }
}
