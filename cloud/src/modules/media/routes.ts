import multipart from '@fastify/multipart'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { jsonSchemaTransform, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { mediaPath } from '../../../../types/cards'
import { MediaUpload, MediaUploadQuery } from '../../../../types/console'
import { PHOTO_THUMB_PX } from '../../../../types/vocabulary'
import { badField, notFound, responses } from '../../http/errors'
import { RequestIdParams } from '../../http/schemas'
import { canSeeZone } from '../auth/identity'
import { requireZone } from '../console/access'
import { zoneNotFound } from '../content/lookup'
import { imageFailure, MULTIPART_LIMITS, readImageFile, UPLOAD_FORM, unsupportedType } from '../uploads/image-upload'
import { MAX_IMAGE_SIDE_PX } from '../uploads/images'
import { thumbnail } from '../uploads/thumbnail'
import { findMedia, mediaResource, saveMedia } from './media'

/** Card covers use the small size, page photos the large one. */
const MEDIA_WIDTHS = [PHOTO_THUMB_PX, 750] as const
const MediaQuery = z.object({
  w: z.coerce
    .number()
    .pipe(z.union(MEDIA_WIDTHS.map((width) => z.literal(width))))
    .optional()
    .describe(`缩小到 ${MEDIA_WIDTHS.join(' 或 ')} 像素见方以内（保持比例，不放大）`),
  exp: z.coerce.number().int().optional().describe('签名地址的有效期（Unix 秒），与 sig 一起由内容管理接口给出'),
  sig: z.string().max(64).optional().describe('签名：只在草稿中的照片凭它预览，不需要登录'),
})

/**
 * Content photos: zone staff upload them for their zone's records (re-encoded, metadata stripped);
 * anyone may fetch one that published content shows; one only a draft uses is for the zone's staff.
 */
const mediaRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart, { limits: MULTIPART_LIMITS })

  app.post(
    '/api/staff/uploads',
    {
      config: {
        swaggerTransform: (document) => {
          const transformed = jsonSchemaTransform(document)
          return { ...transformed, schema: { ...transformed.schema, body: UPLOAD_FORM } }
        },
      },
      onRequest: app.requireStaff,
      schema: {
        tags: ['console'],
        summary: '上传内容照片（工作人员，multipart/form-data，字段 file）',
        description:
          `按内容识别图片格式，解码后重新编码为 JPEG（去掉 EXIF 等元数据，最长边不超过 ${MAX_IMAGE_SIDE_PX} 像素）。` +
          '把返回的 id 和说明文字作为 { id, alt } 放进开发区、园区或载体记录的 photos。管理员用 zoneId 指定开发区。',
        consumes: ['multipart/form-data'],
        querystring: MediaUploadQuery,
        response: {
          201: MediaUpload,
          400: responses.badRequest,
          401: responses.unauthorized,
          403: responses.forbidden,
          404: responses.notFound,
          413: responses.payloadTooLarge,
          415: responses.unsupportedType,
          500: responses.serverError,
          503: responses.unavailable,
        },
      },
    },
    async (request, reply) => {
      const member = request.staff!
      const zoneId = request.query.zoneId ?? member.zoneId
      if (!zoneId) throw badField('zoneId', '请选择开发区')
      requireZone(member, zoneId)
      if (!app.content.current().zoneById.has(zoneId)) throw zoneNotFound()
      if (!request.isMultipart()) throw unsupportedType()
      const bytes = await readImageFile(app.multipartErrors, request)
      let row
      try {
        row = await saveMedia(app, app.uploadStorage, { zoneId, staffId: member.id, bytes })
      } catch (error) {
        return imageFailure(error, request.log)
      }
      return reply
        .code(201)
        .send({ id: row.id, url: mediaPath(row.id), contentType: row.contentType, size: row.size, width: row.width, height: row.height })
    },
  )

  app.get(
    '/api/media/:id',
    {
      schema: {
        tags: ['content'],
        summary: '内容照片：已发布内容中的照片任何人可看（长期缓存）；只在草稿中的照片仅本开发区工作人员可看（带令牌，或用内容管理接口给出的签名地址）',
        params: RequestIdParams,
        querystring: MediaQuery,
        response: {
          200: {
            description: '图片',
            content: Object.fromEntries(['image/jpeg'].map((type) => [type, { schema: z.string().describe('图片内容（二进制）') }])),
          },
          400: responses.badRequest,
          404: responses.notFound,
          500: responses.serverError,
        },
      },
    },
    async (request, reply) => {
      const id = request.params.id.toLowerCase()
      const published = app.content.current().photoIds.has(id)
      const row = await findMedia(app, id)
      if (!row) throw notFound('没有找到这张图片')
      const { exp, sig } = request.query
      const signed = exp !== undefined && sig !== undefined && app.tokens.verifyUrl(mediaResource(id), exp, sig)
      if (!published && !signed && !(await staffOfZone(request, row.zoneId))) throw notFound('没有找到这张图片')
      const bytes = await app.uploadStorage.get(row.id)
      if (!bytes) throw notFound('没有找到这张图片')
      const image = request.query.w ? await thumbnail(bytes, request.query.w) : { bytes, contentType: row.contentType }
      return (reply as FastifyReply)
        .header('cache-control', published ? 'public, max-age=31536000, immutable' : 'private, no-store')
        .header('content-disposition', 'inline')
        .type(image.contentType)
        .send(image.bytes)
    },
  )

  /** A photo only a draft uses: for staff who can see its zone (never an error that tells it exists). */
  const staffOfZone = async (request: FastifyRequest, zoneId: string): Promise<boolean> => {
    if (!request.headers.authorization) return false
    try {
      await app.requireStaff(request)
    } catch {
      return false
    }
    return canSeeZone(request.staff!, zoneId)
  }
}

export default mediaRoutes
