import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ZoneSettings, ZoneSettingsBody } from '../../../../types/console'
import { IdParams } from '../../../../types/content-api'
import { responses } from '../../http/errors'
import { JSON_BODY_LIMIT } from '../../http/schemas'
import { requireRole } from '../auth/identity'
import { zoneNotFound } from '../content/lookup'
import { getZoneSettings, putZoneSettings } from './settings'

const adminErrors = {
  400: responses.badRequest,
  401: responses.unauthorized,
  403: responses.forbidden,
  404: responses.notFound,
  500: responses.serverError,
}

/** A zone's notification settings: admins only (the webhook's key is a secret). */
const zoneSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store')
  })

  const zoneOf = (id: string) => {
    if (!app.content.current().zoneById.has(id)) throw zoneNotFound()
    return id
  }

  app.get(
    '/api/staff/zones/:id/settings',
    {
      onRequest: app.requireStaff,
      schema: {
        tags: ['admin'],
        summary: '开发区通知设置（企业微信群机器人、订阅消息模板），仅管理员',
        description: '未设置的项使用服务器的默认值（WECOM_WEBHOOK_DEFAULT、WECHAT_TEMPLATE_REPLY、WECHAT_TEMPLATE_RESOLVED）。',
        params: IdParams,
        response: { 200: ZoneSettings, ...adminErrors },
      },
    },
    async (request) => {
      requireRole(request.staff!, ['admin'], '只有管理员可以查看通知设置')
      return getZoneSettings(app.db, zoneOf(request.params.id))
    },
  )

  app.put(
    '/api/staff/zones/:id/settings',
    {
      bodyLimit: JSON_BODY_LIMIT,
      onRequest: app.requireStaff,
      schema: {
        tags: ['admin'],
        summary: '修改开发区通知设置，仅管理员',
        description: '三项都要给出，null 表示清除（改用默认值）。企业微信机器人地址须为 https。',
        params: IdParams,
        body: ZoneSettingsBody,
        response: { 200: ZoneSettings, ...adminErrors, 413: responses.payloadTooLarge, 415: responses.unsupportedType },
      },
    },
    async (request) => {
      requireRole(request.staff!, ['admin'], '只有管理员可以修改通知设置')
      return putZoneSettings(app.db, zoneOf(request.params.id), request.body, request.staff!, app.clock())
    },
  )
}

export default zoneSettingsRoutes
