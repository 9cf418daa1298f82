import type { SpaceDetail, SpacePage } from '@/types/content-api'
import type { SpaceType } from '@/types/content'
import { apiRequest } from '@/api/client'

// Public content: sent without the session token (the same for everyone, cacheable).
const PUBLIC = { auth: false } as const

/** GET /api/spaces as the client sends it (the server applies defaults). */
export interface SpaceQuery {
  zoneId?: string
  parkId?: string
  type?: SpaceType
  /** Square metres. */
  minArea?: number
  maxArea?: number
  /** Only 可租 / 可售. */
  available?: boolean
  cursor?: string
  limit?: number
}

export const fetchSpaces = (query: SpaceQuery) => apiRequest<SpacePage>('/api/spaces', { ...PUBLIC, query: { ...query } })
export const fetchSpace = (spaceId: string) => apiRequest<SpaceDetail>(`/api/spaces/${encodeURIComponent(spaceId)}`, PUBLIC)
