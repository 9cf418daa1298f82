import type { Socket } from 'node:net'
import type { FastifyError, FastifyReply, FastifyServerOptions } from 'fastify'
import fp from 'fastify-plugin'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import type { core } from 'zod'
import { ApiError } from '../../http/api-error'
import { errorBody } from '../../http/errors'
import { describeIssues, formatFieldPath } from '../../zod-issues'

/** Chinese messages for the 4xx Fastify itself raises (bad JSON, wrong content type, too large...). */
const CLIENT_ERRORS: Record<number, [code: string, message: string]> = {
  400: ['bad_request', '请求格式不正确'],
  404: ['not_found', '没有找到'],
  405: ['method_not_allowed', '不支持该请求方法'],
  413: ['payload_too_large', '请求内容过大'],
  415: ['unsupported_media_type', '不支持的内容类型'],
  429: ['rate_limited', '请求过于频繁，请稍后再试'],
}

/**
 * One error shape for everything: schema validation → 400 validation_error with `fields`,
 * other client errors → their status, anything else → 500 with a generic message (the details
 * go to the log only, never to the client). Unknown routes → 404.
 */
export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
      if (error instanceof ApiError) {
        if (error.headers) reply.headers(error.headers)
        return reply.code(error.statusCode).send(errorBody(error.code, error.message, error.fields))
      }
      if (hasZodFastifySchemaValidationErrors(error)) {
        // Rebuild the zod issues the type provider flattened, to word them in Chinese.
        const issues = error.validation.map(
          ({ keyword, instancePath, message, params }) =>
            ({ ...params, code: keyword, message, path: instancePath.split('/').filter(Boolean) }) as unknown as core.$ZodIssue,
        )
        const fields: Record<string, string> = {}
        for (const problem of describeIssues(issues)) {
          const key = formatFieldPath(problem.path) || (error.validationContext ?? 'request')
          fields[key] ??= problem.message
        }
        return reply.code(400).send(errorBody('validation_error', '请求参数有误', fields))
      }

      const status = error.statusCode ?? 500
      if (status >= 400 && status < 500) {
        request.log.info({ err: error }, 'client error')
        const [code, message] = CLIENT_ERRORS[status] ?? ['bad_request', '请求无效']
        return reply.code(status).send(errorBody(code, message))
      }

      request.log.error({ err: error }, 'request failed')
      return reply.code(500).send(errorBody('internal_error', '服务器出了点问题，请稍后再试'))
    })

    app.setNotFoundHandler((_request, reply) => reply.code(404).send(errorBody('not_found', '接口不存在')))
  },
  { name: 'errors' },
)

/**
 * Requests Node's HTTP parser rejects before Fastify sees them (malformed URL or headers,
 * header overflow, timeout) still get an ErrorBody.
 */
export const clientErrorHandler: NonNullable<FastifyServerOptions['clientErrorHandler']> = (
  error: NodeJS.ErrnoException,
  socket: Socket,
) => {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const [status, reason, code, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'Request Timeout', 'request_timeout', '请求超时']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'headers_too_large', '请求头过大']
        : [400, 'Bad Request', 'bad_request', '请求格式不正确']
  const body = Buffer.from(JSON.stringify(errorBody(code, message)))
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Length: ${body.length}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n`,
    )
    socket.write(body)
  }
  socket.destroy(error)
}

/**
 * URLs the router refuses before any route sees them (malformed percent-encoding, a path parameter
 * over maxParamLength) get an ErrorBody too. An over-long id cannot exist: 404.
 */
export const frameworkErrors: NonNullable<FastifyServerOptions['frameworkErrors']> = (error, request, reply) => {
  request.log.info({ err: error }, 'client error')
  const send = reply as FastifyReply
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return send.code(404).send(errorBody('not_found', '没有找到'))
  return send.code(400).send(errorBody('bad_request', '请求地址不正确'))
}
