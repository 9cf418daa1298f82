import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import { chinaDate, chinaDateTime } from '../../../../types/china-time'
import type { ZoneId } from '../../../../types/content'
import { QUESTION_TYPE_LABELS, RATING_MAX, SURVEY_KIND_LABELS } from '../../../../types/survey-vocabulary'
import { type AnswerValue, type Question, type QuestionResult, type SurveyResults } from '../../../../types/surveys'
import { serviceRequests, surveyResponses, surveys, type SurveyResponseRow, type SurveyRow } from '../../db/schema'
import { withDb, type Deps } from '../../deps'
import { toCsv } from '../../http/csv'
import { ApiError, notFound } from '../../http/errors'
import { scopeZone, type StaffIdentity } from '../auth/identity'
import { zoneName } from '../content/lookup'
import { createRequest } from '../requests/submit'
import { appendAudit } from '../requests/transitions'
import { maskMobile } from '../requests/views'
import { surveyForStaff, toSurvey } from './surveys'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const summarize = (question: Question, responses: readonly SurveyResponseRow[]): QuestionResult => {
  const given = responses.flatMap((response) => {
    const value = response.answers[question.id]
    return value === undefined ? [] : [{ response, value }]
  })
  const chosen = (option: string) => given.filter(({ value }) => (Array.isArray(value) ? value.includes(option) : value === option)).length
  const ratings = given.map(({ value }) => value).filter((value): value is number => typeof value === 'number')
  return {
    id: question.id,
    type: question.type,
    title: question.title,
    answered: given.length,
    options: question.options.map((option) => ({ option, count: chosen(option) })),
    average:
      question.type === 'rating' && ratings.length
        ? Math.round((ratings.reduce((sum, n) => sum + n, 0) / ratings.length) * 100) / 100
        : null,
    distribution:
      question.type === 'rating' ? Array.from({ length: RATING_MAX }, (_, index) => ratings.filter((n) => n === index + 1).length) : [],
    texts:
      question.type === 'text'
        ? given.map(({ response, value }) => ({ responseId: response.id, company: response.company, text: String(value) }))
        : [],
  }
}

const ticketsOf = async (deps: Pick<Deps, 'db'>, responses: readonly SurveyResponseRow[]) => {
  const ids = responses.map((response) => response.requestId).filter((id): id is string => id !== null)
  if (!ids.length) return new Map<string, string>()
  const rows = await deps.db
    .select({ id: serviceRequests.id, ticketNo: serviceRequests.ticketNo })
    .from(serviceRequests)
    .where(inArray(serviceRequests.id, ids))
  return new Map(rows.map((row) => [row.id, row.ticketNo]))
}

/** GET /api/staff/surveys/{id}/results: counts per option, rating averages, text answers with the company, every response. */
export const surveyResults = async (deps: Deps, member: StaffIdentity, id: string): Promise<SurveyResults> => {
  const survey = await surveyForStaff(deps.db, member, id)
  const responses = await deps.db
    .select()
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, survey.id))
    .orderBy(desc(surveyResponses.updatedAt), asc(surveyResponses.id))
  const tickets = await ticketsOf(deps, responses)
  return {
    survey: toSurvey(deps, survey, chinaDate(deps.clock())),
    responseCount: responses.length,
    questions: survey.questions.map((question) => summarize(question, responses)),
    responses: responses.map((response) => ({
      id: response.id,
      company: response.company,
      contactName: response.contactName,
      mobileMasked: maskMobile(response.mobile),
      answers: response.answers,
      submittedAt: response.submittedAt.toISOString(),
      updatedAt: response.updatedAt.toISOString(),
      request: response.requestId ? { id: response.requestId, ticketNo: tickets.get(response.requestId) ?? '' } : null,
    })),
  }
}

const answerText = (value: AnswerValue | undefined): string =>
  value === undefined ? '' : Array.isArray(value) ? value.join('、') : String(value)

/** What the request says: the survey, then every answered question with its answer. */
const describeAnswers = (survey: SurveyRow, response: SurveyResponseRow): string => {
  const lines = survey.questions
    .filter((question) => response.answers[question.id] !== undefined)
    .map((question) => `${question.title}：${answerText(response.answers[question.id])}`)
  const text = [`来自问卷《${survey.title}》（${SURVEY_KIND_LABELS[survey.kind]}）的答复：`, ...lines].join('\n')
  return text.length > 1000 ? `${text.slice(0, 999)}…` : text
}

/**
 * POST /api/staff/surveys/{id}/responses/{responseId}/request: the answer becomes a 店小二 request of
 * the company that gave it, linked to the survey; the company sees it in its list. Once per answer:
 * tapping again answers the request already made.
 */
export const responseToRequest = async (
  deps: Deps,
  member: StaffIdentity,
  id: string,
  responseId: string,
): Promise<{ requestId: string; ticketNo: string }> => {
  const survey = await surveyForStaff(deps.db, member, id)
  if (!UUID.test(responseId)) throw notFound('没有找到这份答卷')
  const now = deps.clock()
  return deps.db.transaction(async (tx) => {
    const [response] = await tx
      .select()
      .from(surveyResponses)
      .where(and(eq(surveyResponses.id, responseId), eq(surveyResponses.surveyId, survey.id)))
      .for('update')
    if (!response) throw notFound('没有找到这份答卷')
    if (response.requestId) {
      const [existing] = await tx
        .select({ id: serviceRequests.id, ticketNo: serviceRequests.ticketNo })
        .from(serviceRequests)
        .where(eq(serviceRequests.id, response.requestId))
      return { requestId: existing.id, ticketNo: existing.ticketNo }
    }
    const { request } = await createRequest(
      withDb(deps, tx),
      response.investorId,
      {
        type: 'other',
        zoneId: survey.zoneId as ZoneId,
        company: response.company,
        contactName: response.contactName,
        mobile: response.mobile,
        description: describeAnswers(survey, response),
        photos: [],
      },
      `survey-${response.id}`,
      { link: { kind: 'survey', surveyId: survey.id, responseId: response.id, surveyTitle: survey.title } },
    )
    await tx.update(surveyResponses).set({ requestId: request.id }).where(eq(surveyResponses.id, response.id))
    await appendAudit(tx, request.id, now, { kind: 'staff', staff: member }, 'filed_for_investor', {
      from: 'survey_response',
      surveyId: survey.id,
      responseId: response.id,
    })
    return { requestId: request.id, ticketNo: request.ticketNo }
  })
}

/** The answers as CSV, one row per answered question: a survey of the zone, or every survey of the zone. */
export const exportCsv = async (
  deps: Deps,
  member: StaffIdentity,
  query: { zoneId?: ZoneId; surveyId?: string },
): Promise<{ csv: string; name: string }> => {
  const zone = scopeZone(member, query.zoneId)
  const chosen = query.surveyId ? [await surveyForStaff(deps.db, member, query.surveyId)] : null
  if (chosen && zone && chosen[0].zoneId !== zone) throw new ApiError(404, 'not_found', '没有找到这份问卷')
  const list =
    chosen ??
    (await deps.db
      .select()
      .from(surveys)
      .where(zone ? eq(surveys.zoneId, zone) : undefined)
      .orderBy(asc(surveys.createdAt)))
  const responses = list.length
    ? await deps.db
        .select()
        .from(surveyResponses)
        .where(
          inArray(
            surveyResponses.surveyId,
            list.map((survey) => survey.id),
          ),
        )
        .orderBy(asc(surveyResponses.submittedAt), asc(surveyResponses.id))
    : []
  const tickets = await ticketsOf(deps, responses)
  const rows: (string | number | null)[][] = [
    ['开发区', '问卷', '类型', '企业', '联系人', '手机号', '提交时间', '最后修改', '题号', '题型', '题目', '答案', '店小二工单'],
  ]
  for (const survey of list) {
    for (const response of responses.filter((candidate) => candidate.surveyId === survey.id)) {
      for (const question of survey.questions) {
        if (response.answers[question.id] === undefined) continue
        rows.push([
          zoneName(deps, survey.zoneId),
          survey.title,
          SURVEY_KIND_LABELS[survey.kind],
          response.company,
          response.contactName,
          maskMobile(response.mobile),
          chinaDateTime(response.submittedAt),
          chinaDateTime(response.updatedAt),
          question.id,
          QUESTION_TYPE_LABELS[question.type],
          question.title,
          answerText(response.answers[question.id]),
          response.requestId ? (tickets.get(response.requestId) ?? null) : null,
        ])
      }
    }
  }
  const day = chinaDate(deps.clock())
  return { csv: toCsv(rows), name: chosen ? `问卷答复-${chosen[0].title}-${day}.csv` : `问卷答复-${day}.csv` }
}
