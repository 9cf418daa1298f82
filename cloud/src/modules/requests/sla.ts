import { and, asc, eq, gt, isNull, lte } from 'drizzle-orm'
import { addMs } from '../../clock'
import { serviceRequests, type RequestRow } from '../../db/schema'
import type { Deps } from '../../deps'
import { notifyBreach, notifyNearBreach, notifyNewRequest } from '../notifications/notices'
import { isOpen } from './conditions'
import { appendAudit } from './transitions'

const r = serviceRequests
const BATCH = 50

export type SlaSummary = { reminded: number; escalated: number }

/**
 * The 24-hour first-response SLA (config.sla), run by every API process on a timer. For unanswered
 * open requests it (a) reminds once at T-2 h and (b) escalates once at the deadline. Work is claimed
 * with SELECT … FOR UPDATE SKIP LOCKED and marked done (reminder_sent_at / breached_at) in the
 * same transaction as its audit entry and outbox row, so with several processes on one database
 * each request is reminded and escalated exactly once.
 */
export const runSlaOnce = async (deps: Pick<Deps, 'db' | 'config' | 'content' | 'clock'>): Promise<SlaSummary> => {
  const now = deps.clock()
  const unanswered = and(isOpen, isNull(r.firstRespondedAt), isNull(r.breachedAt))
  const remindable = and(
    unanswered,
    isNull(r.reminderSentAt),
    lte(r.firstResponseDueAt, addMs(now, deps.config.sla.reminderBeforeMs)),
    gt(r.firstResponseDueAt, now),
  )
  const breached = and(unanswered, lte(r.firstResponseDueAt, now))

  const reminded = await drain(deps, remindable, async (tx, row) => {
    await tx.update(r).set({ reminderSentAt: now }).where(eq(r.id, row.id))
    await appendAudit(tx, row.id, now, { kind: 'system' }, 'sla_reminder', { firstResponseDueAt: row.firstResponseDueAt.toISOString() })
    await notifyNearBreach(tx, deps, row, now)
  })
  const escalated = await drain(deps, breached, async (tx, row) => {
    await tx.update(r).set({ breachedAt: now, escalated: true, updatedAt: now }).where(eq(r.id, row.id))
    await appendAudit(tx, row.id, now, { kind: 'system' }, 'escalated', {
      reason: 'first_response_breach',
      firstResponseDueAt: row.firstResponseDueAt.toISOString(),
    })
    await notifyBreach(tx, deps, { ...row, escalated: true }, now)
  })
  return { reminded, escalated }
}

/**
 * Tells each new request's zone about it (the new_request notice), once: the job loop claims
 * requests not announced yet as the SLA steps above do, so with several processes each request is
 * announced exactly once, and a request is never left unannounced by a process that stopped.
 */
export const announceNewRequests = async (deps: Pick<Deps, 'db' | 'config' | 'content' | 'clock'>): Promise<number> => {
  const now = deps.clock()
  return drain(deps, isNull(r.announcedAt), async (tx, row) => {
    await tx.update(r).set({ announcedAt: now }).where(eq(r.id, row.id))
    await notifyNewRequest(tx, deps, row, now)
  })
}

type Step = (tx: Deps['db'], row: RequestRow) => Promise<void>

/** Claims matching rows in batches (skipping rows another process holds) until none are left. */
const drain = async (deps: Pick<Deps, 'db'>, where: ReturnType<typeof and>, step: Step): Promise<number> => {
  let done = 0
  for (;;) {
    const claimed = await deps.db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(r)
        .where(where)
        .orderBy(asc(r.firstResponseDueAt))
        .limit(BATCH)
        .for('update', { skipLocked: true })
      for (const row of rows) await step(tx, row)
      return rows.length
    })
    done += claimed
    if (claimed < BATCH) return done
  }
}
