import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { taroStorage } from '@/lib/storage'

export const MAX_COMPARE = 3
export const MIN_COMPARE = 2

/** What the tray needs to show a chip before profiles load. */
export interface CompareItem {
  id: string
  name: string
  zoneName: string
}

export type ToggleOutcome = 'added' | 'removed' | 'full'

interface CompareState {
  items: CompareItem[]
  has: (id: string) => boolean
  /** Adds or removes a park; refuses a fourth. */
  toggle: (item: CompareItem) => ToggleOutcome
  add: (item: CompareItem) => ToggleOutcome
  remove: (id: string) => void
  /** Replaces the tray (e.g. with the parks of a shared comparison), capped at 3. */
  replace: (items: CompareItem[]) => void
  clear: () => void
}

export const useCompare = create<CompareState>()(
  persist(
    (set, get) => ({
      items: [],
      has: (id) => get().items.some((item) => item.id === id),
      add: (item) => {
        if (get().has(item.id)) return 'added'
        if (get().items.length >= MAX_COMPARE) return 'full'
        set({ items: [...get().items, item] })
        return 'added'
      },
      toggle: (item) => {
        if (get().has(item.id)) {
          get().remove(item.id)
          return 'removed'
        }
        return get().add(item)
      },
      remove: (id) => set({ items: get().items.filter((item) => item.id !== id) }),
      replace: (items) => {
        const unique = items.filter((item, index) => items.findIndex((other) => other.id === item.id) === index)
        set({ items: unique.slice(0, MAX_COMPARE) })
      },
      clear: () => set({ items: [] }),
    }),
    { name: 'parklink-compare', version: 1, storage: taroStorage, partialize: ({ items }) => ({ items }) },
  ),
)
