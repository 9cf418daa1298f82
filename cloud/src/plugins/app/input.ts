import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction, preValidationHookHandler } from 'fastify'
import fp from 'fastify-plugin'
import { ApiError } from '../../http/errors'

/** Where the first NUL character sits in a parsed value (`a.b.0`), or null. Allocates nothing on the way when there is none. */
export const findNul = (value: unknown): string[] | null => {
  if (typeof value === 'string') return value.includes('\u0000') ? [] : null
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = findNul(value[index])
      if (found) return [String(index), ...found]
    }
    return null
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const key in value) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) continue
      const found = findNul((value as Record<string, unknown>)[key])
      if (found) return [key, ...found]
    }
  }
  return null
}

const refuseNul: preValidationHookHandler = (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
  for (const [part, value] of [
    ['querystring', request.query],
    ['params', request.params],
    ['body', request.body],
  ] as const) {
    const path = findNul(value)
    if (path) {
      done(new ApiError(400, 'validation_error', '请求参数有误', { [path.join('.') || part]: '不能包含空字符（U+0000）' }))
      return
    }
  }
  done()
}

/**
 * PostgreSQL text cannot hold NUL characters (U+0000): such input is refused as a 400 naming the
 * field, before validation, instead of failing later in the database. Checked on every route that
 * takes input (a body, or a querystring or path parameters it declares); a GET without declared
 * input, such as /api/home, reads nothing from the request and skips the hook altogether.
 */
export default fp(
  async (app) => {
    app.addHook('onRoute', (route) => {
      const methods = ([] as string[]).concat(route.method)
      const takesBody = methods.some((method) => method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS')
      const schema = route.schema ?? {}
      if (!takesBody && !schema.querystring && !schema.params && !route.url.includes(':')) return
      const existing = route.preValidation === undefined ? [] : ([] as preValidationHookHandler[]).concat(route.preValidation)
      route.preValidation = [refuseNul, ...existing]
    })
  },
  { name: 'input' },
)
