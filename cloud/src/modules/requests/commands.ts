import { createHash, randomUUID } from 'node:crypto'
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm'
import {
  ServiceRequest,
  TICKET_PREFIXES,
  type CreateServiceRequestBody,
  type RatingBody,
  type RequestStatus,
  type ServiceRequestSummary,
  type StaffRequestDetail,
  type TIMELINE_STEPS,
} from '../../../../types/service'
import { REQUEST_STATUS_LABELS, canTransition } from '../../../../types/request-status'
import { canSeeZone, type StaffIdentity } from '../auth/identity'
import { OPEN_STATUSES, idempotencyKeys, requestAudit, requestMessages, serviceRequests, staff } from '../../db/schema'
import type { Db } from '../../db/client'
import { ApiError, badField, conflict, forbidden, invalidToken, notFound } from '../../http/api-error'
import type { RequestRow, ServiceDeps, Tx } from '../../deps'
import { newRequestNotice, notifyInvestor, notifyLowRating } from '../notifications/notices'
import { addMs, chinaDayCompact, DEFAULT_RESOLUTION_WORKING_DAYS } from './time'
import { canWithdraw, loadParts, photoUrl, toInvestorView, toStaffDetail, toSummary } from './views'

type TimelineStep = (typeof TIMELINE_STEPS)[number]

/** Who did something, for the audit trail and the investor's timeline. */
export type Actor = { kind: 'investor'; investorId: string } | { kind: 'staff'; staff: StaffIdentity } | { kind: 'system' }

const SYSTEM: Actor = { kind: 'system' }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const isOpen = (status: RequestStatus) => (OPEN_STATUSES as readonly string[]).includes(status)

/** Every change to a request lands here (the table refuses updates and deletes). */
export const appendAudit = async (
  tx: Db,
  requestId: string,
  at: Date,
  actor: Actor,
  action: string,
  detail: Record<string, unknown> = {},
  timelineStep: TimelineStep | null = null,
): Promise<void> => {
  await tx.insert(requestAudit).values({
    requestId,
    at,
    actorKind: actor.kind,
    staffId: actor.kind === 'staff' ? actor.staff.id : null,
    action,
    detail,
    timelineStep,
  })
}

/** Statuses the investor's timeline shows as steps (提交, 已答复 and 评价 come from other actions). */
const TIMELINE_STEP_OF: Partial<Record<RequestStatus, TimelineStep>> = {
  accepted: 'accepted',
  in_progress: 'in_progress',
  resolved: 'resolved',
}

export const invalidTransition = (from: RequestStatus, to: RequestStatus) =>
  new ApiError(409, 'invalid_transition', `请求当前为“${REQUEST_STATUS_LABELS[from]}”，不能改为“${REQUEST_STATUS_LABELS[to]}”`)

const requestClosed = () => conflict('request_closed', '该请求已办结、评价或撤回，不能再进行此操作')

/**
 * Moves a locked request to another status (only along STATUS_TRANSITIONS) and keeps the clocks:
 * waiting_investor pauses the resolution clock and leaving it adds the pause to the due time; a
 * resolved request that is reopened likewise gets the time it sat resolved back. `extra` is written
 * in the same update (assignee, escalation).
 */
export const applyTransition = async (
  tx: Db,
  deps: Pick<ServiceDeps, 'config'>,
  row: RequestRow,
  to: RequestStatus,
  actor: Actor,
  now: Date,
  extra: Partial<RequestRow> = {},
  detail: Record<string, unknown> = {},
): Promise<RequestRow> => {
  if (!canTransition(row.status, to)) throw invalidTransition(row.status, to)
  const patch: Partial<RequestRow> = { status: to, updatedAt: now, ...extra }
  let resolutionDueAt = row.resolutionDueAt
  if (row.status === 'waiting_investor' && row.resolutionPausedSince) {
    resolutionDueAt = addMs(resolutionDueAt, now.getTime() - row.resolutionPausedSince.getTime())
    patch.resolutionPausedSince = null
  }
  if (row.status === 'resolved' && to === 'in_progress' && row.resolvedAt) {
    resolutionDueAt = addMs(resolutionDueAt, now.getTime() - row.resolvedAt.getTime())
    patch.resolvedAt = null
  }
  if (resolutionDueAt !== row.resolutionDueAt) patch.resolutionDueAt = resolutionDueAt
  if (to === 'waiting_investor') patch.resolutionPausedSince = now
  if (to === 'resolved') patch.resolvedAt = now
  if (to === 'closed' || to === 'withdrawn') patch.closedAt = now

  await tx.update(serviceRequests).set(patch).where(eq(serviceRequests.id, row.id))
  const next = { ...row, ...patch }
  await appendAudit(tx, row.id, now, actor, 'status_changed', { from: row.status, to, ...detail }, TIMELINE_STEP_OF[to] ?? null)
  if (to === 'resolved') await notifyInvestor(tx, deps, next, 'resolved', '您的服务请求已办结，请评价', now)
  return next
}

// ---- Investor side ------------------------------------------------------------

const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  )

export type CreateResult = { request: ServiceRequest; replayed: boolean }

type SubmitOutcome =
  | { outcome: 'created' | 'replayed'; body: unknown; bad_photo: null }
  | { outcome: 'mismatch' | 'unknown_investor'; body: null; bad_photo: null }
  | { outcome: 'bad_photo'; body: null; bad_photo: number }

const idempotencyMismatch = () =>
  new ApiError(422, 'idempotency_mismatch', '该 Idempotency-Key 已用于另一份不同的请求内容，请为新的提交生成新的 Key')

/**
 * Creates a request once per Idempotency-Key (Stripe semantics): a retry with the same key and body
 * gets the stored response (replayed), a different body 422.
 *
 * One database round trip: submit_service_request (migration 0003) checks the investor, the key and
 * the photos, numbers the ticket, applies the zone's SLA target and writes the request, its photos,
 * the audit entry, the new-request notice and the key with its response in one statement, hence one
 * transaction; on PGlite (single-threaded WASM) every round trip was the cost. What needs the app is
 * computed here and passed in: the investor's view of the new request (toInvestorView; the database
 * adds the ticket number, resolution deadline and photos), the notice text and signed photo URLs.
 * The token's investor is looked up there too (the route uses requireInvestorToken), and a missing
 * one still answers 401 invalid_token.
 */
export const createRequest = async (
  deps: ServiceDeps,
  investorId: string,
  body: CreateServiceRequestBody,
  idempotencyKey: string,
): Promise<CreateResult> => {
  const park = body.parkId ? deps.content.current().parks.find((entry) => entry.card.id === body.parkId) : undefined
  if (body.parkId && park?.card.zoneId !== body.zoneId) throw badField('parkId', '该园区不属于所选开发区')
  // Upload ids as the database prints them (signed URLs name them so).
  const photoIds = body.photos.map((photoId) => photoId.toLowerCase())
  const duplicate = photoIds.findIndex((photoId, index) => photoIds.indexOf(photoId) !== index)
  if (duplicate >= 0) throw badField(`photos.${duplicate}`, '同一张图片不能重复提交')
  const bodyHash = createHash('sha256').update(canonicalJson(body)).digest('hex')
  const now = deps.clock()
  const id = randomUUID()

  // The row as the database will store it, but for the ticket number and resolution deadline it assigns.
  const draft: Omit<RequestRow, 'ticketNo'> = {
    id,
    investorId,
    zoneId: body.zoneId,
    parkId: body.parkId ?? null,
    type: body.type,
    company: body.company,
    contactName: body.contactName,
    mobile: body.mobile,
    description: body.description,
    preferredContactTime: body.preferredContactTime ?? null,
    status: 'new',
    escalated: false,
    assigneeId: null,
    createdAt: now,
    firstResponseDueAt: addMs(now, deps.config.sla.firstResponseMs),
    firstRespondedAt: null,
    reminderSentAt: null,
    breachedAt: null,
    resolutionDueAt: now,
    resolutionPausedSince: null,
    resolvedAt: null,
    closedAt: null,
    ratingScore: null,
    ratingComment: null,
    ratedAt: null,
    updatedAt: now,
  }
  const created = {
    id: 0,
    at: now,
    actorKind: 'investor',
    staffName: null,
    action: 'created',
    detail: {},
    timelineStep: 'submitted',
  } as const
  const view = toInvestorView(deps, { ...draft, ticketNo: '' }, { photos: [], messages: [], audit: [created], assignee: null }, now)
  const { ticketNo: _ticketNo, resolutionDueAt: _resolutionDueAt, photos: _photos, ...template } = view
  const notice = newRequestNotice(deps, draft)
  const day = chinaDayCompact(now)

  const result = await deps.db.execute(sql`select outcome, body, bad_photo from submit_service_request(
    ${id}::uuid, ${investorId}::uuid, ${idempotencyKey}, ${bodyHash}, ${now.toISOString()}::timestamptz,
    ${body.zoneId}, ${draft.parkId}, ${body.type}, ${body.company}, ${body.contactName}, ${body.mobile}, ${body.description},
    ${draft.preferredContactTime}, ${draft.firstResponseDueAt.toISOString()}::timestamptz,
    ${JSON.stringify(photoIds.map((photoId) => ({ id: photoId, url: photoUrl(deps.tokens, photoId, now) })))}::jsonb,
    ${day}, ${`${TICKET_PREFIXES[body.zoneId]}-${day}-`}, ${DEFAULT_RESOLUTION_WORKING_DAYS}::integer,
    ${JSON.stringify(template)}::jsonb,
    ${randomUUID()}::uuid, ${notice.status}, ${notice.lastError}, ${notice.beforeTicket}, ${notice.afterTicket}
  )`)
  const [row] = (result as unknown as { rows: SubmitOutcome[] }).rows
  switch (row.outcome) {
    case 'created':
      return { request: row.body as ServiceRequest, replayed: false }
    case 'replayed':
      return { request: ServiceRequest.parse(row.body), replayed: true }
    case 'mismatch':
      throw idempotencyMismatch()
    case 'unknown_investor':
      throw invalidToken()
    case 'bad_photo':
      throw badField(`photos.${row.bad_photo}`, '图片不存在或不是您上传的，请重新上传')
  }
}

/**
 * How long a submission's Idempotency-Key replays its first answer. The app retries an unanswered
 * send at once or when the investor comes back to the draft; a month covers that with room to spare,
 * and keeps the stored answers from growing without end.
 */
export const IDEMPOTENCY_KEY_RETENTION_MS = 30 * 24 * 3600_000

/** Forgets keys past their retention (called by the job loop); their requests stay. Returns how many. */
export const pruneIdempotencyKeys = async (db: Db, now: Date): Promise<number> => {
  const expired = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, addMs(now, -IDEMPOTENCY_KEY_RETENTION_MS)))
    .returning({ key: idempotencyKeys.key })
  return expired.length
}

export const listMine = async (deps: ServiceDeps, investorId: string): Promise<ServiceRequestSummary[]> => {
  const rows = await deps.db
    .select()
    .from(serviceRequests)
    .where(eq(serviceRequests.investorId, investorId))
    .orderBy(desc(serviceRequests.createdAt), desc(serviceRequests.id))
  return rows.map(toSummary)
}

/** Someone else's request answers exactly like one that does not exist. */
const lockOwn = async (tx: Db, investorId: string, id: string): Promise<RequestRow> => {
  const [row] = await tx
    .select()
    .from(serviceRequests)
    .where(and(eq(serviceRequests.id, id), eq(serviceRequests.investorId, investorId)))
    .for('update')
  if (!row) throw notFound('没有找到这条服务请求')
  return row
}

export const getForInvestor = async (deps: ServiceDeps, investorId: string, id: string): Promise<ServiceRequest> => {
  const [row] = await deps.db
    .select()
    .from(serviceRequests)
    .where(and(eq(serviceRequests.id, id), eq(serviceRequests.investorId, investorId)))
  if (!row) throw notFound('没有找到这条服务请求')
  return toInvestorView(deps, row, await loadParts(deps.db, row), deps.clock())
}

const investorAction = (
  deps: ServiceDeps,
  investorId: string,
  id: string,
  act: (tx: Tx, row: RequestRow, now: Date) => Promise<RequestRow>,
): Promise<ServiceRequest> =>
  deps.db.transaction(async (tx) => {
    const now = deps.clock()
    const row = await act(tx, await lockOwn(tx, investorId, id), now)
    return toInvestorView(deps, row, await loadParts(tx, row), now)
  })

/** A follow-up from the investor; when staff were waiting on them, the request resumes (and its clock). */
export const investorMessage = (deps: ServiceDeps, investorId: string, id: string, body: string) =>
  investorAction(deps, investorId, id, async (tx, row, now) => {
    if (!isOpen(row.status)) throw requestClosed()
    const messageId = randomUUID()
    await tx.insert(requestMessages).values({ id: messageId, requestId: row.id, author: 'investor', internal: false, body, createdAt: now })
    await appendAudit(tx, row.id, now, { kind: 'investor', investorId }, 'investor_message', { messageId })
    if (row.status === 'waiting_investor')
      return applyTransition(tx, deps, row, 'in_progress', SYSTEM, now, {}, { reason: 'investor_replied' })
    await tx.update(serviceRequests).set({ updatedAt: now }).where(eq(serviceRequests.id, row.id))
    return { ...row, updatedAt: now }
  })

/** The zone supervisor with the fewest open requests on their desk (oldest account first on a tie). */
const pickSupervisor = async (tx: Db, zoneId: string): Promise<{ id: string; displayName: string } | null> => {
  const load = sql<number>`count(${serviceRequests.id})`
  const [supervisor] = await tx
    .select({ id: staff.id, displayName: staff.displayName, load })
    .from(staff)
    .leftJoin(serviceRequests, and(eq(serviceRequests.assigneeId, staff.id), inArray(serviceRequests.status, [...OPEN_STATUSES])))
    .where(and(eq(staff.zoneId, zoneId), eq(staff.role, 'supervisor')))
    .groupBy(staff.id)
    .orderBy(asc(load), asc(staff.createdAt), asc(staff.id))
    .limit(1)
  return supervisor ? { id: supervisor.id, displayName: supervisor.displayName } : null
}

/**
 * 评价 after 办结. 3–5 closes the request; 1–2 reopens it for a supervisor (escalated, reassigned,
 * WeCom notice) and the answer carries the zone's supervision hotline.
 */
export const rateRequest = (deps: ServiceDeps, investorId: string, id: string, rating: RatingBody) =>
  investorAction(deps, investorId, id, async (tx, row, now) => {
    if (row.status !== 'resolved') throw conflict('cannot_rate', '请求办结后才能评价')
    const investor: Actor = { kind: 'investor', investorId }
    const ratingFields = { ratingScore: rating.score, ratingComment: rating.comment || null, ratedAt: now }
    await appendAudit(tx, row.id, now, investor, 'rated', { score: rating.score }, 'rated')
    if (rating.score >= 3) return applyTransition(tx, deps, row, 'closed', investor, now, ratingFields)

    const supervisor = await pickSupervisor(tx, row.zoneId)
    const reopened = await applyTransition(
      tx,
      deps,
      row,
      'in_progress',
      SYSTEM,
      now,
      { ...ratingFields, escalated: true, assigneeId: supervisor?.id ?? row.assigneeId },
      { reason: 'low_rating' },
    )
    await appendAudit(tx, row.id, now, SYSTEM, 'escalated', {
      reason: 'low_rating',
      score: rating.score,
      supervisorId: supervisor?.id ?? null,
      supervisorName: supervisor?.displayName ?? null,
    })
    await notifyLowRating(tx, deps, reopened, rating.score as 1 | 2, supervisor, now)
    return reopened
  })

export const withdrawRequest = (deps: ServiceDeps, investorId: string, id: string) =>
  investorAction(deps, investorId, id, async (tx, row, now) => {
    if (!canWithdraw(row)) throw conflict('cannot_withdraw', '店小二已答复或请求已在办理中，不能撤回')
    return applyTransition(tx, deps, row, 'withdrawn', { kind: 'investor', investorId }, now)
  })

// ---- Staff side -----------------------------------------------------------------

/** Row-locked (SELECT … FOR UPDATE) so concurrent claims, assignments and transitions queue up. */
const lockForStaff = async (tx: Db, member: StaffIdentity, id: string): Promise<RequestRow> => {
  const [row] = await tx.select().from(serviceRequests).where(eq(serviceRequests.id, id)).for('update')
  // Another zone's request answers like a missing one.
  if (!row || !canSeeZone(member, row.zoneId)) throw notFound('没有找到这条服务请求')
  return row
}

export const getForStaff = async (deps: ServiceDeps, member: StaffIdentity, id: string): Promise<StaffRequestDetail> => {
  const [row] = await deps.db.select().from(serviceRequests).where(eq(serviceRequests.id, id))
  if (!row || !canSeeZone(member, row.zoneId)) throw notFound('没有找到这条服务请求')
  return toStaffDetail(deps, row, await loadParts(deps.db, row), deps.clock())
}

const staffAction = (
  deps: ServiceDeps,
  member: StaffIdentity,
  id: string,
  act: (tx: Tx, row: RequestRow, now: Date, actor: Actor) => Promise<RequestRow>,
): Promise<StaffRequestDetail> =>
  deps.db.transaction(async (tx) => {
    const now = deps.clock()
    const row = await act(tx, await lockForStaff(tx, member, id), now, { kind: 'staff', staff: member })
    return toStaffDetail(deps, row, await loadParts(tx, row), now)
  })

const setAssignee = async (
  tx: Db,
  row: RequestRow,
  assignee: { id: string; displayName: string },
  actor: Actor,
  now: Date,
  action: string,
) => {
  await tx.update(serviceRequests).set({ assigneeId: assignee.id, updatedAt: now }).where(eq(serviceRequests.id, row.id))
  await appendAudit(tx, row.id, now, actor, action, { from: row.assigneeId, to: assignee.id, assigneeName: assignee.displayName })
  return { ...row, assigneeId: assignee.id, updatedAt: now }
}

/** 受理: take the request; a new one becomes accepted. */
export const claimRequest = (deps: ServiceDeps, member: StaffIdentity, id: string) =>
  staffAction(deps, member, id, async (tx, row, now, actor) => {
    if (!isOpen(row.status)) throw requestClosed()
    if (row.assigneeId === member.id) return row
    if (row.assigneeId) throw conflict('already_assigned', '该请求已由其他同事负责')
    const claimed = await setAssignee(tx, row, member, actor, now, 'claimed')
    return claimed.status === 'new' ? applyTransition(tx, deps, claimed, 'accepted', actor, now) : claimed
  })

/**
 * 指派 to a colleague of the request's zone. Supervisors and admins assign any request in scope;
 * an agent hands over only what is theirs or nobody's.
 */
export const assignRequest = (deps: ServiceDeps, member: StaffIdentity, id: string, staffId: string) =>
  staffAction(deps, member, id, async (tx, row, now, actor) => {
    if (member.role === 'agent' && row.assigneeId && row.assigneeId !== member.id) throw forbidden('只能转交自己负责或尚未指派的请求')
    if (!isOpen(row.status)) throw requestClosed()
    const wrongColleague = () => badField('staffId', '只能指派给本开发区的店小二或主管')
    if (!UUID.test(staffId)) throw wrongColleague()
    const [colleague] = await tx
      .select({ id: staff.id, displayName: staff.displayName })
      .from(staff)
      .where(and(eq(staff.id, staffId), eq(staff.zoneId, row.zoneId), inArray(staff.role, ['agent', 'supervisor'])))
    if (!colleague) throw wrongColleague()
    if (row.assigneeId === colleague.id) return row
    return setAssignee(tx, row, colleague, actor, now, 'assigned')
  })

/** A public answer: the first one stops the 24-hour clock; the investor is notified. */
export const replyToRequest = (deps: ServiceDeps, member: StaffIdentity, id: string, body: string) =>
  staffAction(deps, member, id, async (tx, row, now, actor) => {
    if (row.status === 'closed' || row.status === 'withdrawn') throw requestClosed()
    let next = row
    // Answering a new request accepts it first (for whoever answered, if nobody had taken it), so the
    // investor's timeline reads 受理 → 已答复.
    if (next.status === 'new') {
      if (!next.assigneeId) next = await setAssignee(tx, next, member, actor, now, 'claimed')
      next = await applyTransition(tx, deps, next, 'accepted', actor, now)
    }
    const messageId = randomUUID()
    await tx
      .insert(requestMessages)
      .values({ id: messageId, requestId: row.id, author: 'staff', staffId: member.id, internal: false, body, createdAt: now })
    await appendAudit(tx, row.id, now, actor, 'replied', { messageId, first: row.firstRespondedAt === null }, 'replied')
    next = { ...next, firstRespondedAt: row.firstRespondedAt ?? now, updatedAt: now }
    await tx.update(serviceRequests).set({ firstRespondedAt: next.firstRespondedAt, updatedAt: now }).where(eq(serviceRequests.id, row.id))
    await notifyInvestor(tx, deps, next, 'reply', body, now)
    return next
  })

/** Internal note: staff only, and it does not count as an answer. */
export const addNote = (deps: ServiceDeps, member: StaffIdentity, id: string, body: string) =>
  staffAction(deps, member, id, async (tx, row, now, actor) => {
    const messageId = randomUUID()
    await tx
      .insert(requestMessages)
      .values({ id: messageId, requestId: row.id, author: 'staff', staffId: member.id, internal: true, body, createdAt: now })
    await appendAudit(tx, row.id, now, actor, 'note_added', { messageId })
    await tx.update(serviceRequests).set({ updatedAt: now }).where(eq(serviceRequests.id, row.id))
    return { ...row, updatedAt: now }
  })

export const changeStatus = (deps: ServiceDeps, member: StaffIdentity, id: string, to: RequestStatus) =>
  staffAction(deps, member, id, async (tx, row, now, actor) => {
    if (!canTransition(row.status, to)) throw invalidTransition(row.status, to)
    // Accepting a request nobody has taken makes it yours.
    const current = to === 'accepted' && !row.assigneeId ? await setAssignee(tx, row, member, actor, now, 'claimed') : row
    return applyTransition(tx, deps, current, to, actor, now)
  })
