import { randomBytes, randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { STAFF_ROLES } from '../../../../types/auth'
import { ZoneId } from '../../../../types/content'
import type { StaffIdentity } from '../auth/identity'
import { hashPassword } from '../auth/passwords'
import type { Db } from '../../db/client'
import { staff, zones } from '../../db/schema'
import { sqlState } from '../../db/client'

/** A new staff account as the CLI and the demo seeding give it. Messages are Chinese / English. */
export const StaffAccountInput = z
  .object({
    username: z
      .string({ error: '缺少 --username / --username is required' })
      .trim()
      .toLowerCase()
      .regex(
        /^[a-z0-9][a-z0-9._-]{2,31}$/,
        '用户名为 3–32 位小写字母、数字、点、下划线或连字符 / 3–32 lower-case letters, digits, . _ or -',
      ),
    password: z
      .string({ error: '缺少 --password / --password is required' })
      .min(10, '密码至少 10 个字符 / the password needs at least 10 characters')
      .max(128, '密码最多 128 个字符 / the password may have at most 128 characters'),
    role: z.enum(STAFF_ROLES, {
      error: (issue) =>
        issue.input === undefined
          ? '缺少 --role（agent、supervisor 或 admin）/ --role is required (agent, supervisor or admin)'
          : '--role 应为 agent、supervisor 或 admin / --role must be agent, supervisor or admin',
    }),
    /** A zone id; whether the zone exists is checked against the content by the caller. */
    zoneId: ZoneId.optional(),
    displayName: z.string().trim().min(1).max(30, '显示名最多 30 个字 / the display name may have at most 30 characters').optional(),
  })
  .superRefine((input, context) => {
    if (input.role !== 'admin' && !input.zoneId) {
      context.addIssue({
        code: 'custom',
        path: ['zoneId'],
        message: '店小二和主管必须指定开发区 --zone / agents and supervisors need --zone',
      })
    }
  })
export type StaffAccountInput = z.input<typeof StaffAccountInput>

export class UnknownZoneError extends Error {
  override name = 'UnknownZoneError'
  constructor(readonly zoneId: string) {
    super(`--zone: 没有开发区 ${zoneId} / there is no zone ${zoneId}`)
  }
}

export class StaffExistsError extends Error {
  override name = 'StaffExistsError'
  constructor(readonly username: string) {
    super(`用户名 ${username} 已存在 / the username ${username} is already taken`)
  }
}

/** Code staff put in shared links (`ref`): random, unguessable, short enough for a URL. */
export const newShareCode = () => randomBytes(6).toString('base64url')

/**
 * Hashes the password (scrypt) and stores the account; a taken username throws StaffExistsError,
 * a zone the database does not have UnknownZoneError.
 */
export const createStaffAccount = async (db: Db, raw: StaffAccountInput, now: Date): Promise<StaffIdentity> => {
  const input = StaffAccountInput.parse(raw)
  if (input.zoneId) {
    const [zone] = await db.select({ id: zones.id }).from(zones).where(eq(zones.id, input.zoneId)).limit(1)
    if (!zone) throw new UnknownZoneError(input.zoneId)
  }
  const account: StaffIdentity = {
    id: randomUUID(),
    username: input.username,
    displayName: input.displayName ?? input.username,
    role: input.role,
    zoneId: input.zoneId ?? null,
    shareCode: newShareCode(),
  }
  try {
    await db.insert(staff).values({ ...account, passwordHash: await hashPassword(input.password), createdAt: now })
  } catch (error) {
    if (
      sqlState(error) === '23505' &&
      String((error as { cause?: { constraint?: string } }).cause?.constraint ?? '').includes('username')
    ) {
      throw new StaffExistsError(account.username)
    }
    throw error
  }
  return account
}
