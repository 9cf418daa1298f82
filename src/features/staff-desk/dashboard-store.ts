import { create } from 'zustand'
import type { ZoneId } from '@/types/content'
import type { Dashboard } from '@/types/service'
import { errorMessage } from '@/api/client'
import { getDashboard } from './api'
import { chinaDateDaysAgo } from '@/types/china-time'

export const PERIODS = [7, 30, 90] as const
export type PeriodDays = (typeof PERIODS)[number]

export type Period = { kind: 'days'; days: PeriodDays } | { kind: 'range'; from: string; to: string }

/** from/to (China calendar days, inclusive) for a period: 近7天 = today and the 6 days before. */
export function periodRange(period: Period, now: number = Date.now()): { from: string; to: string } {
  if (period.kind === 'range') return { from: period.from, to: period.to }
  return { from: chinaDateDaysAgo(period.days - 1, now), to: chinaDateDaysAgo(0, now) }
}

interface DashboardState {
  period: Period
  zoneId: ZoneId | null
  data: Dashboard | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  setPeriod: (period: Period) => Promise<void>
  setZone: (zoneId: ZoneId | null) => Promise<void>
  load: () => Promise<void>
}

let generation = 0

export const useDashboard = create<DashboardState>()((set, get) => ({
  period: { kind: 'days', days: 30 },
  zoneId: null,
  data: null,
  status: 'idle',
  error: null,
  setPeriod: (period) => {
    set({ period })
    return get().load()
  },
  setZone: (zoneId) => {
    set({ zoneId })
    return get().load()
  },
  load: async () => {
    const mine = ++generation
    set({ status: 'loading', error: null })
    try {
      const { from, to } = periodRange(get().period)
      const data = await getDashboard({ zoneId: get().zoneId ?? undefined, from, to })
      if (mine === generation) set({ data, status: 'ready' })
    } catch (error) {
      if (mine === generation) set({ status: 'error', error: errorMessage(error) })
    }
  },
}))
