import type { ShareVisitBody } from '@/types/service'
import { apiRequest } from '@/api/client'

/** No sign-in needed; the client adds the investor token when one exists. */
export const postShareVisit = (body: ShareVisitBody) =>
  apiRequest<unknown>('/api/share-visits', { method: 'POST', body, timeoutMs: 5000 }).then(() => undefined)
