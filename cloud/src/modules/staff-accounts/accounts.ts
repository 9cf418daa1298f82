import { asc, eq } from 'drizzle-orm'
import type { CreateStaffAccountBody, StaffAccount } from '../../../../types/console'
import { staff } from '../../db/schema'
import type { Deps } from '../../deps'
import { ApiError, badField, forbidden, notFound } from '../../http/errors'
import type { StaffIdentity } from '../auth/identity'
import { hashPassword } from '../auth/passwords'
import { requireAdmin } from '../console/access'
import { writeAudit } from '../console/audit'
import { StaffExistsError, UnknownZoneError, createStaffAccount } from '../staff/accounts'

type StaffRow = typeof staff.$inferSelect

const toAccount = (
  row: Pick<StaffRow, 'id' | 'username' | 'displayName' | 'role' | 'zoneId' | 'disabledAt' | 'createdAt'>,
): StaffAccount => ({
  id: row.id,
  username: row.username,
  displayName: row.displayName,
  role: row.role,
  zoneId: row.zoneId,
  disabled: row.disabledAt !== null,
  createdAt: row.createdAt.toISOString(),
})

const ACCOUNT_COLUMNS = {
  id: staff.id,
  username: staff.username,
  displayName: staff.displayName,
  role: staff.role,
  zoneId: staff.zoneId,
  disabledAt: staff.disabledAt,
  createdAt: staff.createdAt,
}

/** Accounts of a zone (or all), by zone, then name. */
export const listAccounts = async (deps: Pick<Deps, 'db'>, member: StaffIdentity, zoneId: string | undefined): Promise<StaffAccount[]> => {
  requireAdmin(member, '只有管理员可以管理工作人员账号')
  const rows = await deps.db
    .select(ACCOUNT_COLUMNS)
    .from(staff)
    .where(zoneId ? eq(staff.zoneId, zoneId) : undefined)
    .orderBy(asc(staff.zoneId), asc(staff.username))
  return rows.map(toAccount)
}

const findAccount = async (deps: Pick<Deps, 'db'>, id: string) => {
  const [row] = await deps.db.select(ACCOUNT_COLUMNS).from(staff).where(eq(staff.id, id))
  if (!row) throw notFound('没有找到这个账号')
  return row
}

/** A new agent, supervisor or admin (the same rules as `npm run staff:add`). */
export const createAccount = async (
  deps: Pick<Deps, 'db' | 'clock'>,
  member: StaffIdentity,
  body: CreateStaffAccountBody,
): Promise<StaffAccount> => {
  requireAdmin(member, '只有管理员可以管理工作人员账号')
  if (body.role !== 'admin' && !body.zoneId) throw badField('zoneId', '店小二和主管必须属于一个开发区')
  const now = deps.clock()
  try {
    const created = await createStaffAccount(deps.db, { ...body, zoneId: body.zoneId ?? undefined }, now)
    await writeAudit(deps.db, {
      action: 'account_created',
      zoneId: created.zoneId,
      staffId: member.id,
      at: now,
      recordId: created.id,
      detail: { username: created.username, role: created.role },
    })
    return toAccount(await findAccount(deps, created.id))
  } catch (error) {
    if (error instanceof StaffExistsError)
      throw new ApiError(409, 'username_taken', '用户名已被使用', { username: '用户名已被使用，请换一个' })
    if (error instanceof UnknownZoneError) throw badField('zoneId', '没有这个开发区')
    throw error
  }
}

/** Disables or enables an account; a disabled one cannot sign in and its sessions stop working. */
export const setDisabled = async (
  deps: Pick<Deps, 'db' | 'clock'>,
  member: StaffIdentity,
  id: string,
  disabled: boolean,
): Promise<StaffAccount> => {
  requireAdmin(member, '只有管理员可以管理工作人员账号')
  if (disabled && id === member.id) throw forbidden('不能停用自己的账号')
  const account = await findAccount(deps, id)
  const now = deps.clock()
  await deps.db.transaction(async (tx) => {
    await tx
      .update(staff)
      .set({ disabledAt: disabled ? (account.disabledAt ?? now) : null })
      .where(eq(staff.id, id))
    await writeAudit(tx, {
      action: disabled ? 'account_disabled' : 'account_enabled',
      zoneId: account.zoneId,
      staffId: member.id,
      at: now,
      recordId: id,
      detail: { username: account.username },
    })
  })
  return toAccount(await findAccount(deps, id))
}

/** Sets a new password (the admin tells the colleague); failed-login counters start over. */
export const resetPassword = async (
  deps: Pick<Deps, 'db' | 'clock'>,
  member: StaffIdentity,
  id: string,
  password: string,
): Promise<StaffAccount> => {
  requireAdmin(member, '只有管理员可以管理工作人员账号')
  const account = await findAccount(deps, id)
  const passwordHash = await hashPassword(password)
  await deps.db.transaction(async (tx) => {
    await tx.update(staff).set({ passwordHash, failedLogins: 0, lockedUntil: null }).where(eq(staff.id, id))
    await writeAudit(tx, {
      action: 'password_reset',
      zoneId: account.zoneId,
      staffId: member.id,
      at: deps.clock(),
      recordId: id,
      detail: { username: account.username },
    })
  })
  return toAccount(account)
}
