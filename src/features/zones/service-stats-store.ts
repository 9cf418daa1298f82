import { create } from 'zustand'
import type { ZoneServiceStats } from '@/types/service'
import { fetchZoneServiceStats } from './api'

type Entry = { status: 'loading' } | { status: 'ready'; stats: ZoneServiceStats } | { status: 'unavailable' }

interface ServiceStatsState {
  byZone: Record<string, Entry>
  /** Fetches once per zone per launch; failures just hide the figures. */
  load: (zoneId: string) => Promise<void>
}

export const useServiceStats = create<ServiceStatsState>()((set, get) => ({
  byZone: {},
  load: async (zoneId) => {
    const current = get().byZone[zoneId]
    if (current && current.status !== 'unavailable') return
    set({ byZone: { ...get().byZone, [zoneId]: { status: 'loading' } } })
    try {
      const stats = await fetchZoneServiceStats(zoneId)
      set({ byZone: { ...get().byZone, [zoneId]: { status: 'ready', stats } } })
    } catch {
      set({ byZone: { ...get().byZone, [zoneId]: { status: 'unavailable' } } })
    }
  },
}))

/** True when the stats have something worth showing (a share over at least one request). */
export function hasServiceFigures(stats: ZoneServiceStats | undefined): stats is ZoneServiceStats {
  return Boolean(stats && stats.requestCount > 0 && (stats.respondedWithin24hShare !== null || stats.satisfactionShare !== null))
}
