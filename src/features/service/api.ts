import Taro from '@tarojs/taro'
import type { CreateServiceRequestBody, MyRequestList, Photo, RatingBody, ServiceRequest } from '@/types/service'
import { ApiError, apiBase, apiRequest, toApiError } from '@/api/client'

/**
 * Sends a new request. The same `idempotencyKey` must be reused on every retry of one submission:
 * the server then answers with the request it already created instead of creating a second one.
 */
export function createServiceRequest(body: CreateServiceRequestBody, idempotencyKey: string): Promise<ServiceRequest> {
  return apiRequest<ServiceRequest>('/api/requests', {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
    timeoutMs: 15000,
  })
}

export function listMyRequests() {
  return apiRequest<MyRequestList>('/api/requests/mine')
}

export function getServiceRequest(id: string): Promise<ServiceRequest> {
  return apiRequest<ServiceRequest>(`/api/requests/${encodeURIComponent(id)}`)
}

export function sendFollowUp(id: string, body: string): Promise<ServiceRequest> {
  return apiRequest<ServiceRequest>(`/api/requests/${encodeURIComponent(id)}/messages`, { method: 'POST', body: { body } })
}

export function rateServiceRequest(id: string, rating: RatingBody): Promise<ServiceRequest> {
  return apiRequest<ServiceRequest>(`/api/requests/${encodeURIComponent(id)}/rating`, { method: 'POST', body: rating })
}

export function withdrawServiceRequest(id: string): Promise<ServiceRequest> {
  return apiRequest<ServiceRequest>(`/api/requests/${encodeURIComponent(id)}/withdraw`, { method: 'POST', body: {} })
}

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
