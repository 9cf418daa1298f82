import type { List } from '@/types/common'
import type { ParkCard } from '@/types/content-api'
import { apiRequest } from '@/api/client'

export const fetchFavourites = () => apiRequest<List<ParkCard>>('/api/favourites')
export const addFavourite = (parkId: string) =>
  apiRequest<void>(`/api/favourites/${encodeURIComponent(parkId)}`, { method: 'PUT' }).then(() => undefined)
export const removeFavourite = (parkId: string) =>
  apiRequest<void>(`/api/favourites/${encodeURIComponent(parkId)}`, { method: 'DELETE' }).then(() => undefined)
