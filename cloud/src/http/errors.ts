import type { Socket } from 'node:net'
import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { z, type core } from 'zod'
import { ErrorBody } from '../../../types/common'
import { isDatabaseUnavailable } from '../db/client'
import { describeIssues, formatFieldPath } from '../zod-issues'

// Every error the API answers, in one place: ApiError for what routes and modules refuse, the
// response schemas routes document, and the mapping of everything else to ErrorBody.

/**
 * A client error with its own code and (Chinese) message, thrown from routes and module code alike;
 * errorHandler sends it as ErrorBody. Throwing inside a transaction also rolls it back.
 */
export class ApiError extends Error {
  override name = 'ApiError'
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    /** Extra response headers, e.g. Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    super(message)
  }
}

export const unauthorized = (message = '请先登录') => new ApiError(401, 'unauthorized', message)
export const invalidToken = () => new ApiError(401, 'invalid_token', '登录已失效，请重新登录')
export const forbidden = (message = '没有权限进行此操作') => new ApiError(403, 'forbidden', message)
export const notFound = (message = '没有找到') => new ApiError(404, 'not_found', message)
export const badField = (field: string, reason: string) => new ApiError(400, 'validation_error', '请求参数有误', { [field]: reason })
export const conflict = (code: string, message: string) => new ApiError(409, code, message)

export const errorBody = (code: string, message: string, fields?: Record<string, string>): ErrorBody => ({
  error: fields ? { code, message, fields } : { code, message },
})

/** Response schemas shared by routes, so every route documents the same error shape. */
export const responses = {
  notModified: z.undefined().describe('未修改：If-None-Match 与当前 ETag 一致，沿用本地缓存'),
  badRequest: ErrorBody.describe('请求参数有误（validation_error、invalid_cursor），fields 指出具体参数'),
  notFound: ErrorBody.describe('不存在（not_found）'),
  serverError: ErrorBody.describe('服务器错误（internal_error）'),
  unavailable: ErrorBody.describe('服务暂不可用（database_unavailable：数据库暂时无法应答），Retry-After 头给出建议的等待秒数'),
  noContent: z.undefined().describe('成功，无响应内容'),
  unauthorized: ErrorBody.describe('未登录或登录已失效（unauthorized、invalid_token）'),
  forbidden: ErrorBody.describe('无权进行此操作（forbidden）'),
  conflict: ErrorBody.describe('当前状态不允许此操作（invalid_transition 等），message 说明原因'),
  payloadTooLarge: ErrorBody.describe('请求内容过大（payload_too_large、file_too_large）'),
  unsupportedType: ErrorBody.describe('不支持的内容类型（unsupported_media_type、unsupported_type）'),
  unprocessable: ErrorBody.describe('请求无法处理（idempotency_mismatch：同一 Idempotency-Key 对应了不同的请求内容）'),
  rateLimited: ErrorBody.describe('请求过于频繁（rate_limited；工作人员登录失败过多时为 login_throttled），Retry-After 头给出等待秒数'),
}

/** Seconds a client is asked to wait before retrying while the database is unavailable. */
export const DATABASE_RETRY_AFTER_S = 5

export const databaseUnavailable = () =>
  new ApiError(503, 'database_unavailable', '数据库暂不可用，请稍后再试', undefined, { 'retry-after': String(DATABASE_RETRY_AFTER_S) })

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
 * go to the log only, never to the client).
 */
export const errorHandler = (error: FastifyError | ApiError, request: FastifyRequest, reply: FastifyReply) => {
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

  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'database unavailable')
    const unavailable = databaseUnavailable()
    reply.headers(unavailable.headers!)
    return reply.code(503).send(errorBody(unavailable.code, unavailable.message))
  }

  const status = error.statusCode ?? 500
  if (status >= 400 && status < 500) {
    request.log.info({ err: error }, 'client error')
    const [code, message] = CLIENT_ERRORS[status] ?? ['bad_request', '请求无效']
    return reply.code(status).send(errorBody(code, message))
  }

  request.log.error({ err: error }, 'request failed')
  return reply.code(500).send(errorBody('internal_error', '服务器出了点问题，请稍后再试'))
}

/** Unknown routes. */
export const notFoundHandler = (_request: FastifyRequest, reply: FastifyReply) => reply.code(404).send(errorBody('not_found', '接口不存在'))

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
