import { and, eq, sql } from 'drizzle-orm'
import { DAY_MS } from '../../../../types/china-time'
import type { ZoneId } from '../../../../types/content'
import type { ZoneServiceStats } from '../../../../types/service'
import { serviceRequests as r } from '../../db/schema'
import type { Deps } from '../../deps'
import { requestRates } from '../requests/rates'

const ts = (at: Date) => sql`${at.toISOString()}::timestamptz`

export const STATS_PERIOD_DAYS = 90

/** Public figures for a zone over the last 90 days; shares are null while there is nothing to measure. */
export const zoneServiceStats = async (deps: Deps, zoneId: ZoneId): Promise<ZoneServiceStats> => {
  const now = deps.clock()
  const figures = await requestRates(
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
