import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { HomeResponse, HomeZone, ParkCard, PolicyCard } from '@/types/content-api'
import type { SignedProject, ZoneId } from '@/types/content'
import { fetchHome } from './api'
import { usePolicies } from '@/features/policies/list-store'
import { errorMessage } from '@/api/client'
import { contentCacheStorage } from '@/lib/storage'
import type { LoadState } from '@/lib/load-status'

export type ZoneFilter = ZoneId | 'all'

interface HomeState extends LoadState {
  data: HomeResponse | null
  /** When `data` was fetched (ms), for the offline notice. */
  savedAt: number | null
  selectedZone: ZoneFilter
  /** Fetches /api/home; cached data stays on screen meanwhile (stale-while-revalidate). */
  load: () => Promise<void>
  selectZone: (zone: ZoneFilter) => void
}

let inFlight: Promise<void> | null = null

export const useHome = create<HomeState>()(
  persist(
    (set, get) => ({
      data: null,
      savedAt: null,
      selectedZone: 'all',
      status: 'idle',
      error: null,
      offline: false,
      load: () => {
        inFlight ??= (async () => {
          set({ status: 'loading' })
          try {
            const data = await fetchHome()
            const selected = get().selectedZone
            const zoneStillExists = selected === 'all' || data.zones.some((zone) => zone.id === selected)
            set({
              data,
              savedAt: Date.now(),
              status: 'ready',
              error: null,
              offline: false,
              selectedZone: zoneStillExists ? selected : 'all',
            })
          } catch (error) {
            const cached = get().data !== null
            set({ status: cached ? 'ready' : 'error', error: errorMessage(error), offline: cached })
          } finally {
            inFlight = null
          }
        })()
        return inFlight
      },
      selectZone: (selectedZone) => {
        set({ selectedZone })
        // The zone chosen here is where the 政策 tab starts too.
        usePolicies.getState().carryZone(selectedZone === 'all' ? undefined : selectedZone)
      },
    }),
    {
      name: 'parklink-home',
      version: 1,
      storage: contentCacheStorage,
      partialize: ({ data, savedAt, selectedZone }) => ({ data, savedAt, selectedZone }),
      merge: (persisted, current) => {
        const saved = (persisted ?? {}) as Partial<HomeState>
        const data = saved.data && Array.isArray(saved.data.zones) && Array.isArray(saved.data.featuredParks) ? saved.data : null
        return { ...current, ...saved, data, savedAt: data ? (saved.savedAt ?? null) : null }
      },
    },
  ),
)

export interface HomeView {
  zone: HomeZone | null
  featuredParks: ParkCard[]
  /** Parks in the selected zone, or in all zones: the directory lists them. */
  parkCount: number
  /** Space listings (载体) in the selected zone, or in all zones. */
  spaceCount: number
  latestProjects: SignedProject[]
  policyHighlights: PolicyCard[]
}

/** What the home tab shows for the selected zone; pure so tests and pages share it. */
export function selectHomeView(data: HomeResponse, selected: ZoneFilter): HomeView {
  const inZone = <T extends { zoneId: string }>(items: T[]) =>
    selected === 'all' ? items : items.filter((item) => item.zoneId === selected)
  const zone = selected === 'all' ? null : (data.zones.find((candidate) => candidate.id === selected) ?? null)
  return {
    zone,
    featuredParks: inZone(data.featuredParks),
    parkCount: zone ? zone.parkCount : data.parkCount,
    spaceCount: zone ? zone.spaceCount : data.spaceCount,
    latestProjects: inZone(data.latestProjects).slice(0, 5),
    policyHighlights: inZone(data.policyHighlights).slice(0, 4),
  }
}
