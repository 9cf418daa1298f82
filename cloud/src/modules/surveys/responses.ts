import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { chinaDate } from '../../../../types/china-time'
import { RATING_MAX, RATING_MIN, surveyStatus, TEXT_ANSWER_MAX } from '../../../../types/survey-vocabulary'
import {
  type AnswerValue,
  type MyResponse,
  type Question,
  type SurveyForInvestor,
  type SurveyResponseBody,
} from '../../../../types/surveys'
import { surveyResponses, type SurveyResponseRow } from '../../db/schema'
import type { Deps } from '../../deps'
import { ApiError, conflict } from '../../http/errors'
import { publishedSurvey, toSurvey } from './surveys'

const toMyResponse = (row: SurveyResponseRow): MyResponse => ({
  company: row.company,
  contactName: row.contactName,
  mobile: row.mobile,
  answers: row.answers,
  submittedAt: row.submittedAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
})

/** GET /api/surveys/{id}: a published survey; with an investor token, their own answer too. */
export const getForInvestor = async (deps: Deps, investorId: string | null, id: string): Promise<SurveyForInvestor> => {
  const row = await publishedSurvey(deps.db, id)
  const [mine] = investorId
    ? await deps.db
        .select()
        .from(surveyResponses)
        .where(and(eq(surveyResponses.surveyId, row.id), eq(surveyResponses.investorId, investorId)))
    : []
  return { survey: toSurvey(deps, row, chinaDate(deps.clock())), myResponse: mine ? toMyResponse(mine) : null }
}

/**
 * Checks answers against the questions: required ones answered, options among the question's, text
 * within TEXT_ANSWER_MAX, ratings whole numbers 1–5, no answer to a question the survey does not have.
 * Returns the answers to keep (blanks of optional questions dropped) or the field errors, by
 * `answers.<question id>`.
 */
export const checkAnswers = (
  questions: readonly Question[],
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

/**
 * POST /api/surveys/{id}/responses: one answer per investor and survey; sending again replaces it
 * until the survey closes (then 409 survey_closed; before it opens 409 survey_not_open). Bad answers
 * are 400 with a reason per question, and nothing is stored.
 */
export const submitResponse = async (
  deps: Deps,
  investorId: string,
  id: string,
  body: SurveyResponseBody,
): Promise<{ response: SurveyForInvestor; created: boolean }> => {
  const now = deps.clock()
  const today = chinaDate(now)
  return deps.db.transaction(async (tx) => {
    const survey = await publishedSurvey(tx, id, true)
    const status = surveyStatus(
      { publishedAt: survey.publishedAt!.toISOString(), opensOn: survey.opensOn, closesOn: survey.closesOn },
      today,
    )
    if (status === 'closed') throw conflict('survey_closed', `问卷已于 ${survey.closesOn} 截止，不能再提交或修改`)
    if (status === 'upcoming') throw conflict('survey_not_open', `问卷将于 ${survey.opensOn} 开始填写`)
    const checked = checkAnswers(survey.questions, body.answers)
    if (!checked.ok) throw new ApiError(400, 'validation_error', '请求参数有误', checked.fields)
    const [existing] = await tx
      .select({ id: surveyResponses.id })
      .from(surveyResponses)
      .where(and(eq(surveyResponses.surveyId, survey.id), eq(surveyResponses.investorId, investorId)))
    const values = { company: body.company, contactName: body.contactName, mobile: body.mobile, answers: checked.answers, updatedAt: now }
    // One row per (survey, investor): a concurrent second send updates the first instead of failing.
    const [row] = await tx
      .insert(surveyResponses)
      .values({ id: randomUUID(), surveyId: survey.id, investorId, submittedAt: now, ...values })
      .onConflictDoUpdate({ target: [surveyResponses.surveyId, surveyResponses.investorId], set: values })
      .returning()
    return { response: { survey: toSurvey(deps, survey, today), myResponse: toMyResponse(row) }, created: !existing }
  })
}
