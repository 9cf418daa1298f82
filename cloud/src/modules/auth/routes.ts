import { randomBytes, randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { GuestLoginBody, InvestorSession, StaffLoginBody, StaffSession, WechatLoginBody } from '../../../../types/auth'
import type { ZoneId } from '../../../../types/content'
import { toStaffMember } from './identity'
import { verifyAgainstDummy, verifyPassword } from './passwords'
import { investors, staff } from '../../db/schema'
import { ApiError, responses } from '../../http/errors'
import { UpstreamError } from '../../integrations/http'
import { WechatClient, WechatCodeError } from '../../integrations/wechat'
import { INVESTOR_TOKEN_TTL_MS, STAFF_TOKEN_TTL_MS } from '../../plugins/app/auth'
import { describeLimit, FORM_BODY_LIMIT } from '../../http/schemas'

/** Five wrong passwords in a row lock the account for 15 minutes (counted in the database: all processes agree). */
export const MAX_FAILED_LOGINS = 5
export const LOCK_MS = 15 * 60_000

const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const wechat = app.config.wechat.credentials
    ? new WechatClient(app.config.wechat.credentials, app.config.wechat.apiBase, app.clock)
    : null

  const investorSession = async (where: 'openid' | 'deviceId', value: string, kind: 'wechat' | 'guest') => {
    const now = app.clock()
    const column = where === 'openid' ? investors.openid : investors.deviceId
    // One upsert: the same openid / device id always maps to the same investor, even under concurrent sign-ins.
    const [investor] = await app.db
      .insert(investors)
      .values({
        id: randomUUID(),
        kind,
        openid: where === 'openid' ? value : null,
        deviceId: where === 'deviceId' ? value : null,
        createdAt: now,
        lastSeenAt: now,
      })
      .onConflictDoUpdate({ target: column, set: { lastSeenAt: now } })
      .returning({ id: investors.id, kind: investors.kind })
    const { token, expiresAt } = app.tokens.sign('investor', investor.id, INVESTOR_TOKEN_TTL_MS)
    return { token, expiresAt: expiresAt.toISOString(), investor }
  }

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
    async (request) => {
      if (!wechat) throw new ApiError(503, 'wechat_not_configured', '微信登录暂未开通，请使用网页版或稍后再试')
      let openid: string
      try {
        ;({ openid } = await wechat.code2session(request.body.code))
      } catch (error) {
        if (error instanceof WechatCodeError) throw new ApiError(401, 'wechat_code_invalid', '微信登录凭证已失效，请重试')
        if (error instanceof UpstreamError) {
          request.log.warn({ err: error }, 'code2session failed')
          throw new ApiError(503, 'wechat_unavailable', '微信服务暂时不可用，请稍后再试')
        }
        throw error
      }
      return investorSession('openid', openid, 'wechat')
    },
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
    async (request) => investorSession('deviceId', request.body.deviceId ?? `srv-${randomBytes(16).toString('hex')}`, 'guest'),
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
          `同一 IP ${describeLimit(app.config.rateLimits.staffLoginPerIp)}（429）。`,
        body: StaffLoginBody,
        response: {
          200: StaffSession,
          400: responses.badRequest,
          401: responses.unauthorized,
          413: responses.payloadTooLarge,
          415: responses.unsupportedType,
          423: responses.locked,
          429: responses.rateLimited,
          500: responses.serverError,
        },
      },
    },
    async (request) => {
      const username = request.body.username.trim().toLowerCase()
      const now = app.clock()
      const [member] = await app.db.select().from(staff).where(eq(staff.username, username))
      const invalid = () => new ApiError(401, 'invalid_credentials', '用户名或密码不正确')
      if (!member) {
        await verifyAgainstDummy(request.body.password)
        throw invalid()
      }
      const locked = () => new ApiError(423, 'account_locked', '密码错误次数过多，账号已锁定 15 分钟，请稍后再试或联系管理员')
      if (member.lockedUntil && member.lockedUntil > now) throw locked()

      if (!(await verifyPassword(request.body.password, member.passwordHash))) {
        // Counted atomically in the database; the fifth consecutive failure locks and restarts the count.
        const lockUntil = new Date(now.getTime() + LOCK_MS)
        const [after] = await app.db
          .update(staff)
          .set({
            failedLogins: sql`case when ${staff.failedLogins} + 1 >= ${MAX_FAILED_LOGINS} then 0 else ${staff.failedLogins} + 1 end`,
            lockedUntil: sql`case when ${staff.failedLogins} + 1 >= ${MAX_FAILED_LOGINS} then ${lockUntil.toISOString()}::timestamptz else ${staff.lockedUntil} end`,
          })
          .where(eq(staff.id, member.id))
          .returning({ lockedUntil: staff.lockedUntil })
        request.log.info({ staffId: member.id }, 'staff login failed')
        if (after.lockedUntil && after.lockedUntil > now) throw locked()
        throw invalid()
      }
      if (member.failedLogins > 0 || member.lockedUntil) {
        await app.db.update(staff).set({ failedLogins: 0, lockedUntil: null }).where(eq(staff.id, member.id))
      }
      const { token, expiresAt } = app.tokens.sign('staff', member.id, STAFF_TOKEN_TTL_MS)
      return {
        token,
        expiresAt: expiresAt.toISOString(),
        staff: toStaffMember({ ...member, zoneId: member.zoneId as ZoneId | null }),
      }
    },
  )
}

export default authRoutes
