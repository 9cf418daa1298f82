import type {
  BoardQuery,
  Invite,
  ProjectBoard,
  ReviewBody,
  StageUpdateBody,
  StaffProjectDetail,
  TeamBody,
  WeeklySummary,
} from '@/types/projects'
import type { ProjectStage } from '@/types/project-stages'
import type { StaffMemberList } from '@/types/service'
import { apiRequest } from '@/api/client'

const projectPath = (id: string, rest = '') => `/api/staff/projects/${encodeURIComponent(id)}${rest}`

export function listBoard(query: Partial<BoardQuery>): Promise<ProjectBoard> {
  return apiRequest<ProjectBoard>('/api/staff/projects', { query })
}

export function getStaffProject(id: string): Promise<StaffProjectDetail> {
  return apiRequest<StaffProjectDetail>(projectPath(id))
}

export function updateStage(id: string, stage: ProjectStage, body: StageUpdateBody): Promise<StaffProjectDetail> {
  return apiRequest<StaffProjectDetail>(projectPath(id, `/stages/${stage}`), { method: 'PUT', body })
}

export function updateTeam(id: string, body: TeamBody): Promise<StaffProjectDetail> {
  return apiRequest<StaffProjectDetail>(projectPath(id, '/team'), { method: 'PUT', body })
}

export function addReview(id: string, body: ReviewBody): Promise<StaffProjectDetail> {
  return apiRequest<StaffProjectDetail>(projectPath(id, '/reviews'), { method: 'POST', body })
}

export function createInvite(id: string): Promise<Invite> {
  return apiRequest<Invite>(projectPath(id, '/invites'), { method: 'POST', body: {} })
}

export function blockerToRequest(id: string, stage: ProjectStage): Promise<{ requestId: string; ticketNo: string }> {
  return apiRequest<{ requestId: string; ticketNo: string }>(projectPath(id, `/stages/${stage}/request`), { method: 'POST', body: {} })
}

export function getWeeklySummary(query: { zoneId?: string; week?: string }): Promise<WeeklySummary> {
  return apiRequest<WeeklySummary>('/api/staff/project-summary', { query })
}

/** Colleagues of a zone (agents and supervisors): the 包挂领导 and 专班 are chosen among them. */
export function listColleagues(zoneId: string): Promise<StaffMemberList> {
  return apiRequest<StaffMemberList>('/api/staff/members', { query: { zoneId } })
}
