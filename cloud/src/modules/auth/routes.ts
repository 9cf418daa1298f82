import { randomBytes } from 'node:crypto'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { GuestLoginBody, InvestorSession, StaffLoginBody, StaffSession, WechatLoginBody } from '../../../../types/auth'
import { responses } from '../../http/errors'
import { describeLimit, FORM_BODY_LIMIT } from '../../http/schemas'
import { signInGuest, signInStaff, signInWithWechat } from './sessions'

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
          '用户名不存在和密码错误返回同样的 401 invalid_credentials；连续 5 次密码错误锁定账号 15 分钟（423 account_locked）；' +
          '管理员停用的账号密码正确也不能登录（403 account_disabled）；' +
          `同一 IP ${describeLimit(app.config.rateLimits.staffLoginPerIp)}（429）。`,
        body: StaffLoginBody,
        response: {
          200: StaffSession,
          400: responses.badRequest,
          401: responses.unauthorized,
          403: responses.forbidden,
          413: responses.payloadTooLarge,
          415: responses.unsupportedType,
          423: responses.locked,
          429: responses.rateLimited,
          500: responses.serverError,
        },
      },
    },
    async (request) => signInStaff(app, request.body, request.log),
  )
}

export default authRoutes
