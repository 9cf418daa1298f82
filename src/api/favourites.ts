import { z } from 'zod'
import { listOf } from '@/types/common'
import { ParkCard } from '@/types/content-api'
import { apiRequest } from './client'

const FavouriteList = listOf(ParkCard)
/** PUT / DELETE answer 204 with no body. */
const NoContent = z.unknown()

export const fetchFavourites = () => apiRequest(FavouriteList, '/api/favourites')
export const addFavourite = (parkId: string) =>
  apiRequest(NoContent, `/api/favourites/${encodeURIComponent(parkId)}`, { method: 'PUT' }).then(() => undefined)
export const removeFavourite = (parkId: string) =>
  apiRequest(NoContent, `/api/favourites/${encodeURIComponent(parkId)}`, { method: 'DELETE' }).then(() => undefined)
