import { randomUUID } from 'node:crypto'
import { asc, eq, inArray } from 'drizzle-orm'
import type { z } from 'zod'
import type { CannedReply, CannedReplyBody, CannedReplyUpdate } from '../../../../types/service'
import type { Db } from '../../db/client'
import { cannedReplies } from '../../db/schema'
import type { Deps } from '../../deps'
import { badField, forbidden, notFound } from '../../http/errors'
import type { StaffIdentity } from '../auth/identity'
import { writeAudit } from '../console/audit'

/**
 * Replies every zone starts with: plain service phrases, no facts of any zone (no phone, address,
 * deadline or amount). Supervisors adapt them and add their own.
 */
export const DEFAULT_CANNED_REPLIES: readonly { title: string; body: string }[] = [
  { title: '已收到需求', body: '您好，您的需求已收到，我们正在安排专人对接，会尽快与您联系。' },
  { title: '请补充材料', body: '您好，为了更好地为您办理，还需要您补充相关材料，工作人员会与您电话确认具体清单。' },
  { title: '预约实地查看', body: '您好，我们可以安排工作人员陪同您实地查看园区和载体，请告诉我们您方便的时间。' },
  { title: '已转交职能部门', body: '您好，您反映的问题涉及相关职能部门，我们已转交并跟踪办理进度，有结果会第一时间告知您。' },
  { title: '政策以发布部门为准', body: '您好，政策的具体条件和申报方式以发布部门公布的为准，我们核实后会把结果反馈给您。' },
  { title: '办结回访', body: '您好，您的需求已办理完毕。如还有其他问题，欢迎随时通过店小二联系我们，也请对本次服务进行评价。' },
]

/** 常用答复 of a zone, or of every zone (null), oldest first. */
export const listCannedReplies = async (deps: Pick<Deps, 'db'>, zone: string | null): Promise<CannedReply[]> =>
  deps.db
    .select({ id: cannedReplies.id, zoneId: cannedReplies.zoneId, title: cannedReplies.title, body: cannedReplies.body })
    .from(cannedReplies)
    .where(zone ? eq(cannedReplies.zoneId, zone) : undefined)
    .orderBy(asc(cannedReplies.zoneId), asc(cannedReplies.createdAt), asc(cannedReplies.id))

/** Supervisors manage their zone's replies, admins every zone's; agents use them. */
const requireManager = (member: StaffIdentity, zoneId: string) => {
  if (member.role === 'agent') throw forbidden('常用答复由本开发区主管或管理员维护')
  if (member.role !== 'admin' && member.zoneId !== zoneId) throw forbidden('只能维护本开发区的常用答复')
}

/** A supervisor adds to their zone; an admin names the zone unless they have one. */
export const addCannedReply = async (
  deps: Pick<Deps, 'db' | 'clock'>,
  member: StaffIdentity,
  body: z.infer<typeof CannedReplyBody>,
): Promise<CannedReply> => {
  if (member.role === 'agent') throw forbidden('常用答复由本开发区主管或管理员维护')
  const zoneId = body.zoneId ?? member.zoneId
  if (!zoneId) throw badField('zoneId', '请选择开发区')
  requireManager(member, zoneId)
  const row = { id: randomUUID(), zoneId, title: body.title, body: body.body, createdBy: member.id, createdAt: deps.clock() }
  await deps.db.transaction(async (tx) => {
    await tx.insert(cannedReplies).values(row)
    await writeAudit(tx, {
      action: 'canned_reply_created',
      zoneId,
      staffId: member.id,
      at: row.createdAt,
      recordId: row.id,
      detail: { title: row.title },
    })
  })
  return { id: row.id, zoneId, title: row.title, body: row.body }
}

const findReply = async (db: Db, id: string) => (await db.select().from(cannedReplies).where(eq(cannedReplies.id, id)))[0]

export const updateCannedReply = async (
  deps: Pick<Deps, 'db' | 'clock'>,
  member: StaffIdentity,
  id: string,
  body: z.infer<typeof CannedReplyUpdate>,
): Promise<CannedReply> => {
  const reply = await findReply(deps.db, id)
  if (!reply) throw notFound('没有找到这条常用答复')
  requireManager(member, reply.zoneId)
  await deps.db.transaction(async (tx) => {
    await tx.update(cannedReplies).set({ title: body.title, body: body.body }).where(eq(cannedReplies.id, id))
    await writeAudit(tx, {
      action: 'canned_reply_updated',
      zoneId: reply.zoneId,
      staffId: member.id,
      at: deps.clock(),
      recordId: id,
      detail: { title: body.title },
    })
  })
  return { id, zoneId: reply.zoneId, title: body.title, body: body.body }
}

export const deleteCannedReply = async (deps: Pick<Deps, 'db' | 'clock'>, member: StaffIdentity, id: string): Promise<void> => {
  const reply = await findReply(deps.db, id)
  if (!reply) throw notFound('没有找到这条常用答复')
  requireManager(member, reply.zoneId)
  await deps.db.transaction(async (tx) => {
    await tx.delete(cannedReplies).where(eq(cannedReplies.id, id))
    await writeAudit(tx, {
      action: 'canned_reply_deleted',
      zoneId: reply.zoneId,
      staffId: member.id,
      at: deps.clock(),
      recordId: id,
      detail: { title: reply.title },
    })
  })
}

/** Gives each of these zones that has no canned reply yet the defaults. Returns the zones seeded. */
export const seedCannedReplies = async (db: Db, zoneIds: readonly string[], now: Date): Promise<string[]> => {
  if (zoneIds.length === 0) return []
  const having = new Set(
    (
      await db
        .selectDistinct({ zoneId: cannedReplies.zoneId })
        .from(cannedReplies)
        .where(inArray(cannedReplies.zoneId, [...zoneIds]))
    ).map((row) => row.zoneId),
  )
  const missing = zoneIds.filter((zoneId) => !having.has(zoneId))
  const rows = missing.flatMap((zoneId) =>
    DEFAULT_CANNED_REPLIES.map((reply, index) => ({
      id: randomUUID(),
      zoneId,
      ...reply,
      createdBy: null,
      // One millisecond apart: listed in this order.
      createdAt: new Date(now.getTime() + index),
    })),
  )
  for (let start = 0; start < rows.length; start += 500) await db.insert(cannedReplies).values(rows.slice(start, start + 500))
  return missing
}
