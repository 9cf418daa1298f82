import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ZoneId } from '../../../../types/content'
import {
  CannedReply,
  CannedReplyBody,
  CannedReplyList,
  CannedReplyUpdate,
  Dashboard,
  DashboardQuery,
  StaffMemberList,
} from '../../../../types/service'
import { responses } from '../../http/errors'
import { JSON_BODY_LIMIT, RequestIdParams } from '../../http/schemas'
import { scopeZone } from '../auth/identity'
import { addCannedReply, deleteCannedReply, listCannedReplies, updateCannedReply } from './canned-replies'
import { dashboard } from './dashboard'
import { assignableColleagues } from './members'

const ZoneQuery = z.object({ zoneId: ZoneId.optional() })

const staffErrors = {
  400: responses.badRequest,
  401: responses.unauthorized,
  403: responses.forbidden,
  500: responses.serverError,
}

const staffRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store')
  })

  app.get(
    '/api/staff/members',
    {
      onRequest: app.requireStaff,
      schema: {
        tags: ['staff'],
        summary: '可指派的同事（本开发区的店小二和主管）',
        description: '管理员可用 zoneId 选择开发区，不指定时列出所有开发区的同事。',
        querystring: ZoneQuery,
        response: { 200: StaffMemberList, ...staffErrors },
      },
    },
    async (request) => ({ items: await assignableColleagues(app, scopeZone(request.staff!, request.query.zoneId)) }),
  )

  app.get(
    '/api/staff/canned-replies',
    {
      onRequest: app.requireStaff,
      schema: {
        tags: ['staff'],
        summary: '常用答复（本开发区）',
        querystring: ZoneQuery,
        response: { 200: CannedReplyList, ...staffErrors },
      },
    },
    async (request) => ({ items: await listCannedReplies(app, scopeZone(request.staff!, request.query.zoneId)) }),
  )

  app.post(
    '/api/staff/canned-replies',
    {
      bodyLimit: JSON_BODY_LIMIT,
      onRequest: app.requireStaff,
      schema: {
        tags: ['staff'],
        summary: '新增常用答复（本开发区主管或管理员）',
        description: '主管添加到本开发区；没有所属开发区的管理员必须指定 zoneId。店小二只能使用，返回 403。',
        body: CannedReplyBody,
        response: { 201: CannedReply, ...staffErrors, 413: responses.payloadTooLarge, 415: responses.unsupportedType },
      },
    },
    async (request, reply) => reply.code(201).send(await addCannedReply(app, request.staff!, request.body)),
  )

  app.put(
    '/api/staff/canned-replies/:id',
    {
      bodyLimit: JSON_BODY_LIMIT,
      onRequest: app.requireStaff,
      schema: {
        tags: ['staff'],
        summary: '修改常用答复（本开发区主管或管理员）',
        params: RequestIdParams,
        body: CannedReplyUpdate,
        response: {
          200: CannedReply,
          ...staffErrors,
          404: responses.notFound,
          413: responses.payloadTooLarge,
          415: responses.unsupportedType,
        },
      },
    },
    async (request) => updateCannedReply(app, request.staff!, request.params.id, request.body),
  )

  app.delete(
    '/api/staff/canned-replies/:id',
    {
      onRequest: app.requireStaff,
      schema: {
        tags: ['staff'],
        summary: '删除常用答复（本开发区主管或管理员）',
        params: RequestIdParams,
        response: { 204: responses.noContent, ...staffErrors, 404: responses.notFound, 415: responses.unsupportedType },
      },
    },
    async (request, reply) => {
      await deleteCannedReply(app, request.staff!, request.params.id)
      return reply.code(204).send()
    },
  )

  app.get(
    '/api/staff/dashboard',
    {
      onRequest: app.requireStaff,
      schema: {
        tags: ['staff'],
        summary: '数据看板：按状态/类型/园区统计，首次响应时长，24 小时响应率，按时办结率，满意率，超时清单，分享带来的访问',
        description:
          '统计期间按提交时间（中国时间）计算，默认最近 30 天，最长 366 天。满意率 = 4–5 分评价占比。' +
          '超时清单为当前仍超时的请求（不限期间）。referrals 为期间内通过分享链接带来的访问（按分享人和页面）。',
        querystring: DashboardQuery,
        response: { 200: Dashboard, ...staffErrors },
      },
    },
    async (request) => dashboard(app, request.staff!, request.query),
  )
}

export default staffRoutes
