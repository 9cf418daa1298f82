import { sql, type SQL } from 'drizzle-orm'
import { isOpenRequest, serviceRequests as r } from '../../db/schema'

// SQL conditions over service_requests that several queries share (staff queues, dashboard, SLA job).

/** Still being worked on (OPEN_STATUSES), with the statuses written out as index predicates have them. */
export const isOpen: SQL = isOpenRequest(r)

/**
 * Unanswered past the 24-hour deadline, or open past the resolution target (a paused clock stops at
 * the pause): the generated column overdue_at, which the overdue indexes hold. The comparison alone
 * implies "not null" (what those indexes hold); written out too, it would count the nulls twice in the
 * planner's estimate and turn the page into a scan and a sort.
 */
export const overdueCondition = (now: Date | SQL): SQL =>
  sql`${r.overdueAt} <= ${now instanceof Date ? sql`${now.toISOString()}::timestamptz` : now}`
