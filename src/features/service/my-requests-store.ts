import { create } from 'zustand'
import type { ServiceRequestSummary } from '@/types/service'
import { errorMessage } from '@/api/client'
import { listMyRequests } from './api'
import { useSession } from '@/features/session/session-store'
import type { StatusGroup } from '@/types/request-status'

interface MyRequestsState {
  items: ServiceRequestSummary[]
  status: 'idle' | 'loading' | 'ready' | 'error'
  /** A refresh is running while older items stay on screen. */
  refreshing: boolean
  error: string | null
  group: StatusGroup
  setGroup: (group: StatusGroup) => void
  load: () => Promise<void>
}

export const useMyRequests = create<MyRequestsState>()((set, get) => ({
  items: [],
  status: 'idle',
  refreshing: false,
  error: null,
  group: 'open',
  setGroup: (group) => set({ group }),
  load: async () => {
    const hasData = get().status === 'ready'
    set(hasData ? { refreshing: true, error: null } : { status: 'loading', error: null })
    try {
      await useSession.getState().ensureInvestor()
      const { items } = await listMyRequests()
      // Newest first, whatever order the server used.
      const sorted = [...items].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
      set({ items: sorted, status: 'ready', refreshing: false })
    } catch (error) {
      // Keep showing what we had; only an empty screen turns into the error state.
      set(hasData ? { refreshing: false, error: errorMessage(error) } : { status: 'error', refreshing: false, error: errorMessage(error) })
    }
  },
}))
