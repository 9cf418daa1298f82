import { create } from 'zustand'
import type { IndustryList } from '@/types/content-api'
import { fetchIndustries } from './api'

type Entry = { status: 'loading' } | { status: 'ready'; items: IndustryList['items'] } | { status: 'error' }

interface IndustriesState {
  /** By zone id ('' = every zone), per session. */
  byZone: Record<string, Entry>
  load: (zoneId?: string) => Promise<void>
}

/**
 * The 产业 filter's choices: the one curated industry list, limited to the industries the chosen zone's
 * parks are in (GET /api/industries?zoneId=).
 */
export const useIndustries = create<IndustriesState>()((set, get) => ({
  byZone: {},
  load: async (zoneId) => {
    const key = zoneId ?? ''
    const current = get().byZone[key]
    if (current && current.status !== 'error') return
    set({ byZone: { ...get().byZone, [key]: { status: 'loading' } } })
    try {
      const { items } = await fetchIndustries(zoneId)
      set({ byZone: { ...get().byZone, [key]: { status: 'ready', items } } })
    } catch {
      set({ byZone: { ...get().byZone, [key]: { status: 'error' } } })
    }
  },
}))
