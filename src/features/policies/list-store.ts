import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { PolicyCard } from '@/types/content-api'
import { type PolicyCategory, type ZoneId } from '@/types/content'
import { POLICY_CATEGORIES, isZoneIdLike } from '@/types/vocabulary'
import { fetchPolicies } from './api'
import { errorMessage } from '@/api/client'
import { contentCacheStorage } from '@/lib/storage'
import type { LoadState } from '@/lib/load-status'

export interface PolicyFilters {
  zoneId?: ZoneId
  category?: PolicyCategory
  q?: string
}

interface CachedPolicies {
  key: string
  items: PolicyCard[]
  savedAt: number
}

interface PoliciesState extends LoadState {
  filters: PolicyFilters
  items: PolicyCard[]
  /** Last lists shown, per filter combination (a few), so the library reads offline. */
  cache: CachedPolicies[]
  updateFilters: (patch: PolicyFilters) => Promise<void>
  load: () => Promise<void>
  /** The zone picked elsewhere (home) becomes this list's zone; it loads when the tab shows. */
  carryZone: (zoneId: ZoneId | undefined) => void
  /** The filters changed without a load (carryZone): the tab loads when it shows. */
  stale: boolean
  /** Loads when the filters changed while the tab was hidden. */
  loadIfStale: () => Promise<void>
}

const MAX_CACHED_LISTS = 6
/** Policies shown per filter combination (the API's largest page). */
const LIST_LIMIT = 50

export function cleanPolicyFilters(filters: PolicyFilters): PolicyFilters {
  const out: PolicyFilters = {}
  if (isZoneIdLike(filters.zoneId)) out.zoneId = filters.zoneId
  if (filters.category && (POLICY_CATEGORIES as readonly string[]).includes(filters.category)) out.category = filters.category
  if (filters.q?.trim()) out.q = filters.q.trim()
  return out
}

export const policyFiltersKey = (filters: PolicyFilters) => JSON.stringify(cleanPolicyFilters(filters))

let generation = 0

export const usePolicies = create<PoliciesState>()(
  persist(
    (set, get) => ({
      filters: {},
      items: [],
      cache: [],
      status: 'idle',
      error: null,
      offline: false,
      stale: false,
      carryZone: (zoneId) => {
        const filters = cleanPolicyFilters({ ...get().filters, zoneId })
        if (policyFiltersKey(filters) !== policyFiltersKey(get().filters)) set({ filters, items: [], stale: true })
      },
      loadIfStale: () => (get().stale ? get().load() : Promise.resolve()),
      updateFilters: (patch) => {
        const filters = cleanPolicyFilters({ ...get().filters, ...patch })
        if (policyFiltersKey(filters) !== policyFiltersKey(get().filters)) set({ filters, items: [] })
        return get().load()
      },
      load: async () => {
        const run = ++generation
        set({ stale: false })
        const { filters } = get()
        const key = policyFiltersKey(filters)
        const cached = get().cache.find((entry) => entry.key === key)
        if (cached && get().items.length === 0) set({ items: cached.items })
        set({ status: get().items.length ? 'ready' : 'loading', error: null })
        try {
          const { items } = await fetchPolicies({ ...cleanPolicyFilters(filters), limit: LIST_LIMIT })
          if (run !== generation) return
          const cache = [{ key, items, savedAt: Date.now() }, ...get().cache.filter((entry) => entry.key !== key)].slice(
            0,
            MAX_CACHED_LISTS,
          )
          set({ items, cache, status: 'ready', error: null, offline: false })
        } catch (error) {
          if (run !== generation) return
          if (cached) set({ items: cached.items, status: 'ready', offline: true, error: errorMessage(error) })
          else set({ items: [], status: 'error', offline: false, error: errorMessage(error) })
        }
      },
    }),
    {
      name: 'parklink-policies',
      version: 1,
      storage: contentCacheStorage,
      partialize: ({ filters, cache }) => ({ filters, cache }),
      merge: (persisted, current) => {
        const saved = (persisted ?? {}) as Partial<PoliciesState>
        const cache = (Array.isArray(saved.cache) ? saved.cache : []).filter((entry) => Array.isArray(entry?.items))
        return { ...current, filters: cleanPolicyFilters(saved.filters ?? {}), cache }
      },
    },
  ),
)
