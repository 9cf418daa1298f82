import { randomUUID } from 'node:crypto'
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import { OPEN_STATUSES, isOpenStatus } from '../../../../types/request-status'
import type { RatingBody, ServiceRequest, ServiceRequestSummary } from '../../../../types/service'
import type { Db, Tx } from '../../db/client'
import { requestMessages, serviceRequests, staff, type RequestRow } from '../../db/schema'
import type { Deps } from '../../deps'
import { conflict, notFound } from '../../http/errors'
import { notifyLowRating } from '../notifications/notices'
import { appendAudit, applyTransition, requestClosed, SYSTEM, type Actor } from './transitions'
import { canWithdraw, loadParts, toInvestorView, toSummary } from './views'

// The investor's side of a request after submission: reading, follow-ups, rating, withdrawal.

export const listMine = async (deps: Deps, investorId: string): Promise<ServiceRequestSummary[]> => {
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

export const getForInvestor = async (deps: Deps, investorId: string, id: string): Promise<ServiceRequest> => {
  const [row] = await deps.db
    .select()
    .from(serviceRequests)
    .where(and(eq(serviceRequests.id, id), eq(serviceRequests.investorId, investorId)))
  if (!row) throw notFound('没有找到这条服务请求')
  return toInvestorView(deps, row, await loadParts(deps.db, row), deps.clock())
}

const investorAction = (
  deps: Deps,
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
export const investorMessage = (deps: Deps, investorId: string, id: string, body: string) =>
  investorAction(deps, investorId, id, async (tx, row, now) => {
    if (!isOpenStatus(row.status)) throw requestClosed()
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
export const rateRequest = (deps: Deps, investorId: string, id: string, rating: RatingBody) =>
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

export const withdrawRequest = (deps: Deps, investorId: string, id: string) =>
  investorAction(deps, investorId, id, async (tx, row, now) => {
    if (!canWithdraw(row)) throw conflict('cannot_withdraw', '店小二已答复或请求已在办理中，不能撤回')
    return applyTransition(tx, deps, row, 'withdrawn', { kind: 'investor', investorId }, now)
  })

