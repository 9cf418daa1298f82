import { z } from 'zod'
import type { ShareVisitBody } from '@/types/service'
import { apiRequest } from './client'

type ShareVisit = z.infer<typeof ShareVisitBody>

/** No sign-in needed; the client adds the investor token when one exists. */
export const postShareVisit = (body: ShareVisit) =>
  apiRequest(z.unknown(), '/api/share-visits', { method: 'POST', body, timeoutMs: 5000 }).then(() => undefined)
