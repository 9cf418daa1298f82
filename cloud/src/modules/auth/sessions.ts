import { randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import type { InvestorSession, StaffSession } from '../../../../types/auth'
import type { ZoneId } from '../../../../types/content'
import { addMs } from '../../clock'
import { investors, staff } from '../../db/schema'
import type { Deps } from '../../deps'
import { ApiError } from '../../http/errors'
import { UpstreamError } from '../../integrations/http'
import { WechatCodeError, type WechatClient } from '../../integrations/wechat'
import { toStaffMember } from './identity'
import { verifyAgainstDummy, verifyPassword } from './passwords'

/** Investors stay signed in for a month; staff sign in for a working day. */
export const INVESTOR_TOKEN_TTL_MS = 30 * 24 * 3600_000
export const STAFF_TOKEN_TTL_MS = 12 * 3600_000

/** Five wrong passwords in a row lock the account for 15 minutes (counted in the database: all processes agree). */
export const MAX_FAILED_LOGINS = 5
export const LOCK_MS = 15 * 60_000

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
 * Staff sign-in with username and password. Unknown usernames and wrong passwords answer alike
 * (and take as long); the fifth consecutive wrong password locks the account for LOCK_MS.
 */
export const signInStaff = async (deps: SessionDeps, credentials: { username: string; password: string }, log: Log): Promise<StaffSession> => {
  const username = credentials.username.trim().toLowerCase()
  const now = deps.clock()
  const [member] = await deps.db.select().from(staff).where(eq(staff.username, username))
  const invalid = () => new ApiError(401, 'invalid_credentials', '用户名或密码不正确')
  if (!member) {
    await verifyAgainstDummy(credentials.password)
    throw invalid()
  }
  const locked = () => new ApiError(423, 'account_locked', '密码错误次数过多，账号已锁定 15 分钟，请稍后再试或联系管理员')
  if (member.lockedUntil && member.lockedUntil > now) throw locked()

  if (!(await verifyPassword(credentials.password, member.passwordHash))) {
    // Counted atomically in the database; the fifth consecutive failure locks and restarts the count.
    const lockUntil = addMs(now, LOCK_MS)
    const [after] = await deps.db
      .update(staff)
      .set({
        failedLogins: sql`case when ${staff.failedLogins} + 1 >= ${MAX_FAILED_LOGINS} then 0 else ${staff.failedLogins} + 1 end`,
        lockedUntil: sql`case when ${staff.failedLogins} + 1 >= ${MAX_FAILED_LOGINS} then ${lockUntil.toISOString()}::timestamptz else ${staff.lockedUntil} end`,
      })
      .where(eq(staff.id, member.id))
      .returning({ lockedUntil: staff.lockedUntil })
    log.info({ staffId: member.id }, 'staff login failed')
    if (after.lockedUntil && after.lockedUntil > now) throw locked()
    throw invalid()
  }
  if (member.disabledAt) throw new ApiError(403, 'account_disabled', '该账号已停用，请联系管理员')
  if (member.failedLogins > 0 || member.lockedUntil) {
    await deps.db.update(staff).set({ failedLogins: 0, lockedUntil: null }).where(eq(staff.id, member.id))
  }
  const { token, expiresAt } = deps.tokens.sign('staff', member.id, STAFF_TOKEN_TTL_MS)
  return { token, expiresAt: expiresAt.toISOString(), staff: toStaffMember({ ...member, zoneId: member.zoneId as ZoneId | null }) }
}
