import { randomBytes } from 'node:crypto'
import { inArray } from 'drizzle-orm'
import type { StaffRole } from '../../../../types/auth'
import type { Zone, ZoneId } from '../../../../types/content'
import type { Db } from '../../db/client'
import { staff } from '../../db/schema'
import { createStaffAccount } from './accounts'

export type SeededAccount = { username: string; password: string; role: StaffRole; zoneId: ZoneId | null; displayName: string }

/**
 * Development only (NODE_ENV=development and SEED_DEMO_STAFF=1, what `npm start` sets): one
 * 店小二 and one supervisor per zone plus one admin, each created only if missing, with a random
 * password returned once so the server can print it.
 */
export const seedDemoStaff = async (db: Db, zones: Pick<Zone, 'id' | 'shortName'>[], now: Date): Promise<SeededAccount[]> => {
  const wanted: Omit<SeededAccount, 'password'>[] = [
    ...zones.flatMap((zone) => [
      { username: `${zone.id}-agent`, role: 'agent' as const, zoneId: zone.id, displayName: `${zone.shortName}店小二` },
      { username: `${zone.id}-supervisor`, role: 'supervisor' as const, zoneId: zone.id, displayName: `${zone.shortName}主管` },
    ]),
    { username: 'admin', role: 'admin', zoneId: null, displayName: '管理员' },
  ]
  const existing = new Set(
    (
      await db
        .select({ username: staff.username })
        .from(staff)
        .where(
          inArray(
            staff.username,
            wanted.map((account) => account.username),
          ),
        )
    ).map((row) => row.username),
  )
  const created: SeededAccount[] = []
  for (const account of wanted.filter((candidate) => !existing.has(candidate.username))) {
    const password = randomBytes(9).toString('base64url')
    await createStaffAccount(db, { ...account, zoneId: account.zoneId ?? undefined, password }, now)
    created.push({ ...account, password })
  }
  return created
}

export const formatSeeded = (accounts: SeededAccount[]): string =>
  [
    '演示工作人员账号（仅开发环境，密码只显示这一次）/ demo staff accounts (development only, passwords shown once):',
    ...accounts.map((account) => `  ${account.username.padEnd(22)} ${account.password}   ${account.displayName}`),
  ].join('\n')
