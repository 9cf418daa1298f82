import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { PolicyDetail } from '@/types/content-api'
import { fetchPolicy } from './api'
import { errorMessage } from '@/api/client'
import { contentCacheStorage } from '@/lib/storage'
import { IDLE, type LoadState } from '@/lib/load-status'

/** Full policy records are small and power offline 政策匹配, so keep plenty. */
export const MAX_CACHED_POLICIES = 60

interface CachedPolicy {
  detail: PolicyDetail
  savedAt: number
}

interface PolicyDetailsState {
  details: Record<string, CachedPolicy>
  loads: Record<string, LoadState>
  load: (policyId: string) => Promise<void>
}

const inFlight = new Map<string, Promise<void>>()

export const usePolicyDetails = create<PolicyDetailsState>()(
  persist(
    (set, get) => ({
      details: {},
      loads: {},
      load: (policyId) => {
        const running = inFlight.get(policyId)
        if (running) return running
        const setLoad = (next: LoadState) => set({ loads: { ...get().loads, [policyId]: next } })
        const promise = (async () => {
          setLoad({ ...(get().loads[policyId] ?? IDLE), status: 'loading' })
          try {
            const detail = await fetchPolicy(policyId)
            const entries = Object.entries({ ...get().details, [policyId]: { detail, savedAt: Date.now() } })
              .sort((a, b) => b[1].savedAt - a[1].savedAt)
              .slice(0, MAX_CACHED_POLICIES)
            set({ details: Object.fromEntries(entries) })
            setLoad({ status: 'ready', error: null, offline: false })
          } catch (error) {
            const cached = Boolean(get().details[policyId])
            setLoad({ status: cached ? 'ready' : 'error', error: errorMessage(error), offline: cached })
          } finally {
            inFlight.delete(policyId)
          }
        })()
        inFlight.set(policyId, promise)
        return promise
      },
    }),
    {
      name: 'parklink-policy-details',
      version: 1,
      storage: contentCacheStorage,
      partialize: ({ details }) => ({ details }),
      merge: (persisted, current) => {
        const saved = (persisted ?? {}) as Partial<PolicyDetailsState>
        const details = Object.fromEntries(
          Object.entries(saved.details ?? {}).filter(([, entry]) => Boolean(entry?.detail?.policy)),
        )
        return { ...current, details }
      },
    },
  ),
)
