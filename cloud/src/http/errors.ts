import { z } from 'zod'
import { ErrorBody } from '../../../types/common'

export const errorBody = (code: string, message: string, fields?: Record<string, string>): ErrorBody => ({
  error: fields ? { code, message, fields } : { code, message },
})

/** Response schemas shared by routes, so every route documents the same error shape. */
export const responses = {
  notModified: z.undefined().describe('未修改：If-None-Match 与当前 ETag 一致，沿用本地缓存'),
  badRequest: ErrorBody.describe('请求参数有误（validation_error、invalid_cursor），fields 指出具体参数'),
  notFound: ErrorBody.describe('不存在（not_found）'),
  serverError: ErrorBody.describe('服务器错误（internal_error）'),
  unavailable: ErrorBody.describe('服务暂不可用（database_unavailable）'),
  noContent: z.undefined().describe('成功，无响应内容'),
  unauthorized: ErrorBody.describe('未登录或登录已失效（unauthorized、invalid_token）'),
  forbidden: ErrorBody.describe('无权进行此操作（forbidden）'),
  conflict: ErrorBody.describe('当前状态不允许此操作（invalid_transition 等），message 说明原因'),
  payloadTooLarge: ErrorBody.describe('请求内容过大（payload_too_large、file_too_large）'),
  unsupportedType: ErrorBody.describe('不支持的内容类型（unsupported_media_type、unsupported_type）'),
  unprocessable: ErrorBody.describe('请求无法处理（idempotency_mismatch：同一 Idempotency-Key 对应了不同的请求内容）'),
  locked: ErrorBody.describe('账号已锁定（account_locked）'),
  rateLimited: ErrorBody.describe('请求过于频繁（rate_limited），Retry-After 头给出等待秒数'),
}
