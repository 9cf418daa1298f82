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

/** How long a zone's figures are served from memory: they move slowly and park pages ask often. */
export const STATS_CACHE_MS = 5 * 60_000

/**
 * zoneServiceStats remembered per zone for STATS_CACHE_MS by the deps' clock (one cache per app).
 * Callers arriving while a zone's figures are computed share that computation; a failure is not kept.
 */
export const cachedZoneServiceStats = (deps: Deps) => {
  const entries = new Map<ZoneId, { computedAt: number; value: Promise<ZoneServiceStats> }>()
  return (zoneId: ZoneId): Promise<ZoneServiceStats> => {
    const now = deps.clock().getTime()
    const entry = entries.get(zoneId)
    if (entry && now - entry.computedAt < STATS_CACHE_MS && now >= entry.computedAt) return entry.value
    const value = zoneServiceStats(deps, zoneId)
    const fresh = { computedAt: now, value }
    entries.set(zoneId, fresh)
    value.catch(() => {
      if (entries.get(zoneId) === fresh) entries.delete(zoneId)
    })
    return value
  }
}
