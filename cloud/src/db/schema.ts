import { sql } from 'drizzle-orm'
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { FieldChange } from '../../../types/console'
import { CONTENT_KINDS } from '../../../types/vocabulary'
import { staff } from './service-schema'
import type { Chain, Enterprise, Park, Policy, ServiceCommitment, SignedProject, Space, Zone } from '../../../types/content'

// Content records live whole in `data` (validated on import); the other columns exist for
// ordering, integrity and future queries. `position` keeps the editorial order of the files.

export const zones = pgTable('zones', {
  id: text('id').primaryKey(),
  /** The zone's ticket prefix (data.ticketPrefix): unique, and what a new request's number starts with. */
  ticketPrefix: text('ticket_prefix').notNull().unique(),
  sortOrder: integer('sort_order').notNull(),
  position: integer('position').notNull(),
  data: jsonb('data').$type<Zone>().notNull(),
})

export const parks = pgTable('parks', {
  id: text('id').primaryKey(),
  zoneId: text('zone_id')
    .notNull()
    .references(() => zones.id),
  featured: boolean('featured').notNull(),
  sortOrder: integer('sort_order').notNull(),
  position: integer('position').notNull(),
  data: jsonb('data').$type<Park>().notNull(),
})

export const spaces = pgTable(
  'spaces',
  {
    id: text('id').primaryKey(),
    zoneId: text('zone_id')
      .notNull()
      .references(() => zones.id),
    parkId: text('park_id').references(() => parks.id),
    position: integer('position').notNull(),
    data: jsonb('data').$type<Space>().notNull(),
  },
  (table) => [index('spaces_zone_idx').on(table.zoneId)],
)

export const enterprises = pgTable('enterprises', {
  id: text('id').primaryKey(),
  zoneId: text('zone_id')
    .notNull()
    .references(() => zones.id),
  parkId: text('park_id').references(() => parks.id),
  position: integer('position').notNull(),
  data: jsonb('data').$type<Enterprise>().notNull(),
})

export const signedProjects = pgTable('signed_projects', {
  id: text('id').primaryKey(),
  zoneId: text('zone_id')
    .notNull()
    .references(() => zones.id),
  parkId: text('park_id').references(() => parks.id),
  rank: integer('rank').notNull(),
  position: integer('position').notNull(),
  data: jsonb('data').$type<SignedProject>().notNull(),
})

export const policies = pgTable('policies', {
  id: text('id').primaryKey(),
  zoneId: text('zone_id')
    .notNull()
    .references(() => zones.id),
  /** Empty array = the whole zone. */
  parkIds: text('park_ids').array().notNull(),
  validTo: date('valid_to', { mode: 'string' }),
  position: integer('position').notNull(),
  data: jsonb('data').$type<Policy>().notNull(),
})

export const chains = pgTable(
  'chains',
  {
    id: text('id').primaryKey(),
    zoneId: text('zone_id')
      .notNull()
      .references(() => zones.id),
    position: integer('position').notNull(),
    data: jsonb('data').$type<Chain>().notNull(),
  },
  (table) => [index('chains_zone_idx').on(table.zoneId)],
)

export const serviceCommitments = pgTable('service_commitments', {
  id: text('id').primaryKey(),
  zoneId: text('zone_id')
    .notNull()
    .references(() => zones.id),
  position: integer('position').notNull(),
  data: jsonb('data').$type<ServiceCommitment>().notNull(),
})

/** One row: which content bundle is in the database. API processes poll `version`. */
export const contentMeta = pgTable(
  'content_meta',
  {
    id: smallint('id').primaryKey().default(1),
    version: text('version').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
  },
  (table) => [check('content_meta_single_row', sql`${table.id} = 1`)],
)

/**
 * A zone's notification settings (not content: no draft or revision, never public). Edited by admins
 * (GET/PUT /api/staff/zones/{id}/settings); a zone without a row uses the defaults from the config.
 */
export const zoneSettings = pgTable('zone_settings', {
  zoneId: text('zone_id').primaryKey(),
  /** WeCom group robot; its key is a secret, so it is never logged and only admins see it. */
  wecomWebhookUrl: text('wecom_webhook_url'),
  wechatTemplateReply: text('wechat_template_reply'),
  wechatTemplateResolved: text('wechat_template_resolved'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: uuid('updated_by').references(() => staff.id),
})

/**
 * Console drafts (issue 12): one pending draft per record, never visible to investors. `data` is the
 * whole record as CONTENT_KIND_SCHEMAS[kind] defines it, validated when saved and again when published.
 */
export const contentDrafts = pgTable(
  'content_drafts',
  {
    kind: text('kind', { enum: CONTENT_KINDS }).notNull(),
    recordId: text('record_id').notNull(),
    zoneId: text('zone_id').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull(),
    savedBy: uuid('saved_by')
      .notNull()
      .references(() => staff.id),
  },
  (table) => [primaryKey({ columns: [table.kind, table.recordId] }), index('content_drafts_zone_idx').on(table.zoneId, table.kind)],
)

export const REVISION_ACTIONS = ['publish', 'revert', 'import', 'import_delete'] as const

/**
 * Every change to published content, append-only: console publishes and reverts (who), and content
 * imports (no one). `record` is the record after the change (null when an import deleted it).
 */
export const contentRevisions = pgTable(
  'content_revisions',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: CONTENT_KINDS }).notNull(),
    recordId: text('record_id').notNull(),
    zoneId: text('zone_id').notNull(),
    action: text('action', { enum: REVISION_ACTIONS }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    staffId: uuid('staff_id').references(() => staff.id),
    changedFields: jsonb('changed_fields').$type<string[]>().notNull(),
    diff: jsonb('diff').$type<FieldChange[]>().notNull(),
    record: jsonb('record').$type<Record<string, unknown>>(),
    restoredRevisionId: uuid('restored_revision_id'),
  },
  (table) => [
    check('content_revisions_action', sql.raw(`"action" in (${REVISION_ACTIONS.map((action) => `'${action}'`).join(', ')})`)),
    index('content_revisions_record_idx').on(table.kind, table.recordId, table.at),
    index('content_revisions_zone_idx').on(table.zoneId, table.at),
  ],
)

/**
 * What zone staff did in the console and admins in settings and accounts: drafts saved and dropped,
 * publishes, reverts, settings, accounts, canned replies. Append-only.
 */
export const contentAudit = pgTable(
  'content_audit',
  {
    id: uuid('id').primaryKey(),
    /** null for what concerns no zone (an admin's account without one). */
    zoneId: text('zone_id'),
    action: text('action').notNull(),
    kind: text('kind'),
    recordId: text('record_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    staffId: uuid('staff_id').references(() => staff.id),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
  },
  (table) => [index('content_audit_zone_idx').on(table.zoneId, table.at)],
)

/**
 * Photos staff upload for content (POST /api/staff/uploads), re-encoded on upload; bytes in the upload
 * storage under the same id. Public once published content refers to them (GET /api/media/{id}).
 */
export const media = pgTable(
  'media',
  {
    id: uuid('id').primaryKey(),
    zoneId: text('zone_id').notNull(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('media_zone_idx').on(table.zoneId, table.createdAt)],
)

// The 店小二 service tables (investors, staff, requests, outbox...).
export * from './service-schema'
