import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { taroStorage } from '@/lib/storage'

interface ZoneChoiceState {
  /** The zone an admin works on in the console (staff of a zone always work on their own). */
  zoneId: string | null
  setZone: (zoneId: string | null) => void
}

export const useConsoleZone = create<ZoneChoiceState>()(
  persist((set) => ({ zoneId: null, setZone: (zoneId) => set({ zoneId }) }), {
    name: 'parklink-console-zone',
    storage: taroStorage,
    partialize: ({ zoneId }) => ({ zoneId }),
  }),
)
