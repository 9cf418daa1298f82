import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { isProvided } from '@/types/vocabulary'
import type { ZoneId } from '@/types/content'
import { taroStorage } from '@/lib/storage'
import { errorMessage } from '@/api/client'
import { fetchHome } from '@/features/home/api'

export interface ZoneOption {
  id: ZoneId
  name: string
  shortName: string
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

/**
 * Zone and park names for the request form, lists and staff filters.
 * Comes from GET /api/home (one call has every zone and park); only the slim fields are kept.
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
            const home = await fetchHome()
            set({
              zones: home.zones.map((z) => ({
                id: z.id,
                name: z.name,
                shortName: z.shortName,
                supervisionHotline: isProvided(z.supervisionHotline) ? z.supervisionHotline : null,
              })),
              parks: home.parks.map((p) => ({ id: p.id, zoneId: p.zoneId, name: p.name })),
              version: home.version,
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

export const zoneName = (zones: ZoneOption[], id: string | null | undefined): string => zones.find((z) => z.id === id)?.name ?? ''

export const parkName = (parks: ParkOption[], id: string | null | undefined): string => parks.find((p) => p.id === id)?.name ?? ''
