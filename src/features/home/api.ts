import type { HomeResponse } from '@/types/content-api'
import { apiRequest } from '@/api/client'

/**
 * Everything the home tab shows, in one request (every zone and park, for the other tabs and the
 * request form too). Public content: sent without the session token, so src/index.html can preload it.
 */
export const fetchHome = () => apiRequest<HomeResponse>('/api/home', { auth: false })
