import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { isOpenRequest, serviceRequests as r } from '../../db/schema'

/** The columns the rates read: the table's, or the same columns of a subquery over it. */
export type RateSource = Pick<
  typeof r,
  | 'status'
  | 'createdAt'
  | 'firstRespondedAt'
  | 'firstResponseDueAt'
  | 'closedAt'
  | 'resolvedAt'
  | 'resolutionDueAt'
  | 'resolutionPausedSince'
  | 'ratingScore'
>
const serviceRequestColumns: RateSource = r

const ts = (at: Date) => sql`${at.toISOString()}::timestamptz`

const share = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null)

/**
 * The aggregate columns behind the rates, for a select over service_requests (alone, or next to
 * other groupings in one pass: the dashboard). "Answered within 24 h" counts every request whose
 * deadline has come (or that was answered), except those withdrawn before their deadline.
 * "Resolution within target" counts resolved requests plus open ones already past their
 * (pause-adjusted) target.
 */
export const rateAggregates = (now: Date, r: RateSource = serviceRequestColumns) => {
  const isOpen = isOpenRequest(r)
  const answerDue = sql`${r.firstRespondedAt} is not null or (${r.firstResponseDueAt} <= ${ts(now)} and (${r.status} <> 'withdrawn' or ${r.closedAt} > ${r.firstResponseDueAt}))`
  // date_part gives float8 (extract gives numeric, far slower to sort), and both percentiles come
  // from one sort: PostgreSQL computes the identical aggregate once for the two subscripts.
  const minutes = sql`date_part('epoch', ${r.firstRespondedAt} - ${r.createdAt}) / 60`
  const percentiles = sql`(percentile_cont(array[0.5, 0.9]) within group (order by ${minutes}) filter (where ${r.firstRespondedAt} is not null))`
  return {
    total: sql<number>`count(*)::int`,
    medianMinutes: sql<number | null>`${percentiles}[1]`,
    p90Minutes: sql<number | null>`${percentiles}[2]`,
    answeredInTime: sql<number>`count(*) filter (where ${r.firstRespondedAt} <= ${r.firstResponseDueAt})::int`,
    answerDue: sql<number>`count(*) filter (where ${answerDue})::int`,
    resolvedInTime: sql<number>`count(*) filter (where ${r.resolvedAt} <= ${r.resolutionDueAt})::int`,
    resolutionDue: sql<number>`count(*) filter (where ${r.resolvedAt} is not null or (${isOpen} and ${r.resolutionPausedSince} is null and ${r.resolutionDueAt} <= ${ts(now)}) or (${isOpen} and ${r.resolutionDueAt} <= ${r.resolutionPausedSince}))::int`,
    satisfied: sql<number>`count(*) filter (where ${r.ratingScore} >= 4)::int`,
    rated: sql<number>`count(${r.ratingScore})::int`,
  } satisfies Record<string, SQL>
}

type RateRow = { [K in keyof ReturnType<typeof rateAggregates>]: unknown }

export type RequestRates = ReturnType<typeof toRates>

/** The rates from a row of rateAggregates. */
export const toRates = (row: RateRow) => {
  const round = (value: unknown) => (value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10)
  return {
    total: Number(row.total),
    medianMinutes: round(row.medianMinutes),
    p90Minutes: round(row.p90Minutes),
    within24hShare: share(Number(row.answeredInTime), Number(row.answerDue)),
    resolutionWithinTargetShare: share(Number(row.resolvedInTime), Number(row.resolutionDue)),
    satisfactionShare: share(Number(row.satisfied), Number(row.rated)),
    ratedCount: Number(row.rated),
  }
}

/** Rates over a set of requests, in one aggregate statement. */
export const requestRates = async (deps: { db: Db }, where: SQL | undefined, now: Date): Promise<RequestRates> => {
  const [row] = await deps.db.select(rateAggregates(now)).from(r).where(where)
  return toRates(row)
}
