import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { ParkCard } from '@/types/content-api'
import { addFavourite, fetchFavourites, removeFavourite } from './api'
import { errorMessage } from '@/api/client'
import { contentCacheStorage } from '@/lib/storage'
import { tokenFor, useSession } from '@/features/session/session-store'
import type { LoadState } from '@/lib/load-status'

interface FavouritesState extends LoadState {
  /** Investor the list belongs to; a different sign-in starts empty. */
  ownerId: string | null
  items: ParkCard[]
  /** Parks with a toggle on its way (double taps are ignored meanwhile). */
  pending: Record<string, true>
  /** Signs in if needed, then fetches the list. */
  load: () => Promise<void>
  /** Loads only when a session already exists: reading a page never signs anyone in. */
  loadIfSignedIn: () => Promise<void>
  isFavourite: (parkId: string) => boolean
  /** Optimistic: the heart flips at once and flips back if the server says no. */
  toggle: (park: ParkCard) => Promise<{ ok: boolean; favourite: boolean; message?: string }>
}

export const useFavourites = create<FavouritesState>()(
  persist(
    (set, get) => ({
      ownerId: null,
      items: [],
      pending: {},
      status: 'idle',
      error: null,
      offline: false,
      loadIfSignedIn: async () => {
        if (get().status !== 'idle' || !tokenFor('/api/favourites')) return
        await get().load()
      },
      isFavourite: (parkId) => get().items.some((item) => item.id === parkId),
      load: async () => {
        set({ status: get().items.length ? 'ready' : 'loading', error: null })
        try {
          const { investor } = await useSession.getState().ensureInvestor()
          if (get().ownerId !== investor.id) set({ ownerId: investor.id, items: [] })
          const { items } = await fetchFavourites()
          // Parks toggled while the list was loading keep the state the investor gave them.
          const pendingIds = Object.keys(get().pending)
          const current = get().items
          let merged = items.filter((item) => !pendingIds.includes(item.id))
          for (const id of pendingIds) {
            const local = current.find((park) => park.id === id)
            if (local) merged = [local, ...merged]
          }
          set({ items: merged, status: 'ready', error: null, offline: false })
        } catch (error) {
          const cached = get().items.length > 0
          set({ status: cached ? 'ready' : 'error', error: errorMessage(error), offline: cached })
        }
      },
      toggle: async (park) => {
        if (get().pending[park.id]) return { ok: false, favourite: get().isFavourite(park.id) }
        const wasFavourite = get().isFavourite(park.id)
        const before = get().items
        set({
          items: wasFavourite ? before.filter((item) => item.id !== park.id) : [park, ...before],
          pending: { ...get().pending, [park.id]: true },
        })
        const done = () => {
          const pending = { ...get().pending }
          delete pending[park.id]
          set({ pending })
        }
        try {
          const { investor } = await useSession.getState().ensureInvestor()
          if (get().ownerId !== null && get().ownerId !== investor.id) {
            // Another identity signed in: its list is unknown, keep just this change.
            set({ items: wasFavourite ? [] : [park] })
          }
          set({ ownerId: investor.id })
          await (wasFavourite ? removeFavourite(park.id) : addFavourite(park.id))
          done()
          return { ok: true, favourite: !wasFavourite }
        } catch (error) {
          // Roll back only this park, leaving other changes made meanwhile.
          const items = get().items.filter((item) => item.id !== park.id)
          set({ items: wasFavourite ? [park, ...items] : items })
          done()
          return { ok: false, favourite: wasFavourite, message: errorMessage(error) }
        }
      },
    }),
    {
      name: 'parklink-favourites',
      version: 1,
      storage: contentCacheStorage,
      partialize: ({ ownerId, items }) => ({ ownerId, items }),
      merge: (persisted, current) => {
        const saved = (persisted ?? {}) as Partial<FavouritesState>
        const ok = Array.isArray(saved.items)
        return { ...current, ownerId: ok ? (saved.ownerId ?? null) : null, items: ok ? (saved.items ?? []) : [] }
      },
    },
  ),
)
