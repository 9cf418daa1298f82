import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  AssignBody,
  CloseBody,
  MessageBody,
  StaffRequestDetail,
  StaffRequestPage,
  StaffRequestQuery,
  StatusBody,
} from '../../../../types/service'
import { responses } from '../../http/errors'
import { listStaffRequests } from './inbox'
import { addNote, assignRequest, changeStatus, claimRequest, closeRequest, getForStaff, replyToRequest } from './actions'
import { JSON_BODY_LIMIT, RequestIdParams } from '../../http/schemas'

const staffErrors = {
  400: responses.badRequest,
  401: responses.unauthorized,
  403: responses.forbidden,
  404: responses.notFound,
  500: responses.serverError,
}

/**
 * The 店小二 workbench. Agents and supervisors see their own zone only (another zone's request is a
 * 404); admins see every zone. Every change is row-locked and lands in the audit trail.
 */
const staffRequestRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store')
  })

  app.get(
    '/api/staff/requests',
    {
      onRequest: app.requireStaff,
      schema: {
        tags: ['staff'],
        summary: '工单队列：待受理 / 我的 / 即将超时 / 已超时 / 全部',
        description:
          'new：未指派的新请求；mine：指派给我且未办结；due_soon：未答复且 2 小时内到期；overdue：超过 24 小时未答复或超过办结时限；all：全部。' +
          '列表中手机号打码。管理员可用 zoneId 选择开发区，其他角色只能查看本开发区（指定其他开发区返回 403）。' +
          '按游标分页；total 最多数到 999，超过时 totalCapped 为 true（显示“999+”）。',
        querystring: StaffRequestQuery,
        response: { 200: StaffRequestPage, ...staffErrors },
      },
    },
    async (request) => listStaffRequests(app, request.staff!, request.query),
  )

  app.get(
    '/api/staff/requests/:id',
    {
      onRequest: app.requireStaff,
      schema: {
        tags: ['staff'],
        summary: '工单详情：完整手机号、内部备注、操作记录、可变更的状态',
        params: RequestIdParams,
        response: { 200: StaffRequestDetail, ...staffErrors },
      },
    },
    async (request) => getForStaff(app, request.staff!, request.params.id),
  )

  const action = { bodyLimit: JSON_BODY_LIMIT, onRequest: app.requireStaff }
  const actionResponses = {
    200: StaffRequestDetail,
    ...staffErrors,
    409: responses.conflict,
    413: responses.payloadTooLarge,
    415: responses.unsupportedType,
  }

  app.post(
    '/api/staff/requests/:id/claim',
    {
      ...action,
      schema: {
        tags: ['staff'],
        summary: '受理：指派给自己（新请求变为“已受理”）',
        description: '已由其他同事负责返回 409 already_assigned；已办结/撤回返回 409 request_closed。',
        params: RequestIdParams,
        response: actionResponses,
      },
    },
    async (request) => claimRequest(app, request.staff!, request.params.id),
  )

  app.post(
    '/api/staff/requests/:id/assign',
    {
      ...action,
      schema: {
        tags: ['staff'],
        summary: '指派给本开发区的同事',
        description: '主管和管理员可指派任何请求；店小二只能转交自己负责或尚未指派的请求（否则 403）。',
        params: RequestIdParams,
        body: AssignBody,
        response: actionResponses,
      },
    },
    async (request) => assignRequest(app, request.staff!, request.params.id, request.body.staffId),
  )

  app.post(
    '/api/staff/requests/:id/replies',
    {
      ...action,
      schema: {
        tags: ['staff'],
        summary: '公开答复（投资者可见；第一条答复停止 24 小时计时并通知投资者）',
        description: '只有负责人、本开发区主管或管理员可以答复（其他店小二 403，可改写内部备注）；尚未指派的新请求由答复的店小二受理。',
        params: RequestIdParams,
        body: MessageBody,
        response: actionResponses,
      },
    },
    async (request) => replyToRequest(app, request.staff!, request.params.id, request.body.body),
  )

  app.post(
    '/api/staff/requests/:id/notes',
    {
      ...action,
      schema: {
        tags: ['staff'],
        summary: '内部备注（投资者不可见，不算作答复；本开发区的工作人员都可以添加）',
        params: RequestIdParams,
        body: MessageBody,
        response: actionResponses,
      },
    },
    async (request) => addNote(app, request.staff!, request.params.id, request.body.body),
  )

  app.post(
    '/api/staff/requests/:id/status',
    {
      ...action,
      schema: {
        tags: ['staff'],
        summary: '变更状态（只允许 STATUS_TRANSITIONS 中的变更）',
        description:
          '只有负责人、本开发区主管或管理员可以变更状态或撤回（其他店小二 403）；店小二受理尚未指派的请求即成为负责人。' +
          '不允许的变更返回 409 invalid_transition。“待您补充”暂停办结计时，离开时把暂停时长加到办结时限；“已办结”通知投资者评价。' +
          '关闭（closed）须说明原因，用 POST /api/staff/requests/{id}/close（此处返回 400）。',
        params: RequestIdParams,
        body: StatusBody,
        response: actionResponses,
      },
    },
    async (request) => changeStatus(app, request.staff!, request.params.id, request.body.status),
  )

  app.post(
    '/api/staff/requests/:id/close',
    {
      ...action,
      schema: {
        tags: ['staff'],
        summary: '关闭工单（须填写原因；记入操作记录，投资者在办理进度中看到）',
        description: '只在 STATUS_TRANSITIONS 允许“已关闭”时可用（已办结、企业尚未评价），否则 409 invalid_transition。',
        params: RequestIdParams,
        body: CloseBody,
        response: actionResponses,
      },
    },
    async (request) => closeRequest(app, request.staff!, request.params.id, request.body.reason),
  )
}

export default staffRequestRoutes
