import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm'
import { chinaDate, chinaDayStart, DAY_MS } from '../../../../types/china-time'
import type { ZoneId } from '../../../../types/content'
import { DASHBOARD_TOP_PARKS, type Dashboard } from '../../../../types/service'
import { overdueAt, serviceRequests as r, shareVisits, staff } from '../../db/schema'
import type { Deps } from '../../deps'
import { badField } from '../../http/errors'
import { scopeZone, type StaffIdentity } from '../auth/identity'
import { parkName } from '../content/lookup'
import { overdueCondition } from '../requests/conditions'
import { rateAggregates, toRates } from '../requests/rates'
import { toStaffSummary } from '../requests/views'

const ts = (at: Date) => sql`${at.toISOString()}::timestamptz`

const DEFAULT_PERIOD_DAYS = 30
const MAX_PERIOD_DAYS = 366

export type DashboardQueryInput = { zoneId?: ZoneId; from?: string; to?: string }

export const dashboard = async (deps: Deps, member: StaffIdentity, query: DashboardQueryInput): Promise<Dashboard> => {
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
  const period = await periodFigures(deps, where, now)
  const overdueRows = await deps.db
    .select({ request: r, assignee: { id: staff.id, displayName: staff.displayName, role: staff.role } })
    .from(r)
    .leftJoin(staff, eq(staff.id, r.assigneeId))
    .where(and(inZone, overdueCondition(now)))
    .orderBy(sql`${overdueAt(r)} asc`, asc(r.id))
    .limit(OVERDUE_ROWS)

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
    referrals: await referrals(deps, zone, start, end),
  }
}

/** The longest overdue requests the dashboard lists (all of them are in the overdue queue). */
const OVERDUE_ROWS = 50

/**
 * Everything about the period's requests in one pass over them: GROUPING SETS give the totals and
 * rates (the empty set), the counts by status, by type and by park; a window ranks the parks and
 * the ones after DASHBOARD_TOP_PARKS are folded into one 其他 row before they leave the database.
 */
const periodFigures = async (deps: Deps, where: SQL | undefined, now: Date) => {
  const rates = rateAggregates(now)
  const set = sql`grouping(${r.status}, ${r.type}, ${r.parkId})`
  const grouped = deps.db
    .select({
      set: sql<number>`${set}`.as('set'),
      status: sql<string | null>`${r.status}`.as('status'),
      type: sql<string | null>`${r.type}`.as('type'),
      parkId: sql<string | null>`${r.parkId}`.as('park_id'),
      rank: sql<number>`row_number() over (partition by ${set} order by count(*) desc, ${r.parkId} nulls last)`.as('rank'),
      ...Object.fromEntries(Object.entries(rates).map(([name, column]) => [name, column.as(name)])),
    })
    .from(r)
    .where(where)
    .groupBy(sql`grouping sets ((), (${r.status}), (${r.type}), (${r.parkId}))`)
    .as('grouped')
  // grouping(status, type, park_id): 7 = the whole period, 3 = by status, 5 = by type, 6 = by park.
  const other = sql`${grouped.set} = 6 and ${grouped.rank} > ${DASHBOARD_TOP_PARKS}`
  const rows = await deps.db
    .select({
      set: grouped.set,
      status: grouped.status,
      type: grouped.type,
      parkId: sql<string | null>`case when ${other} then null else ${grouped.parkId} end`,
      other: sql<boolean>`${other}`,
      rank: sql<number>`min(${grouped.rank})`,
      groups: sql<number>`count(*)::int`,
      // Only the folded 其他 row gathers several groups: its total is their sum; other columns are one group's.
      ...Object.fromEntries(
        Object.keys(rates).map((name) => [
          name,
          sql`${sql.raw(name === 'total' ? 'sum' : 'max')}(${sql.identifier('grouped')}.${sql.identifier(name)})`,
        ]),
      ),
    })
    .from(grouped)
    .groupBy(grouped.set, grouped.status, grouped.type, sql`4`, sql`5`)
  const whole = rows.find((row) => Number(row.set) === 7)
  const bySet = (value: number) => rows.filter((row) => Number(row.set) === value)
  const parks = bySet(6).filter((row) => !row.other)
  const folded = bySet(6).find((row) => row.other)
  const counts = (value: number, key: 'status' | 'type') =>
    Object.fromEntries(bySet(value).map((row) => [row[key] as string, Number((row as Record<string, unknown>).total)]))
  return {
    // The empty grouping set gives its row even for an empty period.
    rates: toRates(whole as unknown as Parameters<typeof toRates>[0]),
    byStatus: counts(3, 'status'),
    byType: counts(5, 'type'),
    byPark: parks
      .sort((a, b) => Number(a.rank) - Number(b.rank))
      .map((row) => ({ parkId: row.parkId, count: Number((row as Record<string, unknown>).total) })),
    byParkOther: folded ? { parkCount: Number(folded.groups), count: Number((folded as Record<string, unknown>).total) } : null,
  }
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
