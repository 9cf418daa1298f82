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
}
