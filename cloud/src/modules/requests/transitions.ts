import { eq } from 'drizzle-orm'
import type { RequestStatus, TIMELINE_STEPS } from '../../../../types/service'
import { REQUEST_STATUS_LABELS, canTransition } from '../../../../types/request-status'
import { addMs } from '../../clock'
import type { Db } from '../../db/client'
import { requestAudit, serviceRequests, type RequestRow } from '../../db/schema'
import type { Deps } from '../../deps'
import { ApiError, conflict } from '../../http/errors'
import type { StaffIdentity } from '../auth/identity'
import { notifyInvestor } from '../notifications/notices'

// What every change to a request goes through, investor side and staff side alike: the audit
// trail and the status machine with its clocks.

type TimelineStep = (typeof TIMELINE_STEPS)[number]

/** Who did something, for the audit trail and the investor's timeline. */
export type Actor = { kind: 'investor'; investorId: string } | { kind: 'staff'; staff: StaffIdentity } | { kind: 'system' }

export const SYSTEM: Actor = { kind: 'system' }

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

export const requestClosed = () => conflict('request_closed', '该请求已办结、评价或撤回，不能再进行此操作')

/**
 * Moves a locked request to another status (only along STATUS_TRANSITIONS) and keeps the clocks:
 * waiting_investor pauses the resolution clock and leaving it adds the pause to the due time; a
 * resolved request that is reopened likewise gets the time it sat resolved back. `extra` is written
 * in the same update (assignee, escalation).
 */
export const applyTransition = async (
  tx: Db,
  deps: Pick<Deps, 'config'>,
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
  // Staff reach `closed` only by 关闭工单 (the investor's rating writes its own 评价 step).
  const step = to === 'closed' && actor.kind === 'staff' ? 'closed' : (TIMELINE_STEP_OF[to] ?? null)
  await appendAudit(tx, row.id, now, actor, 'status_changed', { from: row.status, to, ...detail }, step)
  if (to === 'resolved') await notifyInvestor(tx, deps, next, 'resolved', '您的服务请求已办结，请评价', now)
  return next
}

