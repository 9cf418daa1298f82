import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction, preValidationHookHandler } from 'fastify'
import fp from 'fastify-plugin'
import { ApiError } from '../../http/errors'

/** Where the first string failing `bad` sits in a parsed value (`a.b.0`), or null. Allocates nothing on the way when there is none. */
const findString = (value: unknown, bad: (text: string) => boolean): string[] | null => {
  if (typeof value === 'string') return bad(value) ? [] : null
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = findString(value[index], bad)
      if (found) return [String(index), ...found]
    }
    return null
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const key in value) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) continue
      const found = findString((value as Record<string, unknown>)[key], bad)
      if (found) return [key, ...found]
    }
  }
  return null
}

/** Where the first NUL character sits in a parsed value, or null. */
export const findNul = (value: unknown): string[] | null => findString(value, (text) => text.includes('\u0000'))

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
/** Where the first half of a UTF-16 surrogate pair without its other half sits (no character at all), or null. */
export const findLoneSurrogate = (value: unknown): string[] | null => findString(value, (text) => LONE_SURROGATE.test(text))

const CHECKS = [
  [findNul, '不能包含空字符（U+0000）'],
  [findLoneSurrogate, '包含无效字符（不成对的代理项）'],
] as const

const refuseNul: preValidationHookHandler = (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
  for (const [part, value] of [
    ['querystring', request.query],
    ['params', request.params],
    ['body', request.body],
  ] as const) {
    for (const [find, reason] of CHECKS) {
      const path = find(value)
      if (path) {
        done(new ApiError(400, 'validation_error', '请求参数有误', { [path.join('.') || part]: reason }))
        return
      }
    }
  }
  done()
}

/**
 * PostgreSQL text cannot hold NUL characters (U+0000) and jsonb cannot hold a lone surrogate: such
 * input is refused as a 400 naming the field, before validation, instead of failing later in the database. Checked on every route that
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
