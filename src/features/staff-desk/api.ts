import type { ZoneId } from '@/types/content'
import type {
  CannedReply,
  CannedReplyList,
  Dashboard,
  RequestStatus,
  ShareWxacode,
  StaffMemberList,
  StaffRequestDetail,
  StaffRequestPage,
  StaffRequestQuery,
} from '@/types/service'
import { apiRequest } from '@/api/client'

/** Staff routes: the client sends the staff token for every /api/staff/* path. */
export type { StaffRequestPage }

export type StaffRequestQueryInput = Partial<StaffRequestQuery>

export function listStaffRequests(query: StaffRequestQueryInput): Promise<StaffRequestPage> {
  return apiRequest<StaffRequestPage>('/api/staff/requests', { query })
}

const detailPath = (id: string, action = '') => `/api/staff/requests/${encodeURIComponent(id)}${action}`

export function getStaffRequest(id: string): Promise<StaffRequestDetail> {
  return apiRequest<StaffRequestDetail>(detailPath(id))
}

export function claimRequest(id: string): Promise<StaffRequestDetail> {
  return apiRequest<StaffRequestDetail>(detailPath(id, '/claim'), { method: 'POST', body: {} })
}

export function assignRequest(id: string, staffId: string): Promise<StaffRequestDetail> {
  return apiRequest<StaffRequestDetail>(detailPath(id, '/assign'), { method: 'POST', body: { staffId } })
}

export function replyToRequest(id: string, body: string): Promise<StaffRequestDetail> {
  return apiRequest<StaffRequestDetail>(detailPath(id, '/replies'), { method: 'POST', body: { body } })
}

export function addInternalNote(id: string, body: string): Promise<StaffRequestDetail> {
  return apiRequest<StaffRequestDetail>(detailPath(id, '/notes'), { method: 'POST', body: { body } })
}

/** 关闭工单 with the reason the investor will see. */
export function closeStaffRequest(id: string, reason: string): Promise<StaffRequestDetail> {
  return apiRequest<StaffRequestDetail>(detailPath(id, '/close'), { method: 'POST', body: { reason } })
}

export function changeRequestStatus(id: string, status: RequestStatus): Promise<StaffRequestDetail> {
  return apiRequest<StaffRequestDetail>(detailPath(id, '/status'), { method: 'POST', body: { status } })
}

/** My 小程序码 (503 wechat_not_configured until the API has the mini-program's AppID and secret). */
export function getShareWxacode(): Promise<ShareWxacode> {
  return apiRequest<ShareWxacode>('/api/staff/share/wxacode')
}

export function listStaffMembers() {
  return apiRequest<StaffMemberList>('/api/staff/members')
}

export function listCannedReplies() {
  return apiRequest<CannedReplyList>('/api/staff/canned-replies')
}

export function createCannedReply(body: { zoneId?: ZoneId; title: string; body: string }) {
  return apiRequest<CannedReply>('/api/staff/canned-replies', { method: 'POST', body })
}

export function getDashboard(query: { zoneId?: ZoneId; from?: string; to?: string }): Promise<Dashboard> {
  return apiRequest<Dashboard>('/api/staff/dashboard', { query })
}
