import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { CreateServiceRequestBody, MessageBody, MyRequestList, RatingBody, ServiceRequest } from '../../../../types/service'
import { responses } from '../../http/errors'
import { JSON_BODY_LIMIT, RequestIdParams } from '../../http/schemas'
import { getForInvestor, investorMessage, listMine, rateRequest, withdrawRequest } from './investor'
import { createRequest } from './submit'

const IdempotencyHeaders = z.looseObject({
  'idempotency-key': z
    .string({ error: '请提供 Idempotency-Key 请求头（每次提交生成一次，重试时沿用）' })
    .min(8, 'Idempotency-Key 长度应为 8–128 个字符')
    .max(128, 'Idempotency-Key 长度应为 8–128 个字符'),
})

const investorErrors = {
  400: responses.badRequest,
  401: responses.unauthorized,
  403: responses.forbidden,
  404: responses.notFound,
  500: responses.serverError,
}

const requestRoutes: FastifyPluginAsyncZod = async (app) => {
  const limits = app.config.rateLimits
  // Writes are limited per investor and per client address (see plugins/app/rate-limit.ts for where they are counted).
  const submitLimits = [
    app.rateLimitHook('submit', 'ip', limits.submitPerIp),
    app.rateLimitHook('submit', 'investor', limits.submitPerInvestor),
  ]

  app.post(
    '/api/requests',
    {
      bodyLimit: JSON_BODY_LIMIT,
      // The investor is looked up by the submission statement itself (401 invalid_token when gone).
      onRequest: app.requireInvestorToken,
      preHandler: submitLimits,
      schema: {
        tags: ['service'],
        summary: '提交服务请求（店小二 24 小时响应）',
        description:
          'Idempotency-Key 必填（8–128 个字符）：30 天内同一投资者用同一 Key 和同样内容重试，返回第一次创建的请求（200，响应头 Idempotent-Replayed: true）；' +
          '同一 Key 换了内容返回 422 idempotency_mismatch。parkId 必须属于 zoneId；photos 必须是本人上传的图片。',
        headers: IdempotencyHeaders,
        body: CreateServiceRequestBody,
        response: {
          201: ServiceRequest.describe('已创建'),
          200: ServiceRequest.describe('重试：返回第一次创建的请求（Idempotent-Replayed: true）'),
          ...investorErrors,
          413: responses.payloadTooLarge,
          415: responses.unsupportedType,
          422: responses.unprocessable,
          429: responses.rateLimited,
        },
      },
    },
    async (request, reply) => {
      const result = await createRequest(app, request.investorId!, request.body, request.headers['idempotency-key'])
      if (result.replayed) return reply.code(200).header('idempotent-replayed', 'true').send(result.request)
      return reply.code(201).send(result.request)
    },
  )

  app.get(
    '/api/requests/mine',
    {
      onRequest: app.requireInvestor,
      schema: {
        tags: ['service'],
        summary: '我的服务请求（最新在前）',
        response: { 200: MyRequestList, 401: responses.unauthorized, 403: responses.forbidden, 500: responses.serverError },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store')
      return { items: await listMine(app, request.investorId!) }
    },
  )

  app.get(
    '/api/requests/:id',
    {
      onRequest: app.requireInvestor,
      schema: {
        tags: ['service'],
        summary: '服务请求详情：进度、答复、办结与评价',
        description: '只能查看本人的请求；他人的请求与不存在的请求一样返回 404。',
        params: RequestIdParams,
        response: { 200: ServiceRequest, ...investorErrors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store')
      return getForInvestor(app, request.investorId!, request.params.id)
    },
  )

  const action = {
    bodyLimit: JSON_BODY_LIMIT,
    onRequest: app.requireInvestor,
    preHandler: submitLimits,
  }
  const actionResponses = {
    200: ServiceRequest,
    ...investorErrors,
    409: responses.conflict,
    413: responses.payloadTooLarge,
    415: responses.unsupportedType,
    429: responses.rateLimited,
  }

  app.post(
    '/api/requests/:id/messages',
    {
      ...action,
      schema: {
        tags: ['service'],
        summary: '补充留言',
        description: '状态为“待您补充”时，留言后恢复为“办理中”，办结时限继续计时。已办结、已评价或已撤回的请求返回 409 request_closed。',
        params: RequestIdParams,
        body: MessageBody,
        response: actionResponses,
      },
    },
    async (request) => investorMessage(app, request.investorId!, request.params.id, request.body.body),
  )

  app.post(
    '/api/requests/:id/rating',
    {
      ...action,
      schema: {
        tags: ['service'],
        summary: '评价（办结后）',
        description:
          '1–2 分（不满意）重新打开请求并升级给本区主管，响应中的 supervisionHotline 为监督热线（未公布时为 null）；3–5 分结束请求。' +
          '未办结时返回 409 cannot_rate。',
        params: RequestIdParams,
        body: RatingBody.strict(),
        response: actionResponses,
      },
    },
    async (request) => rateRequest(app, request.investorId!, request.params.id, request.body),
  )

  app.post(
    '/api/requests/:id/withdraw',
    {
      ...action,
      schema: {
        tags: ['service'],
        summary: '撤回（店小二公开答复前）',
        description: '仅“待受理”“已受理”且尚无公开答复时可撤回，否则 409 cannot_withdraw。',
        params: RequestIdParams,
        body: z.object({}).strict().optional(),
        response: actionResponses,
      },
    },
    async (request) => withdrawRequest(app, request.investorId!, request.params.id),
  )
}

export default requestRoutes
