import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { ChainCard, ChainDetail } from '@/types/content-api'
import { industriesOf, type IndustryId } from '@/types/industries'
import { errorMessage } from '@/api/client'
import { contentCacheStorage } from '@/lib/storage'
import { IDLE, type LoadState } from '@/lib/load-status'
import { fetchChain, fetchChains } from './api'

export const MAX_CACHED_CHAINS = 10

interface ChainsState {
  /** Chain pages opened (persisted, newest kept). */
  details: Record<string, { detail: ChainDetail; savedAt: number }>
  loads: Record<string, LoadState>
  /** Chain cards by zone ('' = every zone), per session. */
  lists: Record<string, ChainCard[]>
  load: (chainId: string) => Promise<void>
  loadList: (zoneId?: string) => Promise<void>
}

const inFlight = new Map<string, Promise<void>>()

export const useChains = create<ChainsState>()(
  persist(
    (set, get) => ({
      details: {},
      loads: {},
      lists: {},
      load: (chainId) => {
        const running = inFlight.get(chainId)
        if (running) return running
        const setLoad = (next: LoadState) => set({ loads: { ...get().loads, [chainId]: next } })
        const promise = (async () => {
          setLoad({ ...(get().loads[chainId] ?? IDLE), status: 'loading' })
          try {
            const detail = await fetchChain(chainId)
            const entries = Object.entries({ ...get().details, [chainId]: { detail, savedAt: Date.now() } })
              .sort((a, b) => b[1].savedAt - a[1].savedAt)
              .slice(0, MAX_CACHED_CHAINS)
            set({ details: Object.fromEntries(entries) })
            setLoad({ status: 'ready', error: null, offline: false })
          } catch (error) {
            const cached = Boolean(get().details[chainId])
            setLoad({ status: cached ? 'ready' : 'error', error: errorMessage(error), offline: cached })
          } finally {
            inFlight.delete(chainId)
          }
        })()
        inFlight.set(chainId, promise)
        return promise
      },
      loadList: async (zoneId) => {
        const key = zoneId ?? ''
        if (get().lists[key]) return
        try {
          const { items } = await fetchChains(zoneId)
          set({ lists: { ...get().lists, [key]: items } })
        } catch {
          // A hint next to the directory: left out when it cannot load.
        }
      },
    }),
    {
      name: 'parklink-chains',
      version: 1,
      storage: contentCacheStorage,
      partialize: ({ details }) => ({ details }),
      merge: (persisted, current) => {
        const saved = (persisted ?? {}) as Partial<ChainsState>
        const details = Object.fromEntries(Object.entries(saved.details ?? {}).filter(([, entry]) => Boolean(entry?.detail?.chain)))
        return { ...current, details }
      },
    },
  ),
)

/** The chains in one curated industry (by the chain's name: 健康医药产业链 → 医药健康). */
export const chainsInIndustry = (chains: readonly ChainCard[], industry: IndustryId): ChainCard[] =>
  chains.filter((chain) => industriesOf(chain.name).includes(industry))
