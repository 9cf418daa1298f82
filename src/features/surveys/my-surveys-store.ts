import { create } from 'zustand'
import type { MySurveyList } from '@/types/surveys'
import { errorMessage } from '@/api/client'
import { useSession } from '@/features/session/session-store'
import { listMySurveys } from './api'

interface MySurveysState {
  items: MySurveyList['items']
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  load: () => Promise<void>
}

/** 问需于企 on 我的: open surveys of the investor's zones and the ones they answered. */
export const useMySurveys = create<MySurveysState>()((set, get) => ({
  items: [],
  status: 'idle',
  error: null,
  load: async () => {
    if (get().status !== 'ready') set({ status: 'loading', error: null })
    try {
      await useSession.getState().ensureInvestor()
      const { items } = await listMySurveys()
      set({ items, status: 'ready', error: null })
    } catch (error) {
      set(get().status === 'ready' ? { error: errorMessage(error) } : { status: 'error', error: errorMessage(error) })
    }
  },
}))
