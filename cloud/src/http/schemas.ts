import { z } from 'zod'
import type { Limit } from '../config'

// What routes share besides the error responses (http/errors.ts): path parameters and body limits.
// Content ids (slugs) are IdParams in types/content-api.ts; the app builds URLs with them too.

/** `:id` of a service request or an upload. */
export const RequestIdParams = z.object({ id: z.uuid('编号格式不正确') })

/** Any body the API accepts at all (the server-wide limit). */
export const MAX_BODY_LIMIT = 256 * 1024
/** Request and staff texts are short; this is plenty and keeps abuse cheap. */
export const JSON_BODY_LIMIT = 64 * 1024
/** Sign-ins and the policy-match form. */
export const FORM_BODY_LIMIT = 16 * 1024
/** A share-visit beacon. */
export const BEACON_BODY_LIMIT = 4 * 1024

/** 每分钟最多 10 次, 每 30 秒最多 5 次: a rate limit as the OpenAPI descriptions state it (the limits are configurable). */
export const describeLimit = ({ max, windowMs }: Limit): string => {
  const [size, unit] =
    windowMs % 3_600_000 === 0
      ? [windowMs / 3_600_000, '小时']
      : windowMs % 60_000 === 0
        ? [windowMs / 60_000, '分钟']
        : [windowMs / 1_000, '秒']
  return `${size === 1 ? `每${unit}` : `每 ${size} ${unit}`}最多 ${max} 次`
}
