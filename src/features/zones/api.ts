import type { ZoneServiceStats } from '@/types/service'
import { apiRequest } from '@/api/client'

/** The zone's public response rate and satisfaction (shown on park pages). */
export const fetchZoneServiceStats = (zoneId: string) =>
  apiRequest<ZoneServiceStats>(`/api/zones/${encodeURIComponent(zoneId)}/service-stats`, { auth: false, timeoutMs: 6000 })
