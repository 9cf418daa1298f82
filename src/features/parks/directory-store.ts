import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { ParkCard } from '@/types/content-api'
import { type SpaceType, type ZoneId } from '@/types/content'
import { SPACE_TYPES, isZoneIdLike } from '@/types/vocabulary'
import { isIndustryId, type IndustryId } from '@/types/industries'
import { fetchParks, type ParkQuery } from './api'
import { errorMessage } from '@/api/client'
import { contentCacheStorage } from '@/lib/storage'
import type { LoadState } from '@/lib/load-status'

export const PAGE_SIZE = 10

export interface DirectoryFilters {
  zoneId?: ZoneId
  industry?: IndustryId
  spaceType?: SpaceType
  /** Square metres. */
  minArea?: number
  q?: string
}

/** Minimum-area presets in ㎡ (1 亩 ≈ 667 ㎡, so 1万㎡ ≈ 15 亩). */
export const MIN_AREA_PRESETS = [1000, 5000, 10_000, 50_000, 100_000] as const

interface CachedList {
  key: string
  items: ParkCard[]
  nextCursor: string | null
  total: number
  savedAt: number
}

interface DirectoryState extends LoadState {
  filters: DirectoryFilters
  items: ParkCard[]
  nextCursor: string | null
  total: number
  loadingMore: boolean
  moreError: string | null
  /** Last list shown, so the directory reads offline (one filter combination). */
  cache: CachedList | null
  /** Replaces the filters and loads the first page. */
  setFilters: (filters: DirectoryFilters) => Promise<void>
  /** Changes some filters, keeping the others. */
  updateFilters: (patch: DirectoryFilters) => Promise<void>
  /** Reloads the first page (pull-down, retry). */
  refresh: () => Promise<void>
  /** Appends the next page (reach bottom); no-op at the end or while loading. */
  loadMore: () => Promise<void>
}

const clean = (filters: DirectoryFilters): DirectoryFilters => {
  const out: DirectoryFilters = {}
  if (isZoneIdLike(filters.zoneId)) out.zoneId = filters.zoneId
  if (isIndustryId(filters.industry)) out.industry = filters.industry
  if (filters.spaceType && (SPACE_TYPES as readonly string[]).includes(filters.spaceType)) out.spaceType = filters.spaceType
  if (filters.minArea !== undefined && Number.isFinite(filters.minArea) && filters.minArea > 0) out.minArea = filters.minArea
  if (filters.q?.trim()) out.q = filters.q.trim()
  return out
}

/** The GET /api/parks query for these filters (empty filters are left out). */
export function buildParkQuery(filters: DirectoryFilters, cursor?: string | null): ParkQuery {
  const query: ParkQuery = { ...clean(filters), limit: PAGE_SIZE }
  if (cursor) query.cursor = cursor
  return query
}

export const filtersKey = (filters: DirectoryFilters) => JSON.stringify(buildParkQuery(filters))

export const activeFilterCount = (filters: DirectoryFilters) => Object.keys(clean(filters)).filter((key) => key !== 'q').length

/** Appends a page, skipping parks already listed (a cursor page may overlap after content changes). */
export function mergePage(current: readonly ParkCard[], next: readonly ParkCard[]): ParkCard[] {
  const seen = new Set(current.map((park) => park.id))
  return [...current, ...next.filter((park) => !seen.has(park.id) && seen.add(park.id))]
}

// Bumped on every first-page load, so answers for old filters are dropped.
let generation = 0

export const useParkDirectory = create<DirectoryState>()(
  persist(
    (set, get) => {
      const loadFirstPage = async () => {
        const run = ++generation
        const { filters, cache } = get()
        const key = filtersKey(filters)
        // Stale-while-revalidate: show the cached list for these filters at once.
        if (cache?.key === key && get().items.length === 0) {
          set({ items: cache.items, nextCursor: cache.nextCursor, total: cache.total, status: 'ready' })
        }
        set({ status: get().items.length ? 'ready' : 'loading', error: null, moreError: null, loadingMore: false })
        try {
          const page = await fetchParks(buildParkQuery(filters))
          if (run !== generation) return
          set({
            items: page.items,
            nextCursor: page.nextCursor,
            total: page.total,
            status: 'ready',
            error: null,
            offline: false,
            cache: { key, items: page.items, nextCursor: page.nextCursor, total: page.total, savedAt: Date.now() },
          })
        } catch (error) {
          if (run !== generation) return
          const cached = get().cache
          if (cached?.key === key) {
            set({
              items: cached.items,
              nextCursor: cached.nextCursor,
              total: cached.total,
              status: 'ready',
              offline: true,
              error: errorMessage(error),
            })
          } else {
            set({ items: [], nextCursor: null, total: 0, status: 'error', offline: false, error: errorMessage(error) })
          }
        }
      }

      return {
        filters: {},
        items: [],
        nextCursor: null,
        total: 0,
        status: 'idle',
        error: null,
        offline: false,
        loadingMore: false,
        moreError: null,
        cache: null,
        setFilters: (filters) => {
          const next = clean(filters)
          const changed = filtersKey(next) !== filtersKey(get().filters)
          set({ filters: next, ...(changed ? { items: [], nextCursor: null, total: 0 } : {}) })
          return loadFirstPage()
        },
        updateFilters: (patch) => get().setFilters({ ...get().filters, ...patch }),
        refresh: () => loadFirstPage(),
        loadMore: async () => {
          const { nextCursor, loadingMore, status, filters } = get()
          if (!nextCursor || loadingMore || status !== 'ready') return
          const run = generation
          set({ loadingMore: true, moreError: null })
          try {
            const page = await fetchParks(buildParkQuery(filters, nextCursor))
            if (run !== generation) return
            const items = mergePage(get().items, page.items)
            set({
              items,
              nextCursor: page.nextCursor,
              total: page.total,
              loadingMore: false,
              cache: { key: filtersKey(filters), items, nextCursor: page.nextCursor, total: page.total, savedAt: Date.now() },
            })
          } catch (error) {
            if (run !== generation) return
            set({ loadingMore: false, moreError: errorMessage(error) })
          }
        },
      }
    },
    {
      name: 'parklink-park-directory',
      version: 1,
      storage: contentCacheStorage,
      partialize: ({ filters, cache }) => ({ filters, cache }),
      merge: (persisted, current) => {
        const saved = (persisted ?? {}) as Partial<DirectoryState>
        const cacheOk = Array.isArray(saved.cache?.items)
        return { ...current, filters: clean(saved.filters ?? {}), cache: cacheOk ? (saved.cache ?? null) : null }
      },
    },
  ),
)
