import { z } from 'zod'
import { singleLine } from './common'
import { ZoneId } from './content'

export const STAFF_ROLES = ['agent', 'supervisor', 'admin'] as const
export const StaffRole = z.enum(STAFF_ROLES)
export type StaffRole = z.infer<typeof StaffRole>
export const STAFF_ROLE_LABELS: Record<StaffRole, string> = { agent: '店小二', supervisor: '主管', admin: '管理员' }

/** An investor identity: a WeChat user (openid kept server-side) or a guest device (H5, local dev). */
export const Investor = z.object({
  id: z.string(),
  kind: z.enum(['wechat', 'guest']),
})
export type Investor = z.infer<typeof Investor>

export const WechatLoginBody = z.object({ code: z.string().min(1).max(128) })
export const GuestLoginBody = z.object({
  /** A previous guest token's device id, so reinstalling storage keeps nothing but a retry stays stable. */
  deviceId: singleLine(z.string().min(8).max(64), '设备编号').optional(),
})

export const InvestorSession = z.object({
  token: z.string(),
  expiresAt: z.string(),
  investor: Investor,
})
export type InvestorSession = z.infer<typeof InvestorSession>

export const StaffMember = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: StaffRole,
  /** Agents and supervisors belong to one zone; an admin may have none (sees every zone). */
  zoneId: ZoneId.nullable(),
  /** Code put in `ref` when this staff member shares a page. */
  shareCode: z.string(),
})
export type StaffMember = z.infer<typeof StaffMember>

export const StaffLoginBody = z.object({
  username: singleLine(z.string().trim().min(1, '请输入用户名').max(64), '用户名'),
  password: z.string().min(1, '请输入密码').max(128),
})
export type StaffLoginBody = z.infer<typeof StaffLoginBody>

export const StaffSession = z.object({
  token: z.string(),
  expiresAt: z.string(),
  staff: StaffMember,
})
export type StaffSession = z.infer<typeof StaffSession>
