import Taro from '@tarojs/taro'
import type {
  ContentKind,
  Completeness,
  ConsoleList,
  ConsoleRecord,
  CreateStaffAccountBody,
  PublishResult,
  RevisionList,
  StaffAccount,
  StaffAccountList,
  ZoneSettings,
  ZoneSettingsBody,
} from '@/types/console'
import type { CannedReply, CannedReplyList, Photo } from '@/types/service'
import { ApiError, apiBase, apiRequest, toApiError } from '@/api/client'
import { tokenFor } from '@/features/session/session-store'

// The zone console (内容管理): every call is a staff route, sent with the staff token.

const recordPath = (kind: ContentKind, id: string, action = '') => `/api/staff/content/${kind}/${encodeURIComponent(id)}${action}`

/** The zone's records of one kind, with their draft/published state. */
export const listContent = (kind: ContentKind, zoneId: string | undefined) =>
  apiRequest<ConsoleList>(`/api/staff/content/${kind}`, { query: { zoneId } })

/** One record: what investors see and the pending draft. 404 for a record that does not exist yet. */
export const getContent = (kind: ContentKind, id: string) => apiRequest<ConsoleRecord>(recordPath(kind, id))

/** Saves a draft (400 with field errors, nothing stored, when the record is not valid). */
export const saveDraft = (kind: ContentKind, id: string, record: Record<string, unknown>) =>
  apiRequest<ConsoleRecord>(recordPath(kind, id), { method: 'PUT', body: record })

export const publishRecord = (kind: ContentKind, id: string) =>
  apiRequest<PublishResult>(recordPath(kind, id, '/publish'), { method: 'POST', body: {} })

export const discardDraft = (kind: ContentKind, id: string) => apiRequest<unknown>(recordPath(kind, id, '/draft'), { method: 'DELETE' })

export const listRevisions = (kind: ContentKind, id: string) => apiRequest<RevisionList>(recordPath(kind, id, '/revisions'))

export const revertRecord = (kind: ContentKind, id: string, revisionId: string) =>
  apiRequest<PublishResult>(recordPath(kind, id, '/revert'), { method: 'POST', body: { revisionId } })

/** 资料完整度: what investors cannot see yet, zone by zone. */
export const getCompleteness = (zoneId: string | undefined) => apiRequest<Completeness>('/api/staff/completeness', { query: { zoneId } })

// ---- Zone notification settings (admin) ----

export const getZoneSettings = (zoneId: string) => apiRequest<ZoneSettings>(`/api/staff/zones/${encodeURIComponent(zoneId)}/settings`)
export const putZoneSettings = (zoneId: string, body: ZoneSettingsBody) =>
  apiRequest<ZoneSettings>(`/api/staff/zones/${encodeURIComponent(zoneId)}/settings`, { method: 'PUT', body })

// ---- Staff accounts (admin) ----

export const listAccounts = (zoneId: string | undefined) => apiRequest<StaffAccountList>('/api/staff/accounts', { query: { zoneId } })
export const createAccount = (body: CreateStaffAccountBody) => apiRequest<StaffAccount>('/api/staff/accounts', { method: 'POST', body })
const accountPath = (id: string, action: string) => `/api/staff/accounts/${encodeURIComponent(id)}/${action}`
export const disableAccount = (id: string) => apiRequest<StaffAccount>(accountPath(id, 'disable'), { method: 'POST', body: {} })
export const enableAccount = (id: string) => apiRequest<StaffAccount>(accountPath(id, 'enable'), { method: 'POST', body: {} })
export const resetPassword = (id: string, password: string) =>
  apiRequest<StaffAccount>(accountPath(id, 'reset-password'), { method: 'POST', body: { password } })

// ---- 常用回复 (supervisors of the zone, admins) ----

export const listReplies = (zoneId: string | undefined) => apiRequest<CannedReplyList>('/api/staff/canned-replies', { query: { zoneId } })
export const createReply = (body: { zoneId?: string; title: string; body: string }) =>
  apiRequest<CannedReply>('/api/staff/canned-replies', { method: 'POST', body })
export const updateReply = (id: string, body: { zoneId?: string; title: string; body: string }) =>
  apiRequest<CannedReply>(`/api/staff/canned-replies/${encodeURIComponent(id)}`, { method: 'PUT', body })
export const deleteReply = (id: string) => apiRequest<unknown>(`/api/staff/canned-replies/${encodeURIComponent(id)}`, { method: 'DELETE' })

// ---- Photos (POST /api/staff/uploads, re-encoded by the API) ----

const parseJson = (data: unknown): unknown => {
  if (typeof data !== 'string') return data
  try {
    return JSON.parse(data)
  } catch {
    return null
  }
}

/** One image to POST /api/staff/uploads (multipart field `file`) for the zone's records; the answer names the upload. */
export async function uploadContentPhoto(filePath: string, zoneId: string): Promise<Pick<Photo, 'id'>> {
  const path = `/api/staff/uploads?zoneId=${encodeURIComponent(zoneId)}`
  const token = tokenFor(path)
  const header: Record<string, string> = { Accept: 'application/json' }
  if (token) header.Authorization = `Bearer ${token}`
  let result: Taro.uploadFile.SuccessCallbackResult
  try {
    result = await Taro.uploadFile({ url: `${apiBase()}${path}`, filePath, name: 'file', header, timeout: 60000, withCredentials: false })
  } catch {
    throw new ApiError(0, 'network_error', '图片上传失败，请检查网络后重试')
  }
  const data = parseJson(result.data)
  if (result.statusCode < 200 || result.statusCode >= 300) throw toApiError(result.statusCode, data)
  const photo = data as Partial<Photo> | null
  if (typeof photo?.id !== 'string') throw new ApiError(result.statusCode, 'bad_response', '图片上传结果有误，请重试')
  return { id: photo.id }
}
