import { and, asc, count, desc, eq, sql } from 'drizzle-orm'
import { chinaDate, chinaDayStart, DAY_MS } from '../../../../types/china-time'
import type { ZoneId } from '../../../../types/content'
import type { Dashboard } from '../../../../types/service'
import { serviceRequests as r, shareVisits, staff } from '../../db/schema'
import type { Deps } from '../../deps'
import { badField } from '../../http/errors'
import { scopeZone, type StaffIdentity } from '../auth/identity'
import { parkName } from '../content/lookup'
import { overdueCondition } from '../requests/conditions'
import { requestRates } from '../requests/rates'
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
  const figures = await requestRates(deps, where, now)
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

