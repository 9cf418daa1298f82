import { and, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm'
import { OPEN_STATUSES } from '../../../../types/request-status'
import { serviceRequests as r } from '../../db/schema'

// SQL conditions over service_requests that several queries share (staff queues, dashboard, SLA job).

/** Still being worked on (OPEN_STATUSES). */
export const isOpen: SQL = inArray(r.status, [...OPEN_STATUSES])

/** Unanswered past the 24-hour deadline, or open past the resolution target (a paused clock stops at the pause). */
export const overdueCondition = (now: Date): SQL =>
  and(
    isOpen,
    or(
      and(isNull(r.firstRespondedAt), lte(r.firstResponseDueAt, now)),
      and(isNull(r.resolutionPausedSince), lte(r.resolutionDueAt, now)),
      and(isNotNull(r.resolutionPausedSince), sql`${r.resolutionDueAt} <= ${r.resolutionPausedSince}`),
    ),
  )!

