import { create } from 'zustand'
import type { StaffSurveyList } from '@/types/surveys'
import { errorMessage } from '@/api/client'
import { listStaffSurveys } from './api'

interface SurveysState {
  items: StaffSurveyList['items']
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  load: () => Promise<void>
}

export const useStaffSurveys = create<SurveysState>()((set, get) => ({
  items: [],
  status: 'idle',
  error: null,
  load: async () => {
    if (get().status !== 'ready') set({ status: 'loading', error: null })
    try {
      const { items } = await listStaffSurveys()
      set({ items, status: 'ready', error: null })
    } catch (error) {
      set(get().status === 'ready' ? { error: errorMessage(error) } : { status: 'error', error: errorMessage(error) })
    }
  },
}))
