import type { InvestorProject, MyProjectList } from '@/types/projects'
import { apiRequest } from '@/api/client'

/** Follows the invite's project (single-use code, 7 days). */
export function claimProject(code: string): Promise<InvestorProject> {
  return apiRequest<InvestorProject>('/api/projects/claim', { method: 'POST', body: { code } })
}

export function listMyProjects(): Promise<MyProjectList> {
  return apiRequest<MyProjectList>('/api/projects/mine')
}

export function getProject(id: string): Promise<InvestorProject> {
  return apiRequest<InvestorProject>(`/api/projects/${encodeURIComponent(id)}`)
}
