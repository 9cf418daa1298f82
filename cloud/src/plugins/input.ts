import type { FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { ApiError } from '../http/api-error'

/** Where the first NUL character sits in a parsed value (`a.b.0`), or null. */
const findNul = (value: unknown, path: string[] = []): string[] | null => {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNul(item, [...path, String(index)])
      if (found) return found
    }
    return null
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      const found = findNul(item, [...path, key])
      if (found) return found
    }
  }
  return null
}

/**
 * PostgreSQL text cannot hold NUL characters (U+0000): such input is refused as a 400 naming the
 * field, before validation, instead of failing later in the database.
 */
export default fp(
  async (app) => {
    app.addHook('preValidation', async (request: FastifyRequest) => {
      for (const [part, value] of [
        ['querystring', request.query],
        ['params', request.params],
        ['body', request.body],
      ] as const) {
        const path = findNul(value)
        if (path) throw new ApiError(400, 'validation_error', '请求参数有误', { [path.join('.') || part]: '不能包含空字符（U+0000）' })
      }
    })
  },
  { name: 'input' },
)
