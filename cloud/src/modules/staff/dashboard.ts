import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm'
import type { ZoneId } from '../../../../types/content'
import type { Page } from '../../../../types/common'
import type { Dashboard, StaffRequestQuery, StaffRequestSummary, ZoneServiceStats } from '../../../../types/service'
import { scopeZone, type StaffIdentity } from '../auth/identity'
import { OPEN_STATUSES, serviceRequests, shareVisits, staff } from '../../db/schema'
import { ApiError, badField } from '../../http/api-error'
import { parkName, type ServiceDeps } from '../../deps'
import { addMs, chinaDate, chinaDayStart, DAY_MS } from '../requests/time'
import { toStaffSummary } from '../requests/views'

const r = serviceRequests
const isOpen = inArray(r.status, [...OPEN_STATUSES])
const ts = (at: Date) => sql`${at.toISOString()}::timestamptz`

/** Unanswered past the 24-hour deadline, or open past the resolution target (a paused clock stops at the pause). */
const overdueCondition = (now: Date): SQL =>
  and(
    isOpen,
    or(
      and(isNull(r.firstRespondedAt), lte(r.firstResponseDueAt, now)),
      and(isNull(r.resolutionPausedSince), lte(r.resolutionDueAt, now)),
      and(isNotNull(r.resolutionPausedSince), sql`${r.resolutionDueAt} <= ${r.resolutionPausedSince}`),
    ),
  )!

const queueCondition = (queue: StaffRequestQuery['queue'], member: StaffIdentity, now: Date, reminderBeforeMs: number): SQL | undefined => {
  switch (queue) {
    case 'new':
      return and(eq(r.status, 'new'), isNull(r.assigneeId))
    case 'mine':
      return and(eq(r.assigneeId, member.id), isOpen)
    case 'due_soon':
      return and(isOpen, isNull(r.firstRespondedAt), gt(r.firstResponseDueAt, now), lte(r.firstResponseDueAt, addMs(now, reminderBeforeMs)))
    case 'overdue':
      return overdueCondition(now)
    case 'all':
      return undefined
  }
}

type Cursor = { q: string; t: string; i: string }

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url')

const decodeCursor = (value: string, queue: string): Cursor => {
  try {
    const cursor = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<Cursor>
    const at = typeof cursor.t === 'string' ? Date.parse(cursor.t) : NaN
    // Only what this API itself writes: an ISO time in a sane range and a uuid.
    if (
      cursor.q === queue &&
      at >= Date.UTC(2000, 0, 1) &&
      at < Date.UTC(2200, 0, 1) &&
      typeof cursor.i === 'string' &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(cursor.i)
    ) {
      return { q: cursor.q, t: new Date(at).toISOString(), i: cursor.i }
    }
  } catch {
    // answered below
  }
  throw new ApiError(400, 'invalid_cursor', '分页游标无效', { cursor: '游标无效或与当前队列不匹配，请从第一页重新加载' })
}

/**
 * A staff queue, newest first for `all`, most urgent (oldest) first for the working queues.
 * Keyset paging on (created_at, id), so new requests arriving meanwhile do not shift pages.
 */
export const listStaffRequests = async (
  deps: ServiceDeps,
  member: StaffIdentity,
  query: StaffRequestQuery,
): Promise<Page<StaffRequestSummary>> => {
  const zone = scopeZone(member, query.zoneId)
  const now = deps.clock()
  const filters = and(
    zone ? eq(r.zoneId, zone) : undefined,
    query.parkId ? eq(r.parkId, query.parkId) : undefined,
    query.type ? eq(r.type, query.type) : undefined,
    queueCondition(query.queue, member, now, deps.config.sla.reminderBeforeMs),
  )
  const ascending = query.queue !== 'all'
  const cursor = query.cursor ? decodeCursor(query.cursor, query.queue) : undefined
  const after = cursor
    ? ascending
      ? sql`(${r.createdAt}, ${r.id}) > (${cursor.t}::timestamptz, ${cursor.i}::uuid)`
      : sql`(${r.createdAt}, ${r.id}) < (${cursor.t}::timestamptz, ${cursor.i}::uuid)`
    : undefined

  const rows = await deps.db
    .select()
    .from(r)
    .leftJoin(staff, eq(staff.id, r.assigneeId))
    .where(and(filters, after))
    .orderBy(...(ascending ? [asc(r.createdAt), asc(r.id)] : [desc(r.createdAt), desc(r.id)]))
    .limit(query.limit + 1)
  const [{ total }] = await deps.db.select({ total: count() }).from(r).where(filters)

  const page = rows.slice(0, query.limit)
  const last = page.at(-1)
  return {
    items: page.map(({ service_requests: row, staff: assignee }) =>
      toStaffSummary(row, assignee ? { id: assignee.id, displayName: assignee.displayName, role: assignee.role } : null),
    ),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ q: query.queue, t: last.service_requests.createdAt.toISOString(), i: last.service_requests.id })
        : null,
    total: Number(total),
  }
}

const share = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null)

/**
 * Rates over a set of requests. "Answered within 24 h" counts every request whose deadline has come
 * (or that was answered), except those withdrawn before their deadline. "Resolution within target"
 * counts resolved requests plus open ones already past their (pause-adjusted) target.
 */
const rates = async (deps: ServiceDeps, where: SQL | undefined, now: Date) => {
  const answerDue = sql`${r.firstRespondedAt} is not null or (${r.firstResponseDueAt} <= ${ts(now)} and (${r.status} <> 'withdrawn' or ${r.closedAt} > ${r.firstResponseDueAt}))`
  const minutes = sql`extract(epoch from (${r.firstRespondedAt} - ${r.createdAt})) / 60`
  const [row] = await deps.db
    .select({
      total: sql<number>`count(*)::int`,
      medianMinutes: sql<
        number | null
      >`percentile_cont(0.5) within group (order by ${minutes}) filter (where ${r.firstRespondedAt} is not null)`,
      p90Minutes: sql<
        number | null
      >`percentile_cont(0.9) within group (order by ${minutes}) filter (where ${r.firstRespondedAt} is not null)`,
      answeredInTime: sql<number>`count(*) filter (where ${r.firstRespondedAt} <= ${r.firstResponseDueAt})::int`,
      answerDue: sql<number>`count(*) filter (where ${answerDue})::int`,
      resolvedInTime: sql<number>`count(*) filter (where ${r.resolvedAt} <= ${r.resolutionDueAt})::int`,
      resolutionDue: sql<number>`count(*) filter (where ${r.resolvedAt} is not null or (${isOpen} and ${r.resolutionPausedSince} is null and ${r.resolutionDueAt} <= ${ts(now)}) or (${isOpen} and ${r.resolutionDueAt} <= ${r.resolutionPausedSince}))::int`,
      satisfied: sql<number>`count(*) filter (where ${r.ratingScore} >= 4)::int`,
      rated: sql<number>`count(${r.ratingScore})::int`,
    })
    .from(r)
    .where(where)
  const round = (value: number | null) => (value === null ? null : Math.round(Number(value) * 10) / 10)
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

const DEFAULT_PERIOD_DAYS = 30
const MAX_PERIOD_DAYS = 366

export type DashboardQueryInput = { zoneId?: ZoneId; from?: string; to?: string }

export const dashboard = async (deps: ServiceDeps, member: StaffIdentity, query: DashboardQueryInput): Promise<Dashboard> => {
  const zone = scopeZone(member, query.zoneId)
  const now = deps.clock()
  const to = query.to ?? chinaDate(now)
  const from = query.from ?? chinaDate(new Date(chinaDayStart(to).getTime() - (DEFAULT_PERIOD_DAYS - 1) * DAY_MS))
  const start = chinaDayStart(from)
  const end = new Date(chinaDayStart(to).getTime() + DAY_MS)
  if (start >= end) throw badField('from', '开始日期不能晚于结束日期')
  if (end.getTime() - start.getTime() > MAX_PERIOD_DAYS * DAY_MS) throw badField('from', `统计周期最长 ${MAX_PERIOD_DAYS} 天`)

  const inZone = zone ? eq(r.zoneId, zone) : undefined
  const where = and(inZone, sql`${r.createdAt} >= ${ts(start)}`, sql`${r.createdAt} < ${ts(end)}`)
  const figures = await rates(deps, where, now)
  const grouped = async (column: typeof r.status | typeof r.type) =>
    Object.fromEntries(
      (await deps.db.select({ key: column, n: count() }).from(r).where(where).groupBy(column)).map((row) => [row.key, Number(row.n)]),
    )
  const byPark = await deps.db
    .select({ parkId: r.parkId, n: count() })
    .from(r)
    .where(where)
    .groupBy(r.parkId)
    .orderBy(desc(count()), asc(r.parkId))

  const overdueRows = await deps.db
    .select()
    .from(r)
    .leftJoin(staff, eq(staff.id, r.assigneeId))
    .where(and(inZone, overdueCondition(now)))
    .orderBy(asc(r.createdAt), asc(r.id))
    .limit(50)

  return {
    zoneId: zone,
    from,
    to,
    total: figures.total,
    byStatus: await grouped(r.status),
    byType: await grouped(r.type),
    byPark: byPark.map((row) => ({ parkId: row.parkId, parkName: parkName(deps, row.parkId) ?? '未指定园区', count: Number(row.n) })),
    firstResponse: { medianMinutes: figures.medianMinutes, p90Minutes: figures.p90Minutes, within24hShare: figures.within24hShare },
    resolutionWithinTargetShare: figures.resolutionWithinTargetShare,
    satisfactionShare: figures.satisfactionShare,
    ratedCount: figures.ratedCount,
    overdue: overdueRows.map(({ service_requests: row, staff: assignee }) =>
      toStaffSummary(row, assignee ? { id: assignee.id, displayName: assignee.displayName, role: assignee.role } : null),
    ),
    referrals: await referrals(deps, zone, start, end),
  }
}

const REFERRAL_ROWS = 20

/** Share visits in the period: by the staff member whose shareCode was the `ref`, and by shared page. */
const referrals = async (deps: ServiceDeps, zone: ZoneId | null, start: Date, end: Date): Promise<NonNullable<Dashboard['referrals']>> => {
  const inPeriod = and(sql`${shareVisits.createdAt} >= ${ts(start)}`, sql`${shareVisits.createdAt} < ${ts(end)}`)
  const visits = count()
  const byStaff = await deps.db
    .select({ staffId: staff.id, displayName: staff.displayName, visits })
    .from(shareVisits)
    .innerJoin(staff, eq(staff.id, shareVisits.staffId))
    .where(and(inPeriod, zone ? eq(staff.zoneId, zone) : undefined))
    .groupBy(staff.id, staff.displayName)
    .orderBy(desc(visits), asc(staff.displayName))
    .limit(REFERRAL_ROWS)
  const byPage = await deps.db
    .select({ page: shareVisits.page, targetId: shareVisits.targetId, visits })
    .from(shareVisits)
    .where(and(inPeriod, zone ? sql`${zone} = any(${shareVisits.zoneIds})` : undefined))
    .groupBy(shareVisits.page, shareVisits.targetId)
    .orderBy(desc(visits), asc(shareVisits.page), asc(shareVisits.targetId))
    .limit(REFERRAL_ROWS)
  return {
    byStaff: byStaff.map((row) => ({ ...row, visits: Number(row.visits) })),
    byPage: byPage.map((row) => ({ ...row, visits: Number(row.visits) })),
  }
}

export const STATS_PERIOD_DAYS = 90

/** Public figures for a zone over the last 90 days; shares are null while there is nothing to measure. */
export const zoneServiceStats = async (deps: ServiceDeps, zoneId: ZoneId): Promise<ZoneServiceStats> => {
  const now = deps.clock()
  const figures = await rates(
    deps,
    and(eq(r.zoneId, zoneId), sql`${r.createdAt} >= ${ts(new Date(now.getTime() - STATS_PERIOD_DAYS * DAY_MS))}`),
    now,
  )
  return {
    zoneId,
    periodDays: STATS_PERIOD_DAYS,
    requestCount: figures.total,
    respondedWithin24hShare: figures.within24hShare,
    satisfactionShare: figures.satisfactionShare,
    ratedCount: figures.ratedCount,
  }
}
