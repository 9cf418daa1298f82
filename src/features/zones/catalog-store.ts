import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { ZoneId } from '@/types/content'
import { taroStorage } from '@/lib/storage'
import { errorMessage } from '@/api/client'
import { fetchParkPage, fetchZoneOptions } from './api'

export interface ZoneOption {
  id: ZoneId
  name: string
  shortName: string
  /** Not in the zones list: the request itself carries the zone's 监督热线. */
  supervisionHotline: string | null
}

export interface ParkOption {
  id: string
  zoneId: ZoneId
  name: string
}

interface ZoneCatalogState {
  zones: ZoneOption[]
  parks: ParkOption[]
  /** Content version the cache came from. */
  version: string | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  /** Loads zones and parks once per visit; cached copies paint at once. */
  load: (force?: boolean) => Promise<void>
}

let inflight: Promise<void> | null = null

/** Parks fetched for names at most (pages of 50). */
const MAX_PARK_PAGES = 20

/**
 * Zone and park names for the request form, lists and staff filters: GET /api/zones and the park
 * directory's pages; only the slim fields are kept.
 */
export const useZoneCatalog = create<ZoneCatalogState>()(
  persist(
    (set, get) => ({
      zones: [],
      parks: [],
      version: null,
      status: 'idle',
      error: null,
      load: (force = false) => {
        if (!force && get().status === 'ready') return Promise.resolve()
        inflight ??= (async () => {
          set({ status: 'loading', error: null })
          try {
            const [zones, parks] = await Promise.all([fetchZoneOptions(), fetchAllParks()])
            set({
              zones: zones.items.map((z) => ({ id: z.id, name: z.name, shortName: z.shortName, supervisionHotline: null })),
              parks,
              status: 'ready',
            })
          } catch (error) {
            set({ status: 'error', error: errorMessage(error) })
          } finally {
            inflight = null
          }
        })()
        return inflight
      },
    }),
    {
      name: 'parklink-zone-catalog',
      storage: taroStorage,
      partialize: ({ zones, parks, version }) => ({ zones, parks, version }),
    },
  ),
)

async function fetchAllParks(): Promise<ParkOption[]> {
  const parks: ParkOption[] = []
  let cursor: string | null = null
  for (let page = 0; page < MAX_PARK_PAGES; page++) {
    const result = await fetchParkPage(cursor)
    parks.push(...result.items.map((p) => ({ id: p.id, zoneId: p.zoneId, name: p.name })))
    cursor = result.nextCursor
    if (!cursor) break
  }
  return parks
}

export const zoneName = (zones: ZoneOption[], id: string | null | undefined): string => zones.find((z) => z.id === id)?.name ?? ''

export const parkName = (parks: ParkOption[], id: string | null | undefined): string => parks.find((p) => p.id === id)?.name ?? ''
