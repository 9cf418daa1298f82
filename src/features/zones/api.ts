import type { ParkPage, ZoneDetail, ZoneOptionList } from '@/types/content-api'
import type { ZoneServiceStats } from '@/types/service'
import { apiRequest } from '@/api/client'

// Public content: sent without the session token (the same for everyone, cacheable).
const PUBLIC = { auth: false } as const

/** The zone's public response rate and satisfaction (zone and park pages). */
export const fetchZoneServiceStats = (zoneId: string) =>
  apiRequest<ZoneServiceStats>(`/api/zones/${encodeURIComponent(zoneId)}/service-stats`, { ...PUBLIC, timeoutMs: 6000 })

/** Every zone as a small option (GET /api/zones), by its order. */
export const fetchZoneOptions = () => apiRequest<ZoneOptionList>('/api/zones', PUBLIC)

/** Everything a zone page shows (GET /api/zones/{id}). */
export const fetchZone = (zoneId: string) => apiRequest<ZoneDetail>(`/api/zones/${encodeURIComponent(zoneId)}`, PUBLIC)

/** One page of one zone's parks (GET /api/parks?zoneId=), for the park names pickers and lists show. */
export const fetchZoneParkPage = (zoneId: string, cursor: string | null) =>
  apiRequest<ParkPage>('/api/parks', { ...PUBLIC, query: { zoneId, limit: 50, ...(cursor ? { cursor } : {}) } })
