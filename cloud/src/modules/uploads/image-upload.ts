import type { FastifyBaseLogger, FastifyRequest } from 'fastify'
import { MAX_UPLOAD_BYTES } from '../../../../types/service'
import { ApiError, badField } from '../../http/errors'
import { UnsupportedImageError, UploadStoreError } from './images'

// One way a picture comes in, for investors' request photos (uploads) and staff content photos (media):
// the multipart form, its limits and the answers when a picture cannot be kept.

/** One picture per request, and little else: extra parts are read only to be refused. */
export const MULTIPART_LIMITS = { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6, headerPairs: 100 }

export const fileTooLarge = () => new ApiError(413, 'file_too_large', `图片不能超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`)
export const unsupportedType = () => new ApiError(415, 'unsupported_type', '只支持 JPEG、PNG、WebP 或 GIF 格式的图片')
export const undecodable = () => new ApiError(415, 'unsupported_type', '图片内容无法读取（文件可能已损坏），请重新选择图片')
/** Seconds to wait before trying again when the store cannot take the photo (full or unreachable). */
const STORE_RETRY_AFTER_S = 60
export const uploadStoreUnavailable = () =>
  new ApiError(503, 'upload_store_unavailable', '图片存储暂时无法写入，请稍后再试', undefined, {
    'retry-after': String(STORE_RETRY_AFTER_S),
  })

/**
 * The answer for a picture that could not be kept: 415 when it is not an image we decode, 503 when
 * the store refused it (logged). Anything else is rethrown as it is.
 */
export const imageFailure = (error: unknown, log: FastifyBaseLogger): never => {
  if (error instanceof UnsupportedImageError) throw error.reason === 'type' ? unsupportedType() : undecodable()
  if (error instanceof UploadStoreError) {
    log.error({ err: error }, 'upload store refused a photo')
    throw uploadStoreUnavailable()
  }
  throw error
}

/**
 * The multipart/form-data body, for the OpenAPI document only: the handler streams the file part
 * (request.file()) and checks it itself, so no schema validates this body.
 */
export const UPLOAD_FORM = {
  type: 'object',
  required: ['file'],
  properties: {
    file: {
      type: 'string',
      format: 'binary',
      description: `图片文件（一个文件部分，字段名 file）：JPEG、PNG、WebP 或 GIF，按内容判断，不超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`,
    },
  },
} as const

/**
 * The single `file` part as bytes, with the multipart limits turned into Chinese 4xx answers. Every
 * part is read: a second file, or any other part, is refused rather than silently dropped.
 */
export const readImageFile = async (errors: FastifyRequest['server']['multipartErrors'], request: FastifyRequest): Promise<Buffer> => {
  try {
    let bytes: Buffer | undefined
    let extra = false
    for await (const part of request.parts()) {
      if (part.type === 'file' && part.fieldname === 'file' && bytes === undefined) bytes = await part.toBuffer()
      else {
        extra = true
        if (part.type === 'file') part.file.resume() // drain it, so the body is read to its end
      }
    }
    if (bytes !== undefined && extra) throw badField('file', '一次只能上传一张图片')
    if (bytes === undefined) throw badField('file', '请选择要上传的图片（字段名 file）')
    return bytes
  } catch (error) {
    if (error instanceof errors.RequestFileTooLargeError) throw fileTooLarge()
    if (error instanceof errors.FilesLimitError || error instanceof errors.PartsLimitError || error instanceof errors.FieldsLimitError) {
      throw badField('file', '一次只能上传一张图片')
    }
    if (error instanceof ApiError) throw error
    // Whatever else the multipart parser trips over (broken boundary, truncated body) is the client's.
    request.log.info({ err: error }, 'unreadable multipart body')
    throw new ApiError(400, 'bad_request', '上传内容格式不正确，请重新选择图片')
  }
}
