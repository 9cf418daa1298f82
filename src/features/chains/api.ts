import type { ChainDetail, ChainList } from '@/types/content-api'
import { apiRequest } from '@/api/client'

const PUBLIC = { auth: false } as const

/** GET /api/chains (optionally one zone's). */
export const fetchChains = (zoneId?: string) => apiRequest<ChainList>('/api/chains', { ...PUBLIC, query: { zoneId } })
export const fetchChain = (chainId: string) => apiRequest<ChainDetail>(`/api/chains/${encodeURIComponent(chainId)}`, PUBLIC)
