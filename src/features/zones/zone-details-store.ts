import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { ZoneDetail } from '@/types/content-api'
import { errorMessage } from '@/api/client'
import { contentCacheStorage } from '@/lib/storage'
import { IDLE, type LoadState } from '@/lib/load-status'
import { fetchZone } from './api'

/** Zone pages kept for offline reading (least recently saved dropped first). */
export const MAX_CACHED_ZONES = 6

interface CachedZone {
  detail: ZoneDetail
  savedAt: number
}

interface ZoneDetailsState {
  details: Record<string, CachedZone>
  loads: Record<string, LoadState>
  /** Fetches a zone page; a cached copy stays on screen meanwhile. */
  load: (zoneId: string) => Promise<void>
}

const inFlight = new Map<string, Promise<void>>()

export const useZoneDetails = create<ZoneDetailsState>()(
  persist(
    (set, get) => ({
      details: {},
      loads: {},
      load: (zoneId) => {
        const running = inFlight.get(zoneId)
        if (running) return running
        const setLoad = (next: LoadState) => set({ loads: { ...get().loads, [zoneId]: next } })
        const promise = (async () => {
          setLoad({ ...(get().loads[zoneId] ?? IDLE), status: 'loading' })
          try {
            const detail = await fetchZone(zoneId)
            const entries = Object.entries({ ...get().details, [zoneId]: { detail, savedAt: Date.now() } })
              .sort((a, b) => b[1].savedAt - a[1].savedAt)
              .slice(0, MAX_CACHED_ZONES)
            set({ details: Object.fromEntries(entries) })
            setLoad({ status: 'ready', error: null, offline: false })
          } catch (error) {
            const cached = Boolean(get().details[zoneId])
            setLoad({ status: cached ? 'ready' : 'error', error: errorMessage(error), offline: cached })
          } finally {
            inFlight.delete(zoneId)
          }
        })()
        inFlight.set(zoneId, promise)
        return promise
      },
    }),
    {
      name: 'parklink-zone-details',
      version: 1,
      storage: contentCacheStorage,
      partialize: ({ details }) => ({ details }),
      merge: (persisted, current) => {
        const saved = (persisted ?? {}) as Partial<ZoneDetailsState>
        const details = Object.fromEntries(Object.entries(saved.details ?? {}).filter(([, entry]) => Boolean(entry?.detail?.zone)))
        return { ...current, details }
      },
    },
  ),
)
