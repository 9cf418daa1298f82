import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { SpaceDetail } from '@/types/content-api'
import { errorMessage } from '@/api/client'
import { contentCacheStorage } from '@/lib/storage'
import { IDLE, type LoadState } from '@/lib/load-status'
import { fetchSpace } from './api'

export const MAX_CACHED_SPACES = 12

interface CachedSpace {
  detail: SpaceDetail
  savedAt: number
}

interface SpaceDetailsState {
  details: Record<string, CachedSpace>
  loads: Record<string, LoadState>
  load: (spaceId: string) => Promise<void>
}

const inFlight = new Map<string, Promise<void>>()

/** Listings opened before read offline (and the 店小二 form names the listing from here). */
export const useSpaceDetails = create<SpaceDetailsState>()(
  persist(
    (set, get) => ({
      details: {},
      loads: {},
      load: (spaceId) => {
        const running = inFlight.get(spaceId)
        if (running) return running
        const setLoad = (next: LoadState) => set({ loads: { ...get().loads, [spaceId]: next } })
        const promise = (async () => {
          setLoad({ ...(get().loads[spaceId] ?? IDLE), status: 'loading' })
          try {
            const detail = await fetchSpace(spaceId)
            const entries = Object.entries({ ...get().details, [spaceId]: { detail, savedAt: Date.now() } })
              .sort((a, b) => b[1].savedAt - a[1].savedAt)
              .slice(0, MAX_CACHED_SPACES)
            set({ details: Object.fromEntries(entries) })
            setLoad({ status: 'ready', error: null, offline: false })
          } catch (error) {
            const cached = Boolean(get().details[spaceId])
            setLoad({ status: cached ? 'ready' : 'error', error: errorMessage(error), offline: cached })
          } finally {
            inFlight.delete(spaceId)
          }
        })()
        inFlight.set(spaceId, promise)
        return promise
      },
    }),
    {
      name: 'parklink-space-details',
      version: 1,
      storage: contentCacheStorage,
      partialize: ({ details }) => ({ details }),
      merge: (persisted, current) => {
        const saved = (persisted ?? {}) as Partial<SpaceDetailsState>
        const details = Object.fromEntries(Object.entries(saved.details ?? {}).filter(([, entry]) => Boolean(entry?.detail?.space)))
        return { ...current, details }
      },
    },
  ),
)
