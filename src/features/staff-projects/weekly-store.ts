import { create } from 'zustand'
import type { WeeklySummary } from '@/types/projects'
import { addDays, chinaDate } from '@/types/china-time'
import { errorMessage } from '@/api/client'
import { getWeeklySummary } from './api'

interface WeeklyState {
  /** Any day of the week shown; null = this week. */
  week: string | null
  summary: WeeklySummary | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  /** -1 the week before, +1 the week after. */
  shift: (weeks: number) => Promise<void>
  load: () => Promise<void>
}

let generation = 0

export const useWeekly = create<WeeklyState>()((set, get) => ({
  week: null,
  summary: null,
  status: 'idle',
  error: null,
  shift: (weeks) => {
    const base = get().summary?.weekStart ?? chinaDate(Date.now())
    set({ week: addDays(base, weeks * 7) })
    return get().load()
  },
  load: async () => {
    const mine = ++generation
    set({ status: 'loading', error: null })
    try {
      const summary = await getWeeklySummary(get().week ? { week: get().week! } : {})
      if (mine === generation) set({ summary, status: 'ready' })
    } catch (error) {
      if (mine === generation) set({ status: 'error', error: errorMessage(error) })
    }
  },
}))
