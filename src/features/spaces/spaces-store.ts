import { create } from 'zustand'
import type { SpaceCard } from '@/types/content-api'
import type { SpaceType } from '@/types/content'
import { SPACE_TYPES, isZoneIdLike } from '@/types/vocabulary'
import { errorMessage } from '@/api/client'
import type { LoadState } from '@/lib/load-status'
import { fetchSpaces, type SpaceQuery } from './api'

export const SPACE_PAGE_SIZE = 10

export interface SpaceFilters {
  zoneId?: string
  parkId?: string
  type?: SpaceType
  /** Square metres. */
  minArea?: number
  maxArea?: number
  available?: boolean
}

/** Area ranges of the 面积 filter, in ㎡ (1 亩 ≈ 667 ㎡). */
export const AREA_RANGES: readonly { label: string; min?: number; max?: number }[] = [
  { label: '5000㎡以下', max: 5000 },
  { label: '5000㎡–2万㎡', min: 5000, max: 20_000 },
  { label: '2万㎡–10万㎡', min: 20_000, max: 100_000 },
  { label: '10万㎡以上', min: 100_000 },
]

export function cleanSpaceFilters(filters: SpaceFilters): SpaceFilters {
  const out: SpaceFilters = {}
  if (isZoneIdLike(filters.zoneId)) out.zoneId = filters.zoneId
  if (filters.parkId && /^[a-z0-9-]{2,64}$/.test(filters.parkId)) out.parkId = filters.parkId
  if (filters.type && (SPACE_TYPES as readonly string[]).includes(filters.type)) out.type = filters.type
  if (filters.minArea !== undefined && Number.isFinite(filters.minArea) && filters.minArea > 0) out.minArea = filters.minArea
  if (filters.maxArea !== undefined && Number.isFinite(filters.maxArea) && filters.maxArea > 0) out.maxArea = filters.maxArea
  if (filters.available) out.available = true
  return out
}

/** The GET /api/spaces query for these filters (empty ones left out). */
export function buildSpaceQuery(filters: SpaceFilters, cursor?: string | null): SpaceQuery {
  return { ...cleanSpaceFilters(filters), limit: SPACE_PAGE_SIZE, ...(cursor ? { cursor } : {}) }
}

interface SpacesState extends LoadState {
  filters: SpaceFilters
  items: SpaceCard[]
  nextCursor: string | null
  total: number
  loadingMore: boolean
  moreError: string | null
  /** Replaces the filters and loads the first page. */
  setFilters: (filters: SpaceFilters) => Promise<void>
  updateFilters: (patch: SpaceFilters) => Promise<void>
  refresh: () => Promise<void>
  /** The next page (reach bottom, 加载更多); no-op at the end or while loading. */
  loadMore: () => Promise<void>
}

// Bumped on every first-page load, so answers for old filters are dropped.
let generation = 0

/** The 载体 list: GET /api/spaces with the filters, cursor paging. */
export const useSpaces = create<SpacesState>()((set, get) => {
  const loadFirstPage = async () => {
    const run = ++generation
    set({ status: 'loading', error: null, moreError: null, loadingMore: false, offline: false })
    try {
      const page = await fetchSpaces(buildSpaceQuery(get().filters))
      if (run !== generation) return
      set({ items: page.items, nextCursor: page.nextCursor, total: page.total, status: 'ready' })
    } catch (error) {
      if (run !== generation) return
      set({ items: [], nextCursor: null, total: 0, status: 'error', error: errorMessage(error) })
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
    setFilters: (filters) => {
      set({ filters: cleanSpaceFilters(filters), items: [], nextCursor: null, total: 0 })
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
        const page = await fetchSpaces(buildSpaceQuery(filters, nextCursor))
        if (run !== generation) return
        const seen = new Set(get().items.map((space) => space.id))
        set({
          items: [...get().items, ...page.items.filter((space) => !seen.has(space.id))],
          nextCursor: page.nextCursor,
          total: page.total,
          loadingMore: false,
        })
      } catch (error) {
        if (run !== generation) return
        set({ loadingMore: false, moreError: errorMessage(error) })
      }
    },
  }
})
