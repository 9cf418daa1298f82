import { randomBytes } from 'node:crypto'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { GuestLoginBody, InvestorSession, StaffLoginBody, StaffSession, WechatLoginBody } from '../../../../types/auth'
import { notFound, responses } from '../../http/errors'
import { describeLimit, FORM_BODY_LIMIT, RequestIdParams } from '../../http/schemas'
import { requireRole } from './identity'
import { signInGuest, signInStaff, signInWithWechat } from './sessions'
import { liftThrottle } from './throttle'

const authRoutes: FastifyPluginAsyncZod = async (app) => {
  // Each sign-in may create an investor row: bounded per client address.
  const investorLoginLimit = app.rateLimitHook('investor-login', 'ip', app.config.rateLimits.investorLoginPerIp)

  app.post(
    '/api/auth/wechat',
    {
      bodyLimit: FORM_BODY_LIMIT,
      onRequest: investorLoginLimit,
      schema: {
        tags: ['auth'],
        summary: '小程序登录：wx.login 的 code 换取投资者会话（code2session）',
        description:
          '未配置 WECHAT_APPID / WECHAT_SECRET 时返回 503 wechat_not_configured；code 无效或已使用返回 401 wechat_code_invalid。',
        body: WechatLoginBody,
        response: {
          200: InvestorSession,
          400: responses.badRequest,
          401: responses.unauthorized,
          413: responses.payloadTooLarge,
          415: responses.unsupportedType,
          429: responses.rateLimited,
          500: responses.serverError,
          503: responses.unavailable,
        },
      },
    },
    async (request) => signInWithWechat(app, app.wechat, request.body.code, request.log),
  )

  app.post(
    '/api/auth/guest',
    {
      bodyLimit: FORM_BODY_LIMIT,
      onRequest: investorLoginLimit,
      schema: {
        tags: ['auth'],
        summary: '访客登录（H5、本地开发）：同一 deviceId 总是同一投资者',
        description: 'deviceId 由设备随机生成并保存，相当于访客身份的凭据；不传则新建一个访客。',
        body: GuestLoginBody,
        response: {
          200: InvestorSession,
          400: responses.badRequest,
          413: responses.payloadTooLarge,
          415: responses.unsupportedType,
          429: responses.rateLimited,
          500: responses.serverError,
        },
      },
    },
    async (request) => signInGuest(app, request.body.deviceId ?? `srv-${randomBytes(16).toString('hex')}`),
  )

  app.post(
    '/api/auth/staff',
    {
      bodyLimit: FORM_BODY_LIMIT,
      onRequest: app.rateLimitHook('staff-login', 'ip', app.config.rateLimits.staffLoginPerIp),
      schema: {
        tags: ['auth'],
        summary: '工作人员登录',
        description:
          '用户名不存在和密码错误返回同样的 401 invalid_credentials（耗时也相同）。不会锁定账号：同一用户名或同一网络地址 15 分钟内' +
          '失败超过 4 次后，每次失败后需等待的时间加倍（1 秒起，用户名最多 1 分钟，地址最多 15 分钟），等待期间返回 429 login_throttled 和 Retry-After；' +
          '同一账号失败 10 次通知本开发区主管，管理员可解除等待（POST /api/staff/accounts/{id}/unlock）。已停用的账号密码正确时返回 403 account_disabled。' +
          `同一 IP ${describeLimit(app.config.rateLimits.staffLoginPerIp)}（429 rate_limited）。`,
        body: StaffLoginBody,
        response: {
          200: StaffSession,
          400: responses.badRequest,
          401: responses.unauthorized,
          403: responses.forbidden,
          413: responses.payloadTooLarge,
          415: responses.unsupportedType,
          429: responses.rateLimited,
          500: responses.serverError,
        },
      },
    },
    async (request) => signInStaff(app, request.body, request.ip, request.log),
  )

  app.post(
    '/api/staff/accounts/:id/unlock',
    {
      bodyLimit: FORM_BODY_LIMIT,
      onRequest: app.requireStaff,
      schema: {
        tags: ['staff'],
        summary: '解除登录等待（仅管理员）：清除该账号及其最近失败来源地址的登录失败计数',
        params: RequestIdParams,
        response: {
          204: responses.noContent,
          400: responses.badRequest,
          401: responses.unauthorized,
          403: responses.forbidden,
          404: responses.notFound,
          413: responses.payloadTooLarge,
          415: responses.unsupportedType,
          500: responses.serverError,
        },
      },
    },
    async (request, reply) => {
      requireRole(request.staff!, ['admin'], '只有管理员可以解除登录等待')
      if (!(await liftThrottle(app.db, request.params.id))) throw notFound('没有找到这个工作人员账号')
      request.log.info({ staffId: request.params.id, by: request.staff!.id }, 'login throttle lifted')
      reply.header('cache-control', 'no-store')
      return reply.code(204).send()
    },
  )
}

export default authRoutes
