import type { MatchInput, MatchResult } from '@/types/policy-match'
import { apiRequest } from './client'

export const postPolicyMatch = (input: MatchInput) => apiRequest<MatchResult>('/api/policies/match', { method: 'POST', body: input })
