import { randomUUID } from 'node:crypto'
import { asc, eq } from 'drizzle-orm'
import type { ZoneId } from '../../../../types/content'
import type { z } from 'zod'
import type { CannedReply, CannedReplyBody } from '../../../../types/service'
import { cannedReplies } from '../../db/schema'
import type { Deps } from '../../deps'
import { badField } from '../../http/errors'
import { requireRole, type StaffIdentity } from '../auth/identity'

/** 常用答复 of a zone, or of every zone (null), oldest first. */
export const listCannedReplies = async (deps: Pick<Deps, 'db'>, zone: ZoneId | null): Promise<CannedReply[]> => {
  const rows = await deps.db
    .select({ id: cannedReplies.id, zoneId: cannedReplies.zoneId, title: cannedReplies.title, body: cannedReplies.body })
    .from(cannedReplies)
    .where(zone ? eq(cannedReplies.zoneId, zone) : undefined)
    .orderBy(asc(cannedReplies.zoneId), asc(cannedReplies.createdAt), asc(cannedReplies.id))
  return rows.map((row) => ({ ...row, zoneId: row.zoneId as ZoneId }))
}

/** Admins only; an admin without a zone names the zone. */
export const addCannedReply = async (deps: Pick<Deps, 'db' | 'clock'>, member: StaffIdentity, body: z.infer<typeof CannedReplyBody>): Promise<CannedReply> => {
  requireRole(member, ['admin'], '只有管理员可以维护常用答复')
  const zoneId = body.zoneId ?? member.zoneId
  if (!zoneId) throw badField('zoneId', '请选择开发区')
  const row = { id: randomUUID(), zoneId, title: body.title, body: body.body, createdBy: member.id, createdAt: deps.clock() }
  await deps.db.insert(cannedReplies).values(row)
  return { id: row.id, zoneId, title: row.title, body: row.body }
}
