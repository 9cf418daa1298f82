import { and, asc, count, desc, eq, gt, isNull, lte, sql, type SQL } from 'drizzle-orm'
import type { Page } from '../../../../types/common'
import type { StaffRequestQuery, StaffRequestSummary } from '../../../../types/service'
import { addMs } from '../../clock'
import { serviceRequests as r, staff } from '../../db/schema'
import type { Deps } from '../../deps'
import { ApiError } from '../../http/errors'
import { scopeZone, type StaffIdentity } from '../auth/identity'
import { isOpen, overdueCondition } from '../requests/conditions'
import { toStaffSummary } from '../requests/views'

const queueCondition = (queue: StaffRequestQuery['queue'], member: StaffIdentity, now: Date, reminderBeforeMs: number): SQL | undefined => {
  switch (queue) {
    case 'new':
      return and(eq(r.status, 'new'), isNull(r.assigneeId))
    case 'mine':
      return and(eq(r.assigneeId, member.id), isOpen)
    case 'due_soon':
      return and(isOpen, isNull(r.firstRespondedAt), gt(r.firstResponseDueAt, now), lte(r.firstResponseDueAt, addMs(now, reminderBeforeMs)))
    case 'overdue':
      return overdueCondition(now)
    case 'all':
      return undefined
  }
}

type Cursor = { q: string; t: string; i: string }

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url')

const decodeCursor = (value: string, queue: string): Cursor => {
  try {
    const cursor = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<Cursor>
    const at = typeof cursor.t === 'string' ? Date.parse(cursor.t) : NaN
    // Only what this API itself writes: an ISO time in a sane range and a uuid.
    if (
      cursor.q === queue &&
      at >= Date.UTC(2000, 0, 1) &&
      at < Date.UTC(2200, 0, 1) &&
      typeof cursor.i === 'string' &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(cursor.i)
    ) {
      return { q: cursor.q, t: new Date(at).toISOString(), i: cursor.i }
    }
  } catch {
    // answered below
  }
  throw new ApiError(400, 'invalid_cursor', '分页游标无效', { cursor: '游标无效或与当前队列不匹配，请从第一页重新加载' })
}

/**
 * A staff queue, newest first for `all`, most urgent (oldest) first for the working queues.
 * Keyset paging on (created_at, id), so new requests arriving meanwhile do not shift pages.
 */
export const listStaffRequests = async (
  deps: Deps,
  member: StaffIdentity,
  query: StaffRequestQuery,
): Promise<Page<StaffRequestSummary>> => {
  const zone = scopeZone(member, query.zoneId)
  const now = deps.clock()
  const filters = and(
    zone ? eq(r.zoneId, zone) : undefined,
    query.parkId ? eq(r.parkId, query.parkId) : undefined,
    query.type ? eq(r.type, query.type) : undefined,
    queueCondition(query.queue, member, now, deps.config.sla.reminderBeforeMs),
  )
  const ascending = query.queue !== 'all'
  const cursor = query.cursor ? decodeCursor(query.cursor, query.queue) : undefined
  const after = cursor
    ? ascending
      ? sql`(${r.createdAt}, ${r.id}) > (${cursor.t}::timestamptz, ${cursor.i}::uuid)`
      : sql`(${r.createdAt}, ${r.id}) < (${cursor.t}::timestamptz, ${cursor.i}::uuid)`
    : undefined

  const rows = await deps.db
    .select()
    .from(r)
    .leftJoin(staff, eq(staff.id, r.assigneeId))
    .where(and(filters, after))
    .orderBy(...(ascending ? [asc(r.createdAt), asc(r.id)] : [desc(r.createdAt), desc(r.id)]))
    .limit(query.limit + 1)
  const [{ total }] = await deps.db.select({ total: count() }).from(r).where(filters)

  const page = rows.slice(0, query.limit)
  const last = page.at(-1)
  return {
    items: page.map(({ service_requests: row, staff: assignee }) =>
      toStaffSummary(row, assignee ? { id: assignee.id, displayName: assignee.displayName, role: assignee.role } : null),
    ),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ q: query.queue, t: last.service_requests.createdAt.toISOString(), i: last.service_requests.id })
        : null,
    total: Number(total),
  }
}

