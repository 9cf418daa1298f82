import Taro from '@tarojs/taro'
import type { Photo } from '@/types/service'
import { PHOTO_THUMB_PX } from '@/types/vocabulary'
import { ApiError, apiBase, toApiError } from './client'

export interface UploadOptions {
  /** Investor token; uploads are tied to the signed-in investor. */
  token: string | null
  onProgress?: (percent: number) => void
}

const parseJson = (data: unknown): unknown => {
  if (typeof data !== 'string') return data
  try {
    return JSON.parse(data)
  } catch {
    return null
  }
}

/** One image to POST /api/uploads (multipart field `file`), weapp and H5 alike via Taro.uploadFile. */
export async function uploadImage(filePath: string, { token, onProgress }: UploadOptions): Promise<Photo> {
  const header: Record<string, string> = { Accept: 'application/json' }
  if (token) header.Authorization = `Bearer ${token}`

  let result: Taro.uploadFile.SuccessCallbackResult
  try {
    // Bearer token, no cookies: Taro H5 sends credentials by default, which a cross-origin API would refuse (CORS).
    const task = Taro.uploadFile({
      url: `${apiBase()}/api/uploads`,
      filePath,
      name: 'file',
      header,
      timeout: 60000,
      withCredentials: false,
    })
    task.progress?.((event) => onProgress?.(event.progress))
    result = await task
  } catch {
    throw new ApiError(0, 'network_error', '图片上传失败，请检查网络后重试')
  }

  const data = parseJson(result.data)
  if (result.statusCode < 200 || result.statusCode >= 300) throw toApiError(result.statusCode, data)
  const photo = data as Partial<Photo> | null
  if (typeof photo?.url !== 'string') throw new ApiError(result.statusCode, 'bad_response', '图片上传结果有误，请重试')
  return photo as Photo
}

/** Upload URLs may be relative to the API (/uploads/...). */
export function photoSrc(url: string): string {
  return /^https?:\/\//.test(url) || url.startsWith('blob:') || url.startsWith('wxfile:') ? url : `${apiBase()}${url}`
}

/** The API's thumbnail of an uploaded photo, for the small tiles (full size stays for previewImage). */
export function photoThumbSrc(url: string): string {
  const src = photoSrc(url)
  return /\/api\/uploads\//.test(src) ? `${src}${src.includes('?') ? '&' : '?'}w=${PHOTO_THUMB_PX}` : src
}
