import { PHOTO_THUMB_PX } from '@/types/vocabulary'
import { apiUrl } from '@/api/client'

/** The API's thumbnail of an uploaded photo, for the small tiles (full size stays for previewImage). */
export function photoThumbUrl(url: string): string {
  const src = apiUrl(url)
  return /\/api\/uploads\//.test(src) ? `${src}${src.includes('?') ? '&' : '?'}w=${PHOTO_THUMB_PX}` : src
}
