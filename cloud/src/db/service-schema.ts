import { type SQL, sql } from 'drizzle-orm'
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'
import { STAFF_ROLES } from '../../../types/auth'
import { OPEN_STATUSES, REQUEST_STATUSES } from '../../../types/request-status'
import { CONTACT_TIMES, REQUEST_TYPES, TIMELINE_STEPS, type RequestLink } from '../../../types/service'

// The 店小二 service: investors, staff, requests and what hangs off them.
// Zone and park ids are plain text (no foreign keys to the content tables): a content import may
// drop a park, and a request made about it must survive as history.

const at = (name: string) => timestamp(name, { withTimezone: true })
const inList = (column: string, values: readonly string[]) => sql.raw(`"${column}" in (${values.map((value) => `'${value}'`).join(', ')})`)

export const INVESTOR_KINDS = ['wechat', 'guest'] as const

type RequestColumns = {
  status: AnyPgColumn
  firstRespondedAt: AnyPgColumn
  firstResponseDueAt: AnyPgColumn
  resolutionDueAt: AnyPgColumn
  resolutionPausedSince: AnyPgColumn
}

/** Still being worked on (OPEN_STATUSES); written out so index predicates and queries match. */
export const isOpenRequest = (table: Pick<RequestColumns, 'status'>): SQL =>
  sql`${table.status} in (${sql.raw(OPEN_STATUSES.map((status) => `'${status}'`).join(', '))})`

/**
 * When an open request became (or becomes) overdue: its 24-hour first-response deadline while
 * unanswered, or its resolution deadline unless the clock is paused (a deadline that passed before
 * the pause stays passed); null for closed requests and paused ones still in time. A request is
 * overdue when this is at or before now. The generated column overdue_at, so no write path keeps it.
 */
const overdueAtExpression = (table: RequestColumns): SQL =>
  sql`(case when ${isOpenRequest(table)} then least(
    case when ${table.firstRespondedAt} is null then ${table.firstResponseDueAt} end,
    case when ${table.resolutionPausedSince} is null or ${table.resolutionDueAt} <= ${table.resolutionPausedSince} then ${table.resolutionDueAt} end
  ) end)`

export const investors = pgTable(
  'investors',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: INVESTOR_KINDS }).notNull(),
    /** WeChat openid (from code2session); never sent to clients. */
    openid: text('openid').unique(),
    /** Guest identity chosen by the device (H5, local development). */
    deviceId: text('device_id').unique(),
    createdAt: at('created_at').notNull(),
    lastSeenAt: at('last_seen_at').notNull(),
  },
  (table) => [
    check('investors_kind', inList('kind', INVESTOR_KINDS)),
    check(
      'investors_identity',
      sql`(${table.kind} = 'wechat' and ${table.openid} is not null) or (${table.kind} = 'guest' and ${table.deviceId} is not null)`,
    ),
  ],
)

export const staff = pgTable(
  'staff',
  {
    id: uuid('id').primaryKey(),
    /** Lower-case login name. */
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: STAFF_ROLES }).notNull(),
    /** Agents and supervisors work for one zone; an admin may have none. */
    zoneId: text('zone_id'),
    passwordHash: text('password_hash').notNull(),
    /** Put in `ref` when this person shares a page. */
    shareCode: text('share_code').notNull().unique(),
    /** Set by an admin: the account can no longer sign in, and its live sessions stop working. */
    disabledAt: at('disabled_at'),
    createdAt: at('created_at').notNull(),
  },
  (table) => [
    check('staff_role', inList('role', STAFF_ROLES)),
    check('staff_zone', sql`${table.role} = 'admin' or ${table.zoneId} is not null`),
    index('staff_zone_idx').on(table.zoneId, table.role),
  ],
)

export const uploads = pgTable(
  'uploads',
  {
    id: uuid('id').primaryKey(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => investors.id),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    /** Who sent it from where: the daily caps count bytes per investor and per client address. */
    clientAddress: text('client_address'),
    createdAt: at('created_at').notNull(),
  },
  (table) => [
    index('uploads_owner_idx').on(table.ownerId, table.createdAt),
    index('uploads_client_address_idx').on(table.clientAddress, table.createdAt),
    // The job loop deletes uploads never attached to a request, oldest first.
    index('uploads_created_idx').on(table.createdAt),
  ],
)

export const serviceRequests = pgTable(
  'service_requests',
  {
    id: uuid('id').primaryKey(),
    ticketNo: text('ticket_no').notNull().unique(),
    investorId: uuid('investor_id')
      .notNull()
      .references(() => investors.id),
    zoneId: text('zone_id').notNull(),
    parkId: text('park_id'),
    type: text('type', { enum: REQUEST_TYPES }).notNull(),
    company: text('company').notNull(),
    contactName: text('contact_name').notNull(),
    mobile: text('mobile').notNull(),
    description: text('description').notNull(),
    preferredContactTime: text('preferred_contact_time', { enum: CONTACT_TIMES }),
    status: text('status', { enum: REQUEST_STATUSES }).notNull(),
    escalated: boolean('escalated').notNull().default(false),
    assigneeId: uuid('assignee_id').references(() => staff.id),
    createdAt: at('created_at').notNull(),
    /** created + 24 h; the first public reply stops this clock. */
    firstResponseDueAt: at('first_response_due_at').notNull(),
    firstRespondedAt: at('first_responded_at'),
    /** Set by the job loop when it wrote the new-request notice for the zone's group: once. */
    announcedAt: at('announced_at'),
    /** Set by the SLA job when it reminded (T-2 h) / escalated (breach): each happens once. */
    reminderSentAt: at('reminder_sent_at'),
    breachedAt: at('breached_at'),
    /** Pushed back by the time spent waiting on the investor (or between 办结 and a reopening). */
    resolutionDueAt: at('resolution_due_at').notNull(),
    resolutionPausedSince: at('resolution_paused_since'),
    resolvedAt: at('resolved_at'),
    closedAt: at('closed_at'),
    ratingScore: smallint('rating_score'),
    ratingComment: text('rating_comment'),
    ratedAt: at('rated_at'),
    updatedAt: at('updated_at').notNull(),
    /** The followed project's stage or the survey answer the request was made from. */
    link: jsonb('link').$type<RequestLink>(),
    /**
     * overdueAtExpression, stored by PostgreSQL: the 已超时 queue and its count read it from an index
     * alone, and building and planning a query stays as cheap as for a plain column.
     */
    overdueAt: at('overdue_at').generatedAlwaysAs((): SQL => overdueAtExpression(serviceRequests)),
  },
  (table) => [
    check('service_requests_status', inList('status', REQUEST_STATUSES)),
    check('service_requests_type', inList('type', REQUEST_TYPES)),
    check('service_requests_rating', sql`${table.ratingScore} is null or ${table.ratingScore} between 1 and 5`),
    index('service_requests_investor_idx').on(table.investorId, table.createdAt),
    index('service_requests_assignee_idx').on(table.assigneeId),
    // The staff queues (modules/staff-requests/inbox.ts) page by keyset over these, for one zone and
    // for all zones; each index holds exactly the rows of its queue in the queue's order.
    index('service_requests_zone_created_idx').on(table.zoneId, table.createdAt, table.id),
    index('service_requests_created_idx').on(table.createdAt, table.id),
    index('service_requests_park_created_idx').on(table.parkId, table.createdAt, table.id),
    index('service_requests_new_idx')
      .on(table.createdAt, table.id)
      .where(sql`${table.status} = 'new' and ${table.assigneeId} is null`),
    index('service_requests_zone_new_idx')
      .on(table.zoneId, table.createdAt, table.id)
      .where(sql`${table.status} = 'new' and ${table.assigneeId} is null`),
    index('service_requests_mine_idx').on(table.assigneeId, table.createdAt, table.id).where(isOpenRequest(table)),
    index('service_requests_due_idx')
      .on(table.firstResponseDueAt, table.id)
      .where(sql`${table.firstRespondedAt} is null and ${table.breachedAt} is null and ${isOpenRequest(table)}`),
    index('service_requests_overdue_idx')
      .on(table.overdueAt, table.id)
      .where(sql`${table.overdueAt} is not null`),
    index('service_requests_zone_overdue_idx')
      .on(table.zoneId, table.overdueAt, table.id)
      .where(sql`${table.overdueAt} is not null`),
    // What the job loop scans: requests not announced yet, and unanswered requests by deadline.
    index('service_requests_unannounced_idx')
      .on(table.createdAt)
      .where(sql`${table.announcedAt} is null`),
    index('service_requests_unanswered_idx')
      .on(table.firstResponseDueAt)
      .where(sql`${table.firstRespondedAt} is null and ${table.breachedAt} is null`),
  ],
)

export type RequestRow = typeof serviceRequests.$inferSelect

export const requestPhotos = pgTable(
  'request_photos',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => serviceRequests.id),
    uploadId: uuid('upload_id')
      .notNull()
      .references(() => uploads.id),
    position: smallint('position').notNull(),
  },
  (table) => [primaryKey({ columns: [table.requestId, table.uploadId] }), index('request_photos_upload_idx').on(table.uploadId)],
)

/** Replies, follow-ups and internal notes (internal = staff only, never shown to the investor). */
export const requestMessages = pgTable(
  'request_messages',
  {
    id: uuid('id').primaryKey(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => serviceRequests.id),
    author: text('author', { enum: ['investor', 'staff'] }).notNull(),
    staffId: uuid('staff_id').references(() => staff.id),
    internal: boolean('internal').notNull(),
    body: text('body').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (table) => [
    check(
      'request_messages_author',
      sql`(${table.author} = 'staff' and ${table.staffId} is not null) or (${table.author} = 'investor' and ${table.staffId} is null and not ${table.internal})`,
    ),
    index('request_messages_request_idx').on(table.requestId, table.createdAt),
  ],
)

export const AUDIT_ACTORS = ['investor', 'staff', 'system'] as const

/**
 * Append-only history of every change to a request (a trigger refuses UPDATE, DELETE and TRUNCATE).
 * `timelineStep` marks the entries the investor sees on their timeline.
 */
export const requestAudit = pgTable(
  'request_audit',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => serviceRequests.id),
    at: at('at').notNull(),
    actorKind: text('actor_kind', { enum: AUDIT_ACTORS }).notNull(),
    staffId: uuid('staff_id').references(() => staff.id),
    action: text('action').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    timelineStep: text('timeline_step', { enum: TIMELINE_STEPS }),
  },
  (table) => [
    check('request_audit_actor', inList('actor_kind', AUDIT_ACTORS)),
    index('request_audit_request_idx').on(table.requestId, table.id),
  ],
)

/** Idempotency-Key → the request it created (a retry gets that request, for IDEMPOTENCY_KEY_RETENTION_MS). */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    investorId: uuid('investor_id')
      .notNull()
      .references(() => investors.id),
    key: text('key').notNull(),
    /** sha256 of the normalized body: a different body under the same key is refused. */
    bodyHash: text('body_hash').notNull(),
    requestId: uuid('request_id').notNull(),
    createdAt: at('created_at').notNull(),
  },
  // created_at: the job loop deletes keys past their retention (pruneIdempotencyKeys).
  (table) => [primaryKey({ columns: [table.investorId, table.key] }), index('idempotency_keys_created_idx').on(table.createdAt)],
)

/** Ticket sequence per zone and China-time day, incremented atomically by an upsert. */
export const ticketCounters = pgTable(
  'ticket_counters',
  {
    zoneId: text('zone_id').notNull(),
    day: text('day').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (table) => [primaryKey({ columns: [table.zoneId, table.day] })],
)

/** Working days to resolve a request when sla_targets has no row for its zone and type. */
export const DEFAULT_RESOLUTION_WORKING_DAYS = 5

/** Resolution target in working days per zone and request type; missing rows mean DEFAULT_RESOLUTION_WORKING_DAYS. */
export const slaTargets = pgTable(
  'sla_targets',
  {
    zoneId: text('zone_id').notNull(),
    type: text('type', { enum: REQUEST_TYPES }).notNull(),
    workingDays: smallint('working_days').notNull(),
  },
  (table) => [primaryKey({ columns: [table.zoneId, table.type] }), check('sla_targets_days', sql`${table.workingDays} between 1 and 60`)],
)

export const OUTBOX_KINDS = [
  'new_request',
  'near_breach',
  'breach',
  'low_rating',
  'reply',
  'resolved',
  'stage_reminder',
  'stage_overdue',
  'login_burst',
] as const
export const OUTBOX_CHANNELS = ['wecom', 'wechat'] as const
export const OUTBOX_STATUSES = ['pending', 'delivered', 'skipped', 'dead'] as const

/**
 * Notifications, written in the same transaction as the change that causes them and delivered by
 * the dispatcher with retries. A row is `skipped` (with the reason) when its channel is not configured,
 * `dead` after the last failed attempt.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: OUTBOX_KINDS }).notNull(),
    channel: text('channel', { enum: OUTBOX_CHANNELS }).notNull(),
    zoneId: text('zone_id').notNull(),
    requestId: uuid('request_id').references(() => serviceRequests.id),
    /** Investor id (wechat) or the staff ids the message is meant for (wecom, informational). */
    recipients: jsonb('recipients').$type<string[]>().notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull(),
    /** A dispatcher holds the row until then while it sends. */
    leaseUntil: at('lease_until'),
    /** The last delivery error, or why the row was skipped. */
    lastError: text('last_error'),
    createdAt: at('created_at').notNull(),
    deliveredAt: at('delivered_at'),
  },
  (table) => [
    check('outbox_status', inList('status', OUTBOX_STATUSES)),
    index('outbox_pending_idx')
      .on(table.nextAttemptAt)
      .where(sql`${table.status} = 'pending'`),
    index('outbox_request_idx').on(table.requestId),
  ],
)

export const cannedReplies = pgTable(
  'canned_replies',
  {
    id: uuid('id').primaryKey(),
    zoneId: text('zone_id').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** null for the replies seeded with the content. */
    createdBy: uuid('created_by').references(() => staff.id),
    createdAt: at('created_at').notNull(),
  },
  (table) => [index('canned_replies_zone_idx').on(table.zoneId, table.createdAt)],
)

export const shareVisits = pgTable(
  'share_visits',
  {
    id: uuid('id').primaryKey(),
    ref: text('ref').notNull(),
    page: text('page').notNull(),
    targetId: text('target_id').notNull(),
    scene: integer('scene'),
    /** The signed-in visitor, when the app sent a token. */
    investorId: uuid('investor_id').references(() => investors.id),
    /** The staff member whose shareCode is `ref`. */
    staffId: uuid('staff_id').references(() => staff.id),
    /** Zones of the shared target(s), for per-zone referral figures. */
    zoneIds: text('zone_ids').array().notNull(),
    createdAt: at('created_at').notNull(),
  },
  (table) => [index('share_visits_created_idx').on(table.createdAt), index('share_visits_staff_idx').on(table.staffId)],
)

export const favourites = pgTable(
  'favourites',
  {
    investorId: uuid('investor_id')
      .notNull()
      .references(() => investors.id),
    parkId: text('park_id').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.investorId, table.parkId] })],
)

/** Fixed-window counters for @fastify/rate-limit, shared by every API process. */
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    key: text('key').primaryKey(),
    count: integer('count').notNull(),
    resetAt: at('reset_at').notNull(),
  },
  (table) => [index('rate_limit_hits_reset_idx').on(table.resetAt)],
)

/**
 * Failed staff sign-ins per username (`u:<username>`, known or not) and per client address
 * (`a:<address>`): past a few failures each new one makes that key wait longer before the next try
 * (see modules/auth/throttle.ts). Shared by every API process; forgotten a while after the last failure.
 */
export const loginThrottles = pgTable(
  'login_throttles',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    lastFailedAt: at('last_failed_at').notNull(),
    /** No password is checked for this key before then. */
    blockedUntil: at('blocked_until').notNull(),
    /** Username keys: the client addresses the recent failures came from (a few), lifted with it by an admin. */
    addresses: text('addresses')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** When the zone's supervisors were told of this burst (once per burst). */
    notifiedAt: at('notified_at'),
  },
  (table) => [index('login_throttles_last_failed_idx').on(table.lastFailedAt)],
)
