import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { chinaDate } from '../../../../types/china-time'
import { checkAnswers, surveyStatus } from '../../../../types/survey-vocabulary'
import type { MyResponse, SurveyForInvestor, SurveyResponseBody } from '../../../../types/surveys'
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
