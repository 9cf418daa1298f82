import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { InvestorSession, StaffSession } from '../../../../types/auth'
import type { ZoneId } from '../../../../types/content'
import { investors, staff } from '../../db/schema'
import type { Deps } from '../../deps'
import { ApiError } from '../../http/errors'
import { UpstreamError } from '../../integrations/http'
import { WechatCodeError, type WechatClient } from '../../integrations/wechat'
import { toStaffMember } from './identity'
import { notifyLoginBurst } from '../notifications/notices'
import { verifyAgainstDummy, verifyPassword } from './passwords'
import { clearUsername, recordFailure, throttleWait } from './throttle'

/** Investors stay signed in for a month; staff sign in for a working day. */
export const INVESTOR_TOKEN_TTL_MS = 30 * 24 * 3600_000
export const STAFF_TOKEN_TTL_MS = 12 * 3600_000

type SessionDeps = Pick<Deps, 'db' | 'clock' | 'tokens'>
type Log = { info(object: object, message: string): void; warn(object: object, message: string): void }

/**
 * The investor for a WeChat openid or a guest device id, created on first sight, with a new session.
 * One upsert: the same openid / device id always maps to the same investor, even under concurrent sign-ins.
 */
const investorSession = async (
  deps: SessionDeps,
  identity: { kind: 'wechat'; openid: string } | { kind: 'guest'; deviceId: string },
): Promise<InvestorSession> => {
  const now = deps.clock()
  const [investor] = await deps.db
    .insert(investors)
    .values({
      id: randomUUID(),
      kind: identity.kind,
      openid: identity.kind === 'wechat' ? identity.openid : null,
      deviceId: identity.kind === 'guest' ? identity.deviceId : null,
      createdAt: now,
      lastSeenAt: now,
    })
    .onConflictDoUpdate({ target: identity.kind === 'wechat' ? investors.openid : investors.deviceId, set: { lastSeenAt: now } })
    .returning({ id: investors.id, kind: investors.kind })
  const { token, expiresAt } = deps.tokens.sign('investor', investor.id, INVESTOR_TOKEN_TTL_MS)
  return { token, expiresAt: expiresAt.toISOString(), investor }
}

export const signInGuest = (deps: SessionDeps, deviceId: string) => investorSession(deps, { kind: 'guest', deviceId })

/** A wx.login code exchanged for the investor's openid (code2session), then their session. */
export const signInWithWechat = async (deps: SessionDeps, wechat: WechatClient | null, code: string, log: Log) => {
  if (!wechat) throw new ApiError(503, 'wechat_not_configured', '微信登录暂未开通，请使用网页版或稍后再试')
  let openid: string
  try {
    ;({ openid } = await wechat.code2session(code))
  } catch (error) {
    if (error instanceof WechatCodeError) throw new ApiError(401, 'wechat_code_invalid', '微信登录凭证已失效，请重试')
    if (error instanceof UpstreamError) {
      log.warn({ err: error }, 'code2session failed')
      throw new ApiError(503, 'wechat_unavailable', '微信服务暂时不可用，请稍后再试')
    }
    throw error
  }
  return investorSession(deps, { kind: 'wechat', openid })
}

/**
 * Staff sign-in with username and password. Unknown usernames and wrong passwords answer alike and
 * take as long; failures slow the username and the client address down (throttle.ts), never lock.
 * A burst of failures on a real account tells its zone's supervisors.
 */
export const signInStaff = async (
  deps: SessionDeps & Pick<Deps, 'config' | 'content'>,
  credentials: { username: string; password: string },
  address: string,
  log: Log,
): Promise<StaffSession> => {
  const attempt = { username: credentials.username.trim().toLowerCase(), address }
  const now = deps.clock()
  const wait = await throttleWait(deps.db, attempt, now)
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000)
    throw new ApiError(429, 'login_throttled', `登录尝试过于频繁，请 ${seconds} 秒后再试`, undefined, { 'retry-after': String(seconds) })
  }
  const [member] = await deps.db.select().from(staff).where(eq(staff.username, attempt.username))
  const valid = member ? await verifyPassword(credentials.password, member.passwordHash) : await verifyAgainstDummy(credentials.password)
  if (!member || !valid) {
    const outcome = await recordFailure(deps.db, attempt, now)
    if (member) log.info({ staffId: member.id, failures: outcome.failures }, 'staff login failed')
    if (member && outcome.tellSupervisors) {
      if (member.zoneId) await notifyLoginBurst(deps.db, deps, member, outcome, now)
      else log.warn({ staffId: member.id, failures: outcome.failures }, 'burst of failed logins on an account without a zone')
    }
    throw new ApiError(401, 'invalid_credentials', '用户名或密码不正确')
  }
  if (member.disabledAt) throw new ApiError(403, 'account_disabled', '该账号已停用，请联系管理员')
  await clearUsername(deps.db, attempt.username)
  const { token, expiresAt } = deps.tokens.sign('staff', member.id, STAFF_TOKEN_TTL_MS)
  return { token, expiresAt: expiresAt.toISOString(), staff: toStaffMember({ ...member, zoneId: member.zoneId as ZoneId | null }) }
}
