import { create } from 'zustand'
import type { BoardQuery, ProjectBoard } from '@/types/projects'
import { errorMessage } from '@/api/client'
import { listBoard } from './api'

export type BoardFilters = Omit<Partial<BoardQuery>, 'overdue'> & { overdue?: 'true' }

interface BoardState {
  filters: BoardFilters
  board: ProjectBoard | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  setFilters: (patch: BoardFilters) => Promise<void>
  load: () => Promise<void>
}

let generation = 0

/** The 督考 board: filters go to the API as they are (GET /api/staff/projects). */
export const useBoard = create<BoardState>()((set, get) => ({
  filters: {},
  board: null,
  status: 'idle',
  error: null,
  setFilters: (patch) => {
    const merged = { ...get().filters, ...patch }
    const filters = Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined)) as BoardFilters
    set({ filters })
    return get().load()
  },
  load: async () => {
    const mine = ++generation
    set({ status: 'loading', error: null })
    try {
      const board = await listBoard(get().filters)
      if (mine === generation) set({ board, status: 'ready' })
    } catch (error) {
      if (mine === generation) set({ status: 'error', error: errorMessage(error) })
    }
  },
}))
