import { and, asc, eq, inArray } from 'drizzle-orm'
import type { ZoneId } from '../../../../types/content'
import type { StaffMemberList } from '../../../../types/service'
import { staff } from '../../db/schema'
import type { Deps } from '../../deps'

/** Colleagues a request can be assigned to: the agents and supervisors of a zone, or of every zone (null). */
export const assignableColleagues = async (deps: Pick<Deps, 'db'>, zone: ZoneId | null): Promise<StaffMemberList['items']> =>
  deps.db
    .select({ id: staff.id, displayName: staff.displayName, role: staff.role })
    .from(staff)
    .where(and(zone ? eq(staff.zoneId, zone) : undefined, inArray(staff.role, ['agent', 'supervisor'])))
    .orderBy(asc(staff.zoneId), asc(staff.role), asc(staff.displayName))
