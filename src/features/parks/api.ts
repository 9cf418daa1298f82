import type { IndustryList, ParkDetail, ParkPage } from '@/types/content-api'
import type { SpaceType, ZoneId } from '@/types/content'
import type { IndustryId } from '@/types/industries'
import { apiRequest } from '@/api/client'

// Public content is the same for everyone: sent without the session token, so browsers and CDNs may
// share it, and the first page's request can be preloaded by src/index.html.
const PUBLIC = { auth: false } as const

/** Query of GET /api/parks as the client sends it (the server applies defaults). */
export interface ParkQuery {
  zoneId?: ZoneId
  industry?: IndustryId
  spaceType?: SpaceType
  minArea?: number
  q?: string
  cursor?: string
  limit?: number
}

export const fetchParks = (query: ParkQuery) => apiRequest<ParkPage>('/api/parks', { ...PUBLIC, query: { ...query } })
export const fetchPark = (parkId: string) => apiRequest<ParkDetail>(`/api/parks/${encodeURIComponent(parkId)}`, PUBLIC)

/** The curated industries present in a zone (or anywhere), for the 产业 filter (GET /api/industries). */
export const fetchIndustries = (zoneId?: string) => apiRequest<IndustryList>('/api/industries', { ...PUBLIC, query: { zoneId } })
