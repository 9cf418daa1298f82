import { and, asc, desc, eq, gt, lte, sql, type SQL } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import { STAFF_QUEUE_COUNT_CAP, type StaffRequestPage, type StaffRequestQuery } from '../../../../types/service'
import { addMs } from '../../clock'
import type { Db } from '../../db/client'
import { preparedStatement } from '../../db/prepared'
import { isOpenRequest, serviceRequests as r, staff } from '../../db/schema'
import type { Deps } from '../../deps'
import { ApiError } from '../../http/errors'
import { scopeZone, type StaffIdentity } from '../auth/identity'
import { overdueCondition } from '../requests/conditions'
import { staffSummaryColumns, toStaffSummary } from '../requests/views'

type Queue = StaffRequestQuery['queue']

/**
 * Each queue's rows and order. Every queue pages by keyset over (key, id) and has an index holding
 * exactly its rows in that order, per zone and for all zones (db/service-schema.ts; their use is
 * checked by plans.test.ts on 200,000 requests):
 *   new       unassigned new requests, oldest first            service_requests_(zone_)new_idx
 *   mine      my open requests, oldest first                   service_requests_mine_idx
 *   due_soon  unanswered, due within the reminder lead, soonest service_requests_due_idx
 *   overdue   past a deadline, longest overdue first           service_requests_(zone_)overdue_idx
 *   all       everything, newest first                         service_requests_(zone_|park_)created_idx
 */
const QUEUES: Record<Queue, { key: SQL | PgColumn; ascending: boolean }> = {
  new: { key: r.createdAt, ascending: true },
  mine: { key: r.createdAt, ascending: true },
  due_soon: { key: r.firstResponseDueAt, ascending: true },
  overdue: { key: r.overdueAt, ascending: true },
  all: { key: r.createdAt, ascending: false },
}

/**
 * The placeholders of a queue statement, filled from Values when it runs. The statement itself is fixed
 * by the queue and which filters are set (its shape), so each shape is built once and prepared once
 * per database connection.
 */
const param = {
  zone: sql.placeholder('zone'),
  park: sql.placeholder('park'),
  type: sql.placeholder('type'),
  member: sql.placeholder('member'),
  now: sql`${sql.placeholder('now')}::timestamptz`,
  dueBy: sql`${sql.placeholder('dueBy')}::timestamptz`,
  afterKey: sql`${sql.placeholder('afterKey')}::timestamptz`,
  afterId: sql`${sql.placeholder('afterId')}::uuid`,
  limit: sql.placeholder('limit'),
}

type Values = {
  zone?: string
  park?: string
  type?: string
  member: string
  now: string
  dueBy: string
  afterKey?: string
  afterId?: string
  limit: number
}

const queueCondition = (queue: Queue): SQL | undefined => {
  switch (queue) {
    case 'new':
      return sql`${r.status} = 'new' and ${r.assigneeId} is null`
    case 'mine':
      return and(eq(r.assigneeId, param.member), isOpenRequest(r))
    case 'due_soon':
      // Unanswered and not yet breached (what the index holds), due within the reminder lead.
      return and(
        sql`${r.firstRespondedAt} is null and ${r.breachedAt} is null and ${isOpenRequest(r)}`,
        gt(r.firstResponseDueAt, param.now),
        lte(r.firstResponseDueAt, param.dueBy),
      )
    case 'overdue':
      return overdueCondition(param.now)
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

export type InboxQueries = {
  /** The shape's name: one prepared statement per shape (db/prepared.ts). */
  name: string
  values: Values
  /** Builds the shape's statements; a page whose shape is prepared already does not call it. */
  build(): {
    /**
     * The page: limit + 1 rows (one more tells whether there is a next page), with the sort key as
     * `sortKey` and the capped count as `total` on every row (the count statement as a subquery, so a
     * page is one round trip to the database).
     */
    page: ReturnType<typeof pageQuery>
    /** Up to STAFF_QUEUE_COUNT_CAP + 1 rows of the queue, counted (never an unbounded count). */
    count: ReturnType<typeof countQuery>
  }
}

const pageQuery = (db: Db, where: SQL | undefined, order: SQL[], key: SQL | PgColumn, count: ReturnType<typeof countQuery>) =>
  db
    .select({
      request: staffSummaryColumns,
      assignee: { id: staff.id, displayName: staff.displayName, role: staff.role },
      sortKey: sql<string>`${key}`,
      total: sql<number>`(${count})`,
    })
    .from(r)
    .leftJoin(staff, eq(staff.id, r.assigneeId))
    .where(where)
    .orderBy(...order)
    .limit(param.limit)

/** In the page's order, so it walks the same index and stops at the cap. */
const countQuery = (db: Db, where: SQL | undefined, order: SQL[]) =>
  db.select({ n: sql<number>`count(*)::int` }).from(
    db
      .select({ one: sql`1` })
      .from(r)
      .where(where)
      .orderBy(...order)
      .limit(STAFF_QUEUE_COUNT_CAP + 1)
      .as('capped'),
  )

/** The statements a queue page runs and the values they take (plans.test.ts EXPLAINs exactly these). */
export const inboxQueries = (
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  member: StaffIdentity,
  query: StaffRequestQuery,
): InboxQueries => {
  const zone = scopeZone(member, query.zoneId)
  const now = deps.clock()
  const cursor = query.cursor ? decodeCursor(query.cursor, query.queue) : undefined
  const values: Values = {
    zone: zone ?? undefined,
    park: query.parkId,
    type: query.type,
    member: member.id,
    now: now.toISOString(),
    dueBy: addMs(now, deps.config.sla.reminderBeforeMs).toISOString(),
    afterKey: cursor?.t,
    afterId: cursor?.i,
    limit: query.limit + 1,
  }
  const build = () => {
    const filters = and(
      zone ? eq(r.zoneId, param.zone) : undefined,
      query.parkId ? eq(r.parkId, param.park) : undefined,
      query.type ? eq(r.type, param.type) : undefined,
      queueCondition(query.queue),
    )
    const { key, ascending } = QUEUES[query.queue]
    const after = cursor
      ? ascending
        ? sql`(${key}, ${r.id}) > (${param.afterKey}, ${param.afterId})`
        : sql`(${key}, ${r.id}) < (${param.afterKey}, ${param.afterId})`
      : undefined
    const order = ascending ? [sql`${key} asc`, asc(r.id)] : [sql`${key} desc`, desc(r.id)]
    const count = countQuery(deps.db, filters, order)
    return { page: pageQuery(deps.db, and(filters, after), order, key, count), count }
  }
  const shape = [zone, query.parkId, query.type, cursor].map((set) => (set ? 1 : 0)).join('')
  return { name: `staff_queue_${query.queue}_${shape}`, values, build }
}

/**
 * A staff queue page. Keyset paging, so requests arriving meanwhile do not shift pages; the count
 * is capped at STAFF_QUEUE_COUNT_CAP (totalCapped past it) so no page counts a whole queue.
 */
export const listStaffRequests = async (deps: Deps, member: StaffIdentity, query: StaffRequestQuery): Promise<StaffRequestPage> => {
  const queries = inboxQueries(deps, member, query)
  const rows = await preparedStatement(deps.db, queries.name, () => queries.build().page).execute(queries.values)
  const page = rows.slice(0, query.limit)
  const last = page.at(-1)
  // An empty page past the end of the queue still reports the queue's size.
  const count =
    rows.length > 0 ? Number(rows[0].total) : query.cursor ? Number((await queries.build().count.execute(queries.values))[0].n) : 0
  return {
    items: page.map(({ request, assignee }) => toStaffSummary(request, assignee?.id ? assignee : null)),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ q: query.queue, t: new Date(last.sortKey).toISOString(), i: last.request.id })
        : null,
    total: Math.min(count, STAFF_QUEUE_COUNT_CAP),
    totalCapped: count > STAFF_QUEUE_COUNT_CAP,
  }
}
