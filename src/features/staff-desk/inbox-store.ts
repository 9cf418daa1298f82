import { create } from 'zustand'
import type { ZoneId } from '@/types/content'
import type { RequestType, StaffRequestQuery, StaffRequestSummary } from '@/types/service'
import { errorMessage } from '@/api/client'
import { listStaffRequests, type StaffRequestPage } from './api'

export type Queue = StaffRequestQuery['queue']

export interface InboxFilters {
  queue: Queue
  parkId: string | null
  type: RequestType | null
  /** Admins only; others are held to their zone by the server. */
  zoneId: ZoneId | null
}

export const PAGE_SIZE = 20
/** How often an open inbox asks for new requests. */
export const INBOX_POLL_MS = 15_000

/** The GET /api/staff/requests query for these filters (blank filters left out). */
export function buildInboxQuery(filters: InboxFilters, cursor?: string | null): Partial<StaffRequestQuery> {
  const query: Partial<StaffRequestQuery> = { queue: filters.queue, limit: PAGE_SIZE }
  if (filters.parkId) query.parkId = filters.parkId
  if (filters.type) query.type = filters.type
  if (filters.zoneId) query.zoneId = filters.zoneId
  if (cursor) query.cursor = cursor
  return query
}

interface InboxState extends InboxFilters {
  items: StaffRequestSummary[]
  /** The queue's size, counted up to STAFF_QUEUE_COUNT_CAP; totalCapped past it (shown as 999+). */
  total: number
  /** The server stopped counting at `total` (it shows as 999+). */
  totalCapped: boolean
  /** Requests that arrived by polling since the list was last loaded by hand. */
  arrived: number
  nextCursor: string | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  loadingMore: boolean
  refreshing: boolean
  error: string | null
  setQueue: (queue: Queue) => Promise<void>
  setFilters: (patch: Partial<Omit<InboxFilters, 'queue'>>) => Promise<void>
  /** First page again (pull-down, page show, filter change). */
  refresh: () => Promise<void>
  /** Next page for infinite scroll; no-op on the last page or while loading. */
  loadMore: () => Promise<void>
  /** The first page again, quietly (no skeleton, pages already scrolled to kept): new requests join the top. */
  poll: () => Promise<void>
}

/** `total` may be capped by the server (`totalCapped`): counted up to a limit, shown as 999+. */
const counts = (page: StaffRequestPage) => ({ total: page.total, totalCapped: page.totalCapped === true })

// Each first-page load gets a number; answers to older loads (a queue switched meanwhile) are dropped.
let generation = 0

export const useInbox = create<InboxState>()((set, get) => ({
  queue: 'new',
  parkId: null,
  type: null,
  zoneId: null,
  items: [],
  total: 0,
  totalCapped: false,
  arrived: 0,
  nextCursor: null,
  status: 'idle',
  loadingMore: false,
  refreshing: false,
  error: null,

  setQueue: (queue) => {
    if (queue === get().queue && get().status !== 'idle') return Promise.resolve()
    // A different list: show its skeleton rather than the previous queue's rows.
    set({ queue, items: [], total: 0, totalCapped: false, arrived: 0, nextCursor: null, status: 'loading' })
    return get().refresh()
  },

  setFilters: (patch) => {
    set({ ...patch, items: [], total: 0, totalCapped: false, arrived: 0, nextCursor: null, status: 'loading' })
    return get().refresh()
  },

  refresh: async () => {
    const mine = ++generation
    const hasRows = get().status === 'ready' && get().items.length > 0
    set(hasRows ? { refreshing: true, error: null } : { status: 'loading', error: null })
    try {
      const page = await listStaffRequests(buildInboxQuery(get()))
      if (mine !== generation) return
      set({
        items: page.items,
        ...counts(page),
        arrived: 0,
        nextCursor: page.nextCursor,
        status: 'ready',
        refreshing: false,
        loadingMore: false,
      })
    } catch (error) {
      if (mine !== generation) return
      set(hasRows ? { refreshing: false, error: errorMessage(error) } : { status: 'error', refreshing: false, error: errorMessage(error) })
    }
  },

  loadMore: async () => {
    const { nextCursor, loadingMore, status } = get()
    if (!nextCursor || loadingMore || status !== 'ready') return
    const mine = generation
    set({ loadingMore: true, error: null })
    try {
      const page = await listStaffRequests(buildInboxQuery(get(), nextCursor))
      if (mine !== generation) return
      // A row can move between pages while new requests arrive: keep the first copy.
      const seen = new Set(get().items.map((i) => i.id))
      set({
        items: [...get().items, ...page.items.filter((i) => !seen.has(i.id))],
        nextCursor: page.nextCursor,
        ...counts(page),
        loadingMore: false,
      })
    } catch (error) {
      if (mine !== generation) return
      set({ loadingMore: false, error: errorMessage(error) })
    }
  },

  poll: async () => {
    const { status, loadingMore, refreshing } = get()
    if (status !== 'ready' || loadingMore || refreshing) return
    // A filter change or pull-down meanwhile starts a new generation: its answer wins.
    const mine = generation
    try {
      const page = await listStaffRequests(buildInboxQuery(get()))
      if (mine !== generation || get().loadingMore) return
      const current = get().items
      const known = new Set(current.map((item) => item.id))
      const fresh = page.items.filter((item) => !known.has(item.id)).length
      // Only the first page on screen: take it as it is now (statuses, deadlines, rows that left the queue).
      // More pages scrolled in: keep them, new rows go on top.
      const onlyFirstPage = current.length <= PAGE_SIZE
      const items = onlyFirstPage ? page.items : [...page.items.filter((item) => !known.has(item.id)), ...current]
      set({
        items,
        ...counts(page),
        nextCursor: onlyFirstPage ? page.nextCursor : get().nextCursor,
        arrived: get().arrived + fresh,
        error: null,
      })
    } catch {
      // A missed poll is retried at the next one; the list on screen stays as it is.
    }
  },
}))
