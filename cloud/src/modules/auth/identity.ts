import { and, eq, isNull, sql } from 'drizzle-orm'
import type { StaffRole, StaffMember } from '../../../../types/auth'
import type { ZoneId } from '../../../../types/content'
import type { Db } from '../../db/client'
import { preparedStatement } from '../../db/prepared'
import { investors, staff as staffTable } from '../../db/schema'
import { forbidden } from '../../http/errors'

/** The signed-in staff member, read from the database on every request (role or zone changes apply at once). */
export type StaffIdentity = {
  id: string
  username: string
  displayName: string
  role: StaffRole
  zoneId: ZoneId | null
  shareCode: string
}

export const toStaffMember = (staff: StaffIdentity): StaffMember => ({
  id: staff.id,
  username: staff.username,
  displayName: staff.displayName,
  role: staff.role,
  zoneId: staff.zoneId,
  shareCode: staff.shareCode,
})

/** Admins see every zone; agents and supervisors only their own. */
export const canSeeZone = (staff: StaffIdentity, zoneId: string): boolean => staff.role === 'admin' || staff.zoneId === zoneId

export const requireRole = (staff: StaffIdentity, roles: readonly StaffRole[], message = '没有权限进行此操作'): void => {
  if (!roles.includes(staff.role)) throw forbidden(message)
}

/**
 * The zone a staff query is about: admins pick one (or none = every zone); agents and supervisors
 * are held to their own and asking for another is refused.
 */
export const scopeZone = (staff: StaffIdentity, requested: ZoneId | undefined): ZoneId | null => {
  if (staff.role === 'admin') return requested ?? null
  if (requested && requested !== staff.zoneId) throw forbidden('只能查看本开发区的数据')
  return staff.zoneId
}

/** Whether the investor behind a token still exists (a database reset in development removes them). */
export const investorExists = async (db: Db, id: string): Promise<boolean> => {
  const statement = preparedStatement(db, 'investor_exists', () =>
    db
      .select({ id: investors.id })
      .from(investors)
      .where(eq(investors.id, sql.placeholder('id')))
      .limit(1),
  )
  return (await statement.execute({ id })).length > 0
}

/** The staff member behind a token, as requests see them; null when the account is gone. */
export const findStaffIdentity = async (db: Db, id: string): Promise<StaffIdentity | null> => {
  const statement = preparedStatement(db, 'staff_identity', () =>
    db
      .select({
        id: staffTable.id,
        username: staffTable.username,
        displayName: staffTable.displayName,
        role: staffTable.role,
        zoneId: staffTable.zoneId,
        shareCode: staffTable.shareCode,
      })
      .from(staffTable)
      // A disabled account's live sessions stop working at once.
      .where(and(eq(staffTable.id, sql.placeholder('id')), isNull(staffTable.disabledAt)))
      .limit(1),
  )
  const [member] = await statement.execute({ id })
  return member ? { ...member, zoneId: member.zoneId as ZoneId | null } : null
}
