import type { ParkPage, ZoneOptionList } from '@/types/content-api'
import type { ZoneServiceStats } from '@/types/service'
import { apiRequest } from '@/api/client'

/** The zone's public response rate and satisfaction (shown on park pages). */
export const fetchZoneServiceStats = (zoneId: string) =>
  apiRequest<ZoneServiceStats>(`/api/zones/${encodeURIComponent(zoneId)}/service-stats`, { auth: false, timeoutMs: 6000 })

/** Every zone as a small option (GET /api/zones), by its order. */
export const fetchZoneOptions = () => apiRequest<ZoneOptionList>('/api/zones', { auth: false })

/** One page of park cards (GET /api/parks), for the park names lists and pickers show. */
export const fetchParkPage = (cursor: string | null) =>
  apiRequest<ParkPage>('/api/parks', { auth: false, query: { limit: 50, ...(cursor ? { cursor } : {}) } })
