import type { ErrorBody } from '@/types/common'
import { mediaPath } from '@/types/cards'
import { withQuery, type QueryValue } from '@/lib/query'
import { send } from './transport'
import type { HttpResponse } from './transport-types'

/** Every failure the app shows comes through here, in the shared error shape. */
export class ApiError extends Error {
  /** The HTTP status, as the API names it; 0 when no answer arrived. */
  readonly statusCode: number
  readonly code: string
  readonly fields: Record<string, string>

  constructor(statusCode: number, code: string, message: string, fields: Record<string, string> = {}) {
    super(message)
    this.name = 'ApiError'
    this.statusCode = statusCode
    this.code = code
    this.fields = fields
  }

  /** True when retrying later may help (offline, timeout, server trouble). */
  get retryable(): boolean {
    return this.statusCode === 0 || this.statusCode >= 500 || this.statusCode === 429
  }
}

type Query = Record<string, QueryValue>
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface RequestOptions {
  method?: Method
  query?: Query
  body?: unknown
  headers?: Record<string, string>
  /** A signed-in request (default): sends the user's token when one is live, and reports a 401. */
  auth?: boolean
  timeoutMs?: number
}

interface ApiHooks {
  /** The token for this path: staff routes use the staff session, the rest the investor's. */
  getToken: (path: string) => string | null
  /** A signed-in request was refused: that session is over. */
  onUnauthorized: (path: string) => void
}

const hooks: ApiHooks = { getToken: () => null, onUnauthorized: () => undefined }

/** Stores plug their session in here, so this module never imports a store. */
export function configureApi(next: Partial<ApiHooks>): void {
  Object.assign(hooks, next)
}

export function apiBase(): string {
  return API_BASE.replace(/\/+$/, '')
}

export function buildUrl(path: string, query?: Query): string {
  return `${apiBase()}${withQuery(path, query)}`
}

/** A URL the API hands out, made absolute: upload URLs are relative to the API (/uploads/...). */
export function apiUrl(url: string): string {
  return /^https?:\/\//.test(url) || url.startsWith('blob:') || url.startsWith('wxfile:') ? url : `${apiBase()}${url}`
}

/** The full address of a content photo (GET /api/media/{id}): the one way the app builds it. */
export const mediaUrl = (photoId: string): string => apiUrl(mediaPath(photoId))

/** The API's error shape (types/common ErrorBody), checked by hand: zod stays out of the main package. */
const isErrorBody = (data: unknown): data is ErrorBody => {
  const error = (data as { error?: unknown } | null)?.error as Record<string, unknown> | undefined
  if (!error || typeof error.code !== 'string' || typeof error.message !== 'string') return false
  return (
    error.fields === undefined ||
    (typeof error.fields === 'object' && error.fields !== null && Object.values(error.fields).every((reason) => typeof reason === 'string'))
  )
}

export function toApiError(statusCode: number, data: unknown): ApiError {
  if (isErrorBody(data)) {
    const { code, message, fields } = data.error
    return new ApiError(statusCode, code, message, fields)
  }
  return new ApiError(statusCode, 'http_error', `服务暂时不可用（${statusCode}），请稍后重试`)
}

/**
 * The one way the app talks to the API (wx.request in the mini-program, fetch on H5: ./transport),
 * typed by the shared contract. `T` is the response type inferred from the zod schema in types/
 * (imported as a type only). The API checks every answer against that schema before sending it
 * (tests hold it to /openapi.json), so the app checks only that a body is JSON: the zod runtime
 * stays out of the main package.
 * 204 answers resolve to undefined.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', query, body, headers = {}, auth = true, timeoutMs = 10000 } = options
  const token = auth ? hooks.getToken(path) : null
  const header: Record<string, string> = { Accept: 'application/json', ...headers }
  if (body !== undefined) header['Content-Type'] = 'application/json'
  if (token) header.Authorization = `Bearer ${token}`

  let response: HttpResponse
  try {
    response = await send({ url: buildUrl(path, query), method, header, data: body, timeoutMs })
  } catch {
    throw new ApiError(0, 'network_error', '网络连接失败，请检查网络后重试')
  }

  const { statusCode, data } = response
  // Also when no token went out because it had expired; a public request's 401 (a wrong password) is no session's end.
  if (statusCode === 401 && auth) hooks.onUnauthorized(path)
  if (statusCode < 200 || statusCode >= 300) throw toApiError(statusCode, data)
  if (statusCode === 204) return undefined as T
  // A proxy's HTML page or a truncated body arrives as a string (it did not parse as JSON).
  if (data === null || typeof data !== 'object') throw new ApiError(statusCode, 'bad_response', '数据格式有误，请稍后重试')
  return data as T
}

/** A message fit for a toast or an error state. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message
  return '出了点问题，请稍后重试'
}
