import { sql, type SQL } from 'drizzle-orm'
import { isOpenRequest, overdueAt, serviceRequests as r } from '../../db/schema'

// SQL conditions over service_requests that several queries share (staff queues, dashboard, SLA job).

/** Still being worked on (OPEN_STATUSES), with the statuses written out as index predicates have them. */
export const isOpen: SQL = isOpenRequest(r)

/**
 * Unanswered past the 24-hour deadline, or open past the resolution target (a paused clock stops at
 * the pause): see overdueAt, whose expression the overdue indexes hold.
 */
export const overdueCondition = (now: Date): SQL =>
  sql`${overdueAt(r)} is not null and ${overdueAt(r)} <= ${now.toISOString()}::timestamptz`
