import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm'
import { chinaDate, chinaDayStart, DAY_MS } from '../../../../types/china-time'
import type { ZoneId } from '../../../../types/content'
import { DASHBOARD_TOP_PARKS, type Dashboard } from '../../../../types/service'
import { serviceRequests as r, shareVisits, staff } from '../../db/schema'
import type { Deps } from '../../deps'
import { badField } from '../../http/errors'
import { scopeZone, type StaffIdentity } from '../auth/identity'
import { parkName } from '../content/lookup'
import { overdueCondition } from '../requests/conditions'
import { rateAggregates, toRates } from '../requests/rates'
import { staffSummaryColumns, toStaffSummary } from '../requests/views'

const ts = (at: Date) => sql`${at.toISOString()}::timestamptz`

const DEFAULT_PERIOD_DAYS = 30
const MAX_PERIOD_DAYS = 366

export type DashboardQueryInput = { zoneId?: ZoneId; from?: string; to?: string }

/** The period and the statements over requests the dashboard runs (plans.test.ts EXPLAINs exactly these). */
export const dashboardQueries = (deps: Pick<Deps, 'db' | 'clock'>, member: StaffIdentity, query: DashboardQueryInput) => {
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
  const overdue = deps.db
    .select({ request: staffSummaryColumns, assignee: { id: staff.id, displayName: staff.displayName, role: staff.role } })
    .from(r)
    .leftJoin(staff, eq(staff.id, r.assigneeId))
    .where(and(inZone, overdueCondition(now)))
    .orderBy(asc(r.overdueAt), asc(r.id))
    .limit(OVERDUE_ROWS)
  return { zone, from, to, start, end, period: periodQueries(deps, where, now), overdue }
}

export const dashboard = async (deps: Deps, member: StaffIdentity, query: DashboardQueryInput): Promise<Dashboard> => {
  const { zone, from, to, start, end, ...queries } = dashboardQueries(deps, member, query)
  const [period, overdueRows, referralFigures] = await Promise.all([
    sharedPeriod(deps, `${zone ?? '*'}|${from}|${to}`, async () => {
      const [rates, breakdown] = await Promise.all([queries.period.rates, queries.period.breakdown])
      return periodFigures({ rates, breakdown })
    }),
    queries.overdue,
    referrals(deps, zone, start, end),
  ])

  return {
    zoneId: zone,
    from,
    to,
    total: period.rates.total,
    byStatus: period.byStatus,
    byType: period.byType,
    byPark: period.byPark.map((row) => ({ parkId: row.parkId, parkName: parkName(deps, row.parkId) ?? '未指定园区', count: row.count })),
    byParkOther: period.byParkOther,
    firstResponse: {
      medianMinutes: period.rates.medianMinutes,
      p90Minutes: period.rates.p90Minutes,
      within24hShare: period.rates.within24hShare,
    },
    resolutionWithinTargetShare: period.rates.resolutionWithinTargetShare,
    satisfactionShare: period.rates.satisfactionShare,
    ratedCount: period.rates.ratedCount,
    overdue: overdueRows.map(({ request, assignee }) => toStaffSummary(request, assignee?.id ? assignee : null)),
    referrals: referralFigures,
  }
}

/** The longest overdue requests the dashboard lists (all of them are in the overdue queue). */
const OVERDUE_ROWS = 50

/**
 * The period's figures in two statements, each one pass over the period's rows; they run at once on
 * two connections. The rates are one aggregate row. The breakdown uses GROUPING SETS to count by
 * status, by type and by park, and a window to rank the parks, so the ones after
 * DASHBOARD_TOP_PARKS fold into one 其他 row before they leave the database. One statement for
 * both read the period into a CTE and then twice, which cost more than the second pass. The
 * percentiles stay out of the grouping sets, where they would sort every group.
 */
const periodQueries = (deps: Pick<Deps, 'db'>, where: SQL | undefined, now: Date) => {
  const rates = deps.db.select(rateAggregates(now)).from(r).where(where)
  const set = sql`grouping(${r.status}, ${r.type}, ${r.parkId})`
  const grouped = deps.db.$with('grouped').as(
    deps.db
      .select({
        set: sql<number>`${set}`.as('set'),
        status: sql<string | null>`${r.status}`.as('status'),
        type: sql<string | null>`${r.type}`.as('type'),
        parkId: sql<string | null>`${r.parkId}`.as('park_id'),
        n: sql<number>`count(*)`.as('n'),
        rank: sql<number>`row_number() over (partition by ${set} order by count(*) desc, ${r.parkId} nulls last)`.as('rank'),
      })
      .from(r)
      .where(where)
      .groupBy(sql`grouping sets ((${r.status}), (${r.type}), (${r.parkId}))`),
  )
  // grouping(status, type, park_id): 3 = by status, 5 = by type, 6 = by park.
  const other = sql`${grouped.set} = 6 and ${grouped.rank} > ${DASHBOARD_TOP_PARKS}`
  const breakdown = deps.db
    .with(grouped)
    .select({
      set: grouped.set,
      status: grouped.status,
      type: grouped.type,
      parkId: sql<string | null>`case when ${other} then null else ${grouped.parkId} end`,
      other: sql<boolean>`${other}`,
      rank: sql<number>`min(${grouped.rank})`,
      groups: sql<number>`count(*)::int`,
      count: sql<number>`sum(${grouped.n})::int`,
    })
    .from(grouped)
    .groupBy(sql`1, 2, 3, 4, 5`)
  return { rates, breakdown }
}

type PeriodRows = { rates: Awaited<PeriodQueries['rates']>; breakdown: Awaited<PeriodQueries['breakdown']> }
type PeriodQueries = ReturnType<typeof periodQueries>

/** The period's figures from periodQueries' rows. */
const periodFigures = ({ rates, breakdown }: PeriodRows) => {
  const bySet = (value: number) => breakdown.filter((row) => Number(row.set) === value)
  const parks = bySet(6).filter((row) => !row.other)
  const folded = bySet(6).find((row) => row.other)
  const counts = (value: number, key: 'status' | 'type') =>
    Object.fromEntries(bySet(value).map((row) => [row[key] as string, Number(row.count)]))
  return {
    rates: toRates(rates[0]),
    byStatus: counts(3, 'status'),
    byType: counts(5, 'type'),
    byPark: parks.sort((a, b) => Number(a.rank) - Number(b.rank)).map((row) => ({ parkId: row.parkId, count: Number(row.count) })),
    byParkOther: folded ? { parkCount: Number(folded.groups), count: Number(folded.count) } : null,
  }
}

/**
 * Identical period requests arriving while one is being computed share it (per database, so test
 * apps on separate databases never mix): a room of supervisors opening the province's year at once
 * costs the database one computation, not one each.
 */
const inFlight = new WeakMap<object, Map<string, Promise<ReturnType<typeof periodFigures>>>>()

const sharedPeriod = (deps: Pick<Deps, 'db'>, key: string, compute: () => Promise<ReturnType<typeof periodFigures>>) => {
  let running = inFlight.get(deps.db)
  if (!running) inFlight.set(deps.db, (running = new Map()))
  const pending = running.get(key)
  if (pending) return pending
  const started = compute().finally(() => running.delete(key))
  running.set(key, started)
  return started
}

const REFERRAL_ROWS = 20

/** Share visits in the period: by the staff member whose shareCode was the `ref`, and by shared page. */
const referrals = async (deps: Deps, zone: ZoneId | null, start: Date, end: Date): Promise<NonNullable<Dashboard['referrals']>> => {
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
