import { randomUUID } from 'node:crypto'
import { and, eq, inArray } from 'drizzle-orm'
import { canTransition, isOpenStatus } from '../../../../types/request-status'
import type { RequestStatus, StaffRequestDetail } from '../../../../types/service'
import type { Db, Tx } from '../../db/client'
import { requestMessages, serviceRequests, staff, type RequestRow } from '../../db/schema'
import type { Deps } from '../../deps'
import { badField, conflict, forbidden, notFound } from '../../http/errors'
import { canSeeZone, type StaffIdentity } from '../auth/identity'
import { notifyInvestor } from '../notifications/notices'
import { appendAudit, applyTransition, invalidTransition, requestClosed, type Actor } from '../requests/transitions'
import { loadParts, toStaffDetail } from '../requests/views'

// The 店小二 workbench's actions on one request. Every change is row-locked and audited.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Row-locked (SELECT … FOR UPDATE) so concurrent claims, assignments and transitions queue up. */
const lockForStaff = async (tx: Db, member: StaffIdentity, id: string): Promise<RequestRow> => {
  const [row] = await tx.select().from(serviceRequests).where(eq(serviceRequests.id, id)).for('update')
  // Another zone's request answers like a missing one.
  if (!row || !canSeeZone(member, row.zoneId)) throw notFound('没有找到这条服务请求')
  return row
}

export const getForStaff = async (deps: Deps, member: StaffIdentity, id: string): Promise<StaffRequestDetail> => {
  const [row] = await deps.db.select().from(serviceRequests).where(eq(serviceRequests.id, id))
  if (!row || !canSeeZone(member, row.zoneId)) throw notFound('没有找到这条服务请求')
  return toStaffDetail(deps, row, await loadParts(deps.db, row), deps.clock())
}

/**
 * Who may act for the zone on a request: its assignee, and the zone's supervisors and admins.
 * Other agents of the zone may read it and add internal notes; a request nobody has taken yet is
 * taken by the agent who accepts or answers it.
 */
const handles = (member: StaffIdentity, row: RequestRow): boolean => member.role !== 'agent' || row.assigneeId === member.id

const notYours = () =>
  forbidden('该请求由其他同事负责：只有负责人、主管或管理员可以答复、变更状态或撤回；您可以添加内部备注，或请主管转交给您')

const staffAction = (
  deps: Deps,
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
export const claimRequest = (deps: Deps, member: StaffIdentity, id: string) =>
  staffAction(deps, member, id, async (tx, row, now, actor) => {
    if (!isOpenStatus(row.status)) throw requestClosed()
    if (row.assigneeId === member.id) return row
    if (row.assigneeId) throw conflict('already_assigned', '该请求已由其他同事负责')
    const claimed = await setAssignee(tx, row, member, actor, now, 'claimed')
    return claimed.status === 'new' ? applyTransition(tx, deps, claimed, 'accepted', actor, now) : claimed
  })

/**
 * 指派 to a colleague of the request's zone. Supervisors and admins assign any request in scope;
 * an agent hands over only what is theirs or nobody's.
 */
export const assignRequest = (deps: Deps, member: StaffIdentity, id: string, staffId: string) =>
  staffAction(deps, member, id, async (tx, row, now, actor) => {
    if (member.role === 'agent' && row.assigneeId && row.assigneeId !== member.id) throw forbidden('只能转交自己负责或尚未指派的请求')
    if (!isOpenStatus(row.status)) throw requestClosed()
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
export const replyToRequest = (deps: Deps, member: StaffIdentity, id: string, body: string) =>
  staffAction(deps, member, id, async (tx, row, now, actor) => {
    if (row.assigneeId && !handles(member, row)) throw notYours()
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
export const addNote = (deps: Deps, member: StaffIdentity, id: string, body: string) =>
  staffAction(deps, member, id, async (tx, row, now, actor) => {
    const messageId = randomUUID()
    await tx
      .insert(requestMessages)
      .values({ id: messageId, requestId: row.id, author: 'staff', staffId: member.id, internal: true, body, createdAt: now })
    await appendAudit(tx, row.id, now, actor, 'note_added', { messageId })
    await tx.update(serviceRequests).set({ updatedAt: now }).where(eq(serviceRequests.id, row.id))
    return { ...row, updatedAt: now }
  })

/** Only along STATUS_TRANSITIONS, and only by whoever handles the request (see `handles`). */
export const changeStatus = (deps: Deps, member: StaffIdentity, id: string, to: RequestStatus) =>
  staffAction(deps, member, id, async (tx, row, now, actor) => {
    // Closing without the investor's rating needs a reason: 关闭工单 (closeRequest).
    if (to === 'closed') throw badField('status', '关闭工单请填写关闭原因（POST /api/staff/requests/{id}/close）')
    const claiming = to === 'accepted' && !row.assigneeId
    if (!claiming && !handles(member, row)) throw notYours()
    if (!canTransition(row.status, to)) throw invalidTransition(row.status, to)
    // Accepting a request nobody has taken makes it yours.
    const current = to === 'accepted' && !row.assigneeId ? await setAssignee(tx, row, member, actor, now, 'claimed') : row
    return applyTransition(tx, deps, current, to, actor, now)
  })

/**
 * 关闭工单: ends a request the investor has not rated (only where STATUS_TRANSITIONS allows `closed`).
 * The reason is audited and shown to the investor with the 关闭 step of their timeline.
 */
export const closeRequest = (deps: Deps, member: StaffIdentity, id: string, reason: string) =>
  staffAction(deps, member, id, async (tx, row, now, actor) => {
    if (!handles(member, row)) throw notYours()
    if (!canTransition(row.status, 'closed')) throw invalidTransition(row.status, 'closed')
    return applyTransition(tx, deps, row, 'closed', actor, now, {}, { closeReason: reason })
  })
