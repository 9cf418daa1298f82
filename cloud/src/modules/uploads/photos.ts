import { HOUR_MS } from '../../../../types/china-time'
import type { Photo } from '../../../../types/service'
import type { TokenSigner } from '../auth/tokens'

/** Upload URLs carry a signature valid for a day; rounded to the hour so repeated answers stay identical. */
const PHOTO_URL_TTL_MS = 24 * HOUR_MS

/** `/api/uploads/<id>?exp=…&sig=…`: an image tag cannot send the Authorization header, the signature stands in for it. */
export const photoUrl = (tokens: TokenSigner, uploadId: string, now: Date): string => {
  const exp = Math.ceil((now.getTime() + PHOTO_URL_TTL_MS) / HOUR_MS) * (HOUR_MS / 1000)
  return `/api/uploads/${uploadId}?exp=${exp}&sig=${tokens.signUrl(`upload:${uploadId}`, exp)}`
}

export const toPhoto = (tokens: TokenSigner, upload: { id: string; contentType: string; size: number }, now: Date): Photo => ({
  id: upload.id,
  url: photoUrl(tokens, upload.id, now),
  contentType: upload.contentType,
  size: upload.size,
})
