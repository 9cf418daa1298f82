import { randomUUID } from 'node:crypto'
import { and, count, desc, eq, inArray, isNotNull, or } from 'drizzle-orm'
import { chinaDate } from '../../../../types/china-time'
import type { ZoneId } from '../../../../types/content'
import { surveyStatus } from '../../../../types/survey-vocabulary'
import { type Question, type Survey, type SurveyBody, type SurveyCard } from '../../../../types/surveys'
import type { Db } from '../../db/client'
import { favourites, projectFollowers, serviceRequests, surveyResponses, surveys, type SurveyRow } from '../../db/schema'
import type { Deps } from '../../deps'
import { badField, conflict, notFound } from '../../http/errors'
import { canSeeZone, requireRole, scopeZone, type StaffIdentity } from '../auth/identity'
import { zoneName } from '../content/lookup'
import { findProject } from '../projects/tracking'

// 问需于企: supervisors write a survey for their zone, publish it, and investors of the zone answer.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const toSurvey = (deps: Pick<Deps, 'content'>, row: SurveyRow, today: string): Survey => ({
  id: row.id,
  // Stored as the zone's id at creation; ZoneId is that id's type.
  zoneId: row.zoneId as ZoneId,
  zoneName: zoneName(deps, row.zoneId),
  kind: row.kind,
  title: row.title,
  intro: row.intro,
  questions: row.questions,
  opensOn: row.opensOn,
  closesOn: row.closesOn,
  status: surveyStatus({ publishedAt: row.publishedAt?.toISOString() ?? null, opensOn: row.opensOn, closesOn: row.closesOn }, today),
  publishedAt: row.publishedAt?.toISOString() ?? null,
})

export const toCard = (deps: Pick<Deps, 'content'>, row: SurveyRow, today: string): SurveyCard => {
  const { questions, intro: _intro, ...card } = toSurvey(deps, row, today)
  return { ...card, questionCount: questions.length }
}

/** Questions get ids q1, q2 … in order; options are kept only for choice questions. */
const toQuestions = (body: SurveyBody): Question[] =>
  body.questions.map((question, index) => ({
    id: `q${index + 1}`,
    type: question.type,
    title: question.title,
    required: question.required,
    options: question.type === 'single' || question.type === 'multiple' ? (question.options ?? []) : [],
  }))

/** Agents and supervisors write for their own zone; an admin must name one. */
const surveyZone = (deps: Pick<Deps, 'content'>, member: StaffIdentity, requested: ZoneId | undefined): string => {
  const zone = scopeZone(member, requested)
  if (!zone) throw badField('zoneId', '请选择开发区')
  if (!deps.content.current().zones.some((candidate) => candidate.id === zone)) throw badField('zoneId', '没有这个开发区')
  return zone
}

const requireSupervisor = (member: StaffIdentity) => requireRole(member, ['supervisor', 'admin'], '只有主管和管理员可以编写和发布问卷')

/** A survey of a zone this staff member sees; another zone's (or a malformed id) answers like a missing one. */
export const surveyForStaff = async (db: Db, member: StaffIdentity, id: string, lock = false): Promise<SurveyRow> => {
  if (!UUID.test(id)) throw notFound('没有找到这份问卷')
  const query = db.select().from(surveys).where(eq(surveys.id, id))
  const [row] = lock ? await query.for('update') : await query
  if (!row || !canSeeZone(member, row.zoneId)) throw notFound('没有找到这份问卷')
  return row
}

const checkDates = (body: SurveyBody, today: string) => {
  if (body.closesOn < today) throw badField('closesOn', '截止日期不能早于今天')
}

/** POST /api/staff/surveys: a draft (supervisors and admins). */
export const createSurvey = async (deps: Deps, member: StaffIdentity, body: SurveyBody): Promise<Survey> => {
  requireSupervisor(member)
  const zoneId = surveyZone(deps, member, body.zoneId)
  const now = deps.clock()
  const today = chinaDate(now)
  checkDates(body, today)
  const [row] = await deps.db
    .insert(surveys)
    .values({
      id: randomUUID(),
      zoneId,
      kind: body.kind,
      title: body.title,
      intro: body.intro,
      questions: toQuestions(body),
      opensOn: body.opensOn,
      closesOn: body.closesOn,
      createdBy: member.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
  return toSurvey(deps, row, today)
}

/** PUT /api/staff/surveys/{id}: a draft may change entirely; a published survey is fixed (answers refer to it). */
export const updateSurvey = async (deps: Deps, member: StaffIdentity, id: string, body: SurveyBody): Promise<Survey> => {
  requireSupervisor(member)
  const now = deps.clock()
  const today = chinaDate(now)
  return deps.db.transaction(async (tx) => {
    const row = await surveyForStaff(tx, member, id, true)
    if (body.zoneId && body.zoneId !== row.zoneId) throw badField('zoneId', '问卷不能改到其他开发区')
    if (row.publishedAt) throw conflict('survey_published', '问卷已发布，不能再修改题目')
    checkDates(body, today)
    const [updated] = await tx
      .update(surveys)
      .set({
        kind: body.kind,
        title: body.title,
        intro: body.intro,
        questions: toQuestions(body),
        opensOn: body.opensOn,
        closesOn: body.closesOn,
        updatedAt: now,
      })
      .where(eq(surveys.id, row.id))
      .returning()
    return toSurvey(deps, updated, today)
  })
}

/** POST /api/staff/surveys/{id}/publish: investors of the zone see it (again: no change). */
export const publishSurvey = async (deps: Deps, member: StaffIdentity, id: string): Promise<Survey> => {
  requireSupervisor(member)
  const now = deps.clock()
  const today = chinaDate(now)
  return deps.db.transaction(async (tx) => {
    const row = await surveyForStaff(tx, member, id, true)
    if (row.publishedAt) return toSurvey(deps, row, today)
    if (row.closesOn < today) throw conflict('survey_closed', '问卷截止日期已过，请先修改日期再发布')
    const [published] = await tx.update(surveys).set({ publishedAt: now, updatedAt: now }).where(eq(surveys.id, row.id)).returning()
    return toSurvey(deps, published, today)
  })
}

/** GET /api/staff/surveys: the zone's surveys, drafts included, newest first, with how many answered. */
export const listForStaff = async (deps: Deps, member: StaffIdentity, zoneId: ZoneId | undefined) => {
  const zone = scopeZone(member, zoneId)
  const rows = await deps.db
    .select()
    .from(surveys)
    .where(zone ? eq(surveys.zoneId, zone) : undefined)
    .orderBy(desc(surveys.createdAt))
  const counts = rows.length
    ? await deps.db
        .select({ surveyId: surveyResponses.surveyId, n: count() })
        .from(surveyResponses)
        .where(
          inArray(
            surveyResponses.surveyId,
            rows.map((row) => row.id),
          ),
        )
        .groupBy(surveyResponses.surveyId)
    : []
  const answered = new Map(counts.map((row) => [row.surveyId, Number(row.n)]))
  const today = chinaDate(deps.clock())
  return { items: rows.map((row) => ({ ...toCard(deps, row, today), responseCount: answered.get(row.id) ?? 0 })) }
}

/** GET /api/surveys?zoneId=: published surveys (open, upcoming and closed), newest first, for the zone page. */
export const listPublished = async (deps: Deps, zoneId: string | undefined) => {
  const rows = await deps.db
    .select()
    .from(surveys)
    .where(and(isNotNull(surveys.publishedAt), zoneId ? eq(surveys.zoneId, zoneId) : undefined))
    .orderBy(desc(surveys.publishedAt))
  const today = chinaDate(deps.clock())
  return { items: rows.map((row) => toCard(deps, row, today)) }
}

/** The zones an investor deals with: their followed projects, their requests and their favourite parks. */
const investorZones = async (deps: Deps, investorId: string): Promise<Set<string>> => {
  const zones = new Set<string>()
  const followed = await deps.db
    .select({ id: projectFollowers.projectId })
    .from(projectFollowers)
    .where(eq(projectFollowers.investorId, investorId))
  for (const { id } of followed) {
    const project = findProject(deps, id)
    if (project) zones.add(project.zoneId)
  }
  const requested = await deps.db
    .selectDistinct({ zoneId: serviceRequests.zoneId })
    .from(serviceRequests)
    .where(eq(serviceRequests.investorId, investorId))
  for (const { zoneId } of requested) zones.add(zoneId)
  const parks = await deps.db.select({ parkId: favourites.parkId }).from(favourites).where(eq(favourites.investorId, investorId))
  const snapshot = deps.content.current()
  for (const { parkId } of parks) {
    const park = snapshot.parks.find((entry) => entry.card.id === parkId)
    if (park) zones.add(park.card.zoneId)
  }
  return zones
}

/** GET /api/surveys/mine: open surveys of the investor's zones, and every survey they answered. */
export const listMine = async (deps: Deps, investorId: string) => {
  const zones = [...(await investorZones(deps, investorId))]
  const answered = new Set(
    (await deps.db.select({ id: surveyResponses.surveyId }).from(surveyResponses).where(eq(surveyResponses.investorId, investorId))).map(
      (row) => row.id,
    ),
  )
  const rows = await deps.db
    .select()
    .from(surveys)
    .where(
      and(
        isNotNull(surveys.publishedAt),
        or(zones.length ? inArray(surveys.zoneId, zones) : undefined, answered.size ? inArray(surveys.id, [...answered]) : undefined),
      ),
    )
    .orderBy(desc(surveys.publishedAt))
  const today = chinaDate(deps.clock())
  const items = rows
    .map((row) => ({ ...toCard(deps, row, today), answered: answered.has(row.id) }))
    .filter((card) => card.answered || card.status === 'open')
  return { items: zones.length || answered.size ? items : [] }
}

/** A published survey by id; drafts and malformed ids answer 404. */
export const publishedSurvey = async (db: Db, id: string, lock = false): Promise<SurveyRow> => {
  if (!UUID.test(id)) throw notFound('没有找到这份问卷')
  const query = db.select().from(surveys).where(eq(surveys.id, id))
  const [row] = lock ? await query.for('share') : await query
  if (!row?.publishedAt) throw notFound('没有找到这份问卷')
  return row
}
