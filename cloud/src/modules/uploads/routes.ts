import multipart from '@fastify/multipart'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { jsonSchemaTransform, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { MAX_UPLOAD_BYTES, UploadResult } from '../../../../types/service'
import { PHOTO_THUMB_PX } from '../../../../types/vocabulary'
import { invalidToken, notFound, responses, unauthorized } from '../../http/errors'
import { imageFailure, MULTIPART_LIMITS, readImageFile, UPLOAD_FORM, unsupportedType } from './image-upload'
import { IMAGE_TYPES } from './sniff'
import { thumbnail } from './thumbnail'
import { findUpload, saveUpload, staffMaySeeUpload, type UploadRow } from './uploads'
import { RequestIdParams } from '../../http/schemas'

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

const imageContent = Object.fromEntries(IMAGE_TYPES.map((type) => [type, { schema: z.string().describe('图片内容（二进制）') }]))

/**
 * Request photos. Bytes go to the upload storage (local disk under DATA_DIR/uploads, or S3-compatible
 * object storage when S3_* is set), the record to the uploads table. Photos are personal data: only their owner and staff of a zone whose request uses
 * them may fetch them, with the Authorization header or with the signed URL the API hands out.
 */
const uploadRoutes: FastifyPluginAsyncZod = async (app) => {
  // Registered here only: no other route accepts multipart bodies.
  await app.register(multipart, { limits: MULTIPART_LIMITS })
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
      const bytes = await readImageFile(app.multipartErrors, request)
      try {
        const photo = await saveUpload(app, app.uploadStorage, { ownerId: request.investorId!, address: request.ip }, bytes)
        return reply.code(201).send(photo)
      } catch (error) {
        return imageFailure(error, request.log)
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

export default uploadRoutes
