import { create } from 'zustand'
import type { InvestorProjectSummary } from '@/types/projects'
import { errorMessage } from '@/api/client'
import { useSession } from '@/features/session/session-store'
import { listMyProjects } from './api'

interface FollowedState {
  items: InvestorProjectSummary[]
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  load: () => Promise<void>
}

/** 我关注的项目 on 我的: projects the investor follows through an invite. */
export const useFollowedProjects = create<FollowedState>()((set, get) => ({
  items: [],
  status: 'idle',
  error: null,
  load: async () => {
    // Keep the list on screen while it refreshes.
    if (get().status !== 'ready') set({ status: 'loading', error: null })
    try {
      await useSession.getState().ensureInvestor()
      const { items } = await listMyProjects()
      set({ items, status: 'ready', error: null })
    } catch (error) {
      set(get().status === 'ready' ? { error: errorMessage(error) } : { status: 'error', error: errorMessage(error) })
    }
  },
}))
