import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { ZoneId } from '@/types/content'
import type { ZoneOption } from '@/types/content-api'
import { contentCacheStorage } from '@/lib/storage'
import { errorMessage } from '@/api/client'
import { fetchZoneOptions, fetchZoneParkPage } from './api'

export type { ZoneOption }

export interface ParkOption {
  id: string
  zoneId: ZoneId
  name: string
}

interface ZoneCatalogState {
  /** GET /api/zones, by order. */
  zones: ZoneOption[]
  /** Parks of the zones asked for so far (loadParks), by zone. */
  parksByZone: Record<string, ParkOption[]>
  /** Every park loaded so far, for names (request lists, staff filters). */
  parks: ParkOption[]
  /** The content version the zones were fetched under (the home answer's), when known. */
  version: string | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  /**
   * The zones: one request per session (the cached copy paints at once), again when `force` or when
   * the content version seen elsewhere (home) changed since they were fetched.
   */
  load: (options?: boolean | { force?: boolean; version?: string | null }) => Promise<void>
  /** One zone's parks (GET /api/parks?zoneId=), once per session. */
  loadParks: (zoneId: string | null | undefined) => Promise<void>
}

let inflight: Promise<void> | null = null
const parkLoads = new Map<string, Promise<void>>()
/** Zones whose parks were fetched in this session (the persisted copy may be older). */
const parksFetched = new Set<string>()
/** Park pages fetched per zone at most (50 a page). */
const MAX_PARK_PAGES = 10

const allParks = (byZone: Record<string, ParkOption[]>) => Object.values(byZone).flat()

/**
 * Zone and park names for pickers, the request form, lists and staff filters. Zones come from the
 * small zones endpoint (id, names, order), fetched lazily and kept in storage; parks per zone on demand.
 */
export const useZoneCatalog = create<ZoneCatalogState>()(
  persist(
    (set, get) => ({
      zones: [],
      parksByZone: {},
      parks: [],
      version: null,
      status: 'idle',
      error: null,
      load: (options = {}) => {
        const { force = false, version = null } = typeof options === 'boolean' ? { force: options } : options
        const stale = version !== null && get().version !== null && version !== get().version
        if (!force && !stale && get().status === 'ready') return Promise.resolve()
        inflight ??= (async () => {
          set({ status: 'loading', error: null })
          try {
            const { items } = await fetchZoneOptions()
            set({ zones: items, status: 'ready', version: version ?? get().version })
          } catch (error) {
            // A cached list still serves the pickers.
            set({ status: get().zones.length ? 'ready' : 'error', error: errorMessage(error) })
          } finally {
            inflight = null
          }
        })()
        return inflight
      },
      loadParks: (zoneId) => {
        if (!zoneId) return Promise.resolve()
        if (parksFetched.has(zoneId)) return Promise.resolve()
        const running = parkLoads.get(zoneId)
        if (running) return running
        const promise = (async () => {
          try {
            const parks: ParkOption[] = []
            let cursor: string | null = null
            for (let page = 0; page < MAX_PARK_PAGES; page++) {
              const result = await fetchZoneParkPage(zoneId, cursor)
              parks.push(...result.items.map((p) => ({ id: p.id, zoneId: p.zoneId, name: p.name })))
              cursor = result.nextCursor
              if (!cursor) break
            }
            parksFetched.add(zoneId)
            const parksByZone = { ...get().parksByZone, [zoneId]: parks }
            set({ parksByZone, parks: allParks(parksByZone) })
          } catch {
            // Names only: a cached list (or none) stays; the next visit tries again.
          } finally {
            parkLoads.delete(zoneId)
          }
        })()
        parkLoads.set(zoneId, promise)
        return promise
      },
    }),
    {
      name: 'parklink-zone-catalog',
      version: 2,
      storage: contentCacheStorage,
      partialize: ({ zones, parksByZone, version }) => ({ zones, parksByZone, version }),
      merge: (persisted, current) => {
        const saved = (persisted ?? {}) as Partial<ZoneCatalogState>
        const zones = Array.isArray(saved.zones) ? saved.zones.filter((zone) => typeof zone?.id === 'string') : []
        const parksByZone = saved.parksByZone && typeof saved.parksByZone === 'object' ? saved.parksByZone : {}
        return { ...current, zones, parksByZone, parks: allParks(parksByZone), version: saved.version ?? null }
      },
    },
  ),
)

/** Tests only: this session has fetched nothing yet. */
export function resetCatalogSessionForTest(): void {
  parksFetched.clear()
  parkLoads.clear()
  inflight = null
}

export const zoneName = (zones: readonly ZoneOption[], id: string | null | undefined): string => zones.find((z) => z.id === id)?.name ?? ''

export const parkName = (parks: readonly ParkOption[], id: string | null | undefined): string => parks.find((p) => p.id === id)?.name ?? ''
