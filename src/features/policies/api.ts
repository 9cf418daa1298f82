import type { PolicyDetail, PolicyPage, PolicyListQuery } from '@/types/content-api'
import type { MatchInput, MatchResult } from '@/types/policy-match'
import { apiRequest } from '@/api/client'

// Public content: sent without the session token (the same for everyone, cacheable).
const PUBLIC = { auth: false } as const

export const fetchPolicies = (query: Partial<PolicyListQuery>) =>
  apiRequest<PolicyPage>('/api/policies', { ...PUBLIC, query: { ...query } })
export const fetchPolicy = (policyId: string) => apiRequest<PolicyDetail>(`/api/policies/${encodeURIComponent(policyId)}`, PUBLIC)

export const postPolicyMatch = (input: MatchInput, cursor?: string) =>
  apiRequest<MatchResult>('/api/policies/match', { method: 'POST', body: input, query: { cursor, limit: 50 } })
