import multipart from '@fastify/multipart'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { jsonSchemaTransform, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { MAX_UPLOAD_BYTES, UploadResult } from '../../../../types/service'
import { PHOTO_THUMB_PX } from '../../../../types/vocabulary'
import { ApiError, badField, invalidToken, notFound, responses, unauthorized } from '../../http/errors'
import { UnsupportedImageError, UploadStoreError } from './images'
import { IMAGE_TYPES } from './sniff'
import { thumbnail } from './thumbnail'
import { findUpload, saveUpload, staffMaySeeUpload, type UploadRow } from './uploads'
import { RequestIdParams } from '../../http/schemas'

const fileTooLarge = () => new ApiError(413, 'file_too_large', `图片不能超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`)
const unsupportedType = () => new ApiError(415, 'unsupported_type', '只支持 JPEG、PNG、WebP 或 GIF 格式的图片')
const undecodable = () => new ApiError(415, 'unsupported_type', '图片内容无法读取（文件可能已损坏），请重新选择图片')
/** Seconds to wait before trying again when the store cannot take the photo (full or unreachable). */
const STORE_RETRY_AFTER_S = 60
export const uploadStoreUnavailable = () =>
  new ApiError(503, 'upload_store_unavailable', '图片存储暂时无法写入，请稍后再试', undefined, {
    'retry-after': String(STORE_RETRY_AFTER_S),
  })

/** Uploaded bytes are shown as an image only: even opened as a page, nothing in them may run or load. */
const SANDBOX = "default-src 'none'; sandbox"

const SignedUrlQuery = z.object({
  exp: z.coerce.number().int().positive().optional(),
  sig: z.string().max(64).optional(),
  w: z.coerce
    .number()
    .pipe(z.literal(PHOTO_THUMB_PX))
    .optional()
    .describe(`缩略图：把图片缩小到 ${PHOTO_THUMB_PX}×${PHOTO_THUMB_PX} 像素以内（保持比例，不放大）`),
})

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

const imageContent = Object.fromEntries(IMAGE_TYPES.map((type) => [type, { schema: z.string().describe('图片内容（二进制）') }]))

/**
 * Request photos. Bytes go to the upload storage (local disk under DATA_DIR/uploads, or S3-compatible
 * object storage when S3_* is set), the record to the uploads table. Photos are personal data: only their owner and staff of a zone whose request uses
 * them may fetch them, with the Authorization header or with the signed URL the API hands out.
 */
const uploadRoutes: FastifyPluginAsyncZod = async (app) => {
  // Registered here only: no other route accepts multipart bodies.
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6, headerPairs: 100 } })
  const limits = app.config.rateLimits

  app.post(
    '/api/uploads',
    {
      config: {
        // Documents the form as the requestBody (consumes: multipart/form-data) without validating it.
        swaggerTransform: (document) => {
          const transformed = jsonSchemaTransform(document)
          return { ...transformed, schema: { ...transformed.schema, body: UPLOAD_FORM } }
        },
      },
      onRequest: app.requireInvestor,
      preHandler: [
        app.rateLimitHook('submit', 'ip', limits.submitPerIp),
        app.rateLimitHook('submit', 'investor', limits.submitPerInvestor),
      ],
      schema: {
        tags: ['service'],
        summary: '上传一张图片（multipart/form-data，字段 file）',
        description:
          `只接受 JPEG、PNG、WebP、GIF（按文件内容判断，不看扩展名和声明的类型），不超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，一次一张（多余的文件 400）。` +
          '图片会被重新编码为 JPEG（去掉 EXIF 等元数据，长边最多 2560 像素）。每个投资者、每个网络地址 24 小时内保存的图片有总量上限（429 upload_quota_exceeded）；' +
          '24 小时内没有用于任何请求的图片会被删除。图片存储无法写入时 503 upload_store_unavailable。返回的 url 带有效期签名，可直接用于 <image>。',
        consumes: ['multipart/form-data'],
        response: {
          201: UploadResult,
          400: responses.badRequest,
          401: responses.unauthorized,
          403: responses.forbidden,
          413: responses.payloadTooLarge,
          415: responses.unsupportedType,
          429: responses.rateLimited,
          500: responses.serverError,
          503: responses.unavailable,
        },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw unsupportedType()
      const bytes = await readFile(app.multipartErrors, request)
      try {
        const photo = await saveUpload(app, app.uploadStorage, { ownerId: request.investorId!, address: request.ip }, bytes)
        return reply.code(201).send(photo)
      } catch (error) {
        if (error instanceof UnsupportedImageError) throw error.reason === 'type' ? unsupportedType() : undecodable()
        if (error instanceof UploadStoreError) {
          request.log.error({ err: error }, 'upload store refused a photo')
          throw uploadStoreUnavailable()
        }
        throw error
      }
    },
  )

  /** Owner, or staff who can see a request using the photo. */
  const mayView = async (request: FastifyRequest, upload: UploadRow | undefined): Promise<boolean> => {
    const claims = app.tokens.verify((request.headers.authorization ?? '').replace(/^Bearer\s+/i, ''))
    if (!claims.ok) throw invalidToken()
    if (claims.claims.kind === 'investor') return claims.claims.sub === upload?.ownerId
    await app.requireStaff(request)
    return upload ? staffMaySeeUpload(app, request.staff!, upload.id) : false
  }

  app.get(
    '/api/uploads/:id',
    {
      schema: {
        tags: ['service'],
        summary: '查看图片（上传者本人，或使用该图片的请求所属开发区的工作人员）',
        description: '用 Authorization 头，或用接口返回的带签名 url（exp、sig）。无权查看与不存在一样返回 404。',
        params: RequestIdParams,
        querystring: SignedUrlQuery,
        response: {
          200: { description: '图片', content: imageContent },
          400: responses.badRequest,
          401: responses.unauthorized,
          403: responses.forbidden,
          404: responses.notFound,
          500: responses.serverError,
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      const upload = await findUpload(app, id)
      const { exp, sig } = request.query
      const signed = exp !== undefined && sig !== undefined && app.tokens.verifyUrl(`upload:${id}`, exp, sig)
      if (!signed) {
        if (!request.headers.authorization) throw unauthorized('请先登录，或刷新页面获取新的图片链接')
        // Someone else's photo answers like a missing one.
        if (!(await mayView(request, upload))) throw notFound('没有找到这张图片')
      }
      if (!upload) throw notFound('没有找到这张图片')
      const bytes = await app.uploadStorage.get(upload.id)
      if (!bytes) throw notFound('没有找到这张图片')
      const image = request.query.w ? await thumbnail(bytes, request.query.w) : { bytes, contentType: upload.contentType }
      return (reply as FastifyReply)
        .header('cache-control', 'private, max-age=3600')
        .header('content-disposition', 'inline')
        .header('content-security-policy', SANDBOX)
        .header('x-content-type-options', 'nosniff')
        .type(image.contentType)
        .send(image.bytes)
    },
  )
}

/**
 * The single `file` part as bytes, with the multipart limits turned into Chinese 4xx answers. Every
 * part is read: a second file, or any other part, is refused rather than silently dropped.
 */
const readFile = async (errors: FastifyRequest['server']['multipartErrors'], request: FastifyRequest): Promise<Buffer> => {
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

export default uploadRoutes
