/**
 * A client error with its own code and (Chinese) message, thrown from routes and services alike;
 * the errors plugin sends it as ErrorBody. Throwing inside a transaction also rolls it back.
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

/** SQLSTATE of a database error, whether drizzle wrapped it (DrizzleQueryError.cause) or not. */
export const sqlState = (error: unknown): string | undefined => {
  for (let current = error, depth = 0; current && depth < 3; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}
