import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { ParkCard, ParkDetail } from '@/types/content-api'
import { toParkCard as toCard } from '@/types/cards'
import { fetchPark } from './api'
import { errorMessage } from '@/api/client'
import { contentCacheStorage } from '@/lib/storage'
import { IDLE, type LoadState } from '@/lib/load-status'

/** Profiles kept for offline reading (least recently saved dropped first). */
export const MAX_CACHED_PROFILES = 12
export const MAX_RECENT = 10

interface CachedProfile {
  detail: ParkDetail
  savedAt: number
}

interface ProfilesState {
  /** Park id → last fetched profile (persisted, least recently used dropped first). */
  profiles: Record<string, CachedProfile>
  /** Park ids the investor opened, newest first (persisted). */
  recent: string[]
  /** Per park fetch state (not persisted). */
  loads: Record<string, LoadState>
  /** Fetches a profile; a cached one stays on screen meanwhile. `remember` adds it to 最近浏览. */
  load: (parkId: string, options?: { remember?: boolean }) => Promise<void>
  clearRecent: () => void
}

const inFlight = new Map<string, Promise<void>>()

function keepNewest(profiles: Record<string, CachedProfile>): Record<string, CachedProfile> {
  const entries = Object.entries(profiles).sort((a, b) => b[1].savedAt - a[1].savedAt)
  return Object.fromEntries(entries.slice(0, MAX_CACHED_PROFILES))
}

export const useParkProfiles = create<ProfilesState>()(
  persist(
    (set, get) => ({
      profiles: {},
      recent: [],
      loads: {},
      load: (parkId, options = {}) => {
        if (options.remember) {
          set({ recent: [parkId, ...get().recent.filter((id) => id !== parkId)].slice(0, MAX_RECENT) })
        }
        const running = inFlight.get(parkId)
        if (running) return running
        const setLoad = (next: LoadState) => set({ loads: { ...get().loads, [parkId]: next } })
        const promise = (async () => {
          setLoad({ ...(get().loads[parkId] ?? IDLE), status: 'loading' })
          try {
            const detail = await fetchPark(parkId)
            set({ profiles: keepNewest({ ...get().profiles, [parkId]: { detail, savedAt: Date.now() } }) })
            setLoad({ status: 'ready', error: null, offline: false })
          } catch (error) {
            const cached = Boolean(get().profiles[parkId])
            setLoad({ status: cached ? 'ready' : 'error', error: errorMessage(error), offline: cached })
          } finally {
            inFlight.delete(parkId)
          }
        })()
        inFlight.set(parkId, promise)
        return promise
      },
      clearRecent: () => set({ recent: [] }),
    }),
    {
      name: 'parklink-park-profiles',
      version: 1,
      storage: contentCacheStorage,
      partialize: ({ profiles, recent }) => ({ profiles, recent }),
      merge: (persisted, current) => {
        const saved = (persisted ?? {}) as Partial<ProfilesState>
        const profiles = Object.fromEntries(
          Object.entries(saved.profiles ?? {}).filter(([, entry]) => Boolean(entry?.detail?.park)),
        )
        return { ...current, profiles, recent: Array.isArray(saved.recent) ? saved.recent : [] }
      },
    },
  ),
)

/** A park profile as a list card (favourites, recent, compare tray). */
export function toParkCard(detail: ParkDetail): ParkCard {
  return toCard(detail.park, detail.zone.name)
}
