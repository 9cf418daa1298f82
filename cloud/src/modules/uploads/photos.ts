import { HOUR_MS } from '../../../../types/china-time'
import type { Photo } from '../../../../types/service'
import type { TokenSigner } from '../auth/tokens'

/** Signed image URLs are valid for a day; rounded to the hour so repeated answers stay identical. */
const PHOTO_URL_TTL_MS = 24 * HOUR_MS

/**
 * `exp=…&sig=…` for a private image: an image tag cannot send the Authorization header, the signature
 * stands in for it (checked with tokens.verifyUrl against the same resource).
 */
export const signedImageQuery = (tokens: TokenSigner, resource: string, now: Date): string => {
  const exp = Math.ceil((now.getTime() + PHOTO_URL_TTL_MS) / HOUR_MS) * (HOUR_MS / 1000)
  return `exp=${exp}&sig=${tokens.signUrl(resource, exp)}`
}

/** `/api/uploads/<id>?exp=…&sig=…`, a request photo for whoever may see the request. */
export const photoUrl = (tokens: TokenSigner, uploadId: string, now: Date): string =>
  `/api/uploads/${uploadId}?${signedImageQuery(tokens, `upload:${uploadId}`, now)}`

export const toPhoto = (tokens: TokenSigner, upload: { id: string; contentType: string; size: number }, now: Date): Photo => ({
  id: upload.id,
  url: photoUrl(tokens, upload.id, now),
  contentType: upload.contentType,
  size: upload.size,
})
