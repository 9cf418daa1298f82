import type {
  HomeResponse,
  ParkDetail,
  ParkPage,
  PolicyDetail,
  PolicyList,
  PolicyListQuery,
  ZoneDetail,
  ZoneList,
} from '@/types/content-api'
import type { SpaceType, ZoneId } from '@/types/content'
import type { ZoneServiceStats } from '@/types/service'
import { apiRequest } from './client'

const id = (value: string) => encodeURIComponent(value)

// Public content is the same for everyone: sent without the session token, so browsers and CDNs may
// share it, and the first page's request can be preloaded by src/index.html.
const PUBLIC = { auth: false } as const

/** Everything the home tab shows, in one request. */
export const fetchHome = () => apiRequest<HomeResponse>('/api/home', PUBLIC)

export const fetchZones = () => apiRequest<ZoneList>('/api/zones', PUBLIC)
export const fetchZone = (zoneId: string) => apiRequest<ZoneDetail>(`/api/zones/${id(zoneId)}`, PUBLIC)

/** Query of GET /api/parks as the client sends it (the server applies defaults). */
export interface ParkQuery {
  zoneId?: ZoneId
  industry?: string
  spaceType?: SpaceType
  minArea?: number
  q?: string
  cursor?: string
  limit?: number
}

export const fetchParks = (query: ParkQuery) => apiRequest<ParkPage>('/api/parks', { ...PUBLIC, query: { ...query } })
export const fetchPark = (parkId: string) => apiRequest<ParkDetail>(`/api/parks/${id(parkId)}`, PUBLIC)

export const fetchPolicies = (query: Partial<PolicyListQuery>) =>
  apiRequest<PolicyList>('/api/policies', { ...PUBLIC, query: { ...query } })
export const fetchPolicy = (policyId: string) => apiRequest<PolicyDetail>(`/api/policies/${id(policyId)}`, PUBLIC)

/** The zone's public response rate and satisfaction (shown on park pages). */
export const fetchZoneServiceStats = (zoneId: string) =>
  apiRequest<ZoneServiceStats>(`/api/zones/${id(zoneId)}/service-stats`, { ...PUBLIC, timeoutMs: 6000 })
