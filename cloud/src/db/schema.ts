import { sql } from 'drizzle-orm'
import { boolean, check, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core'
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

// The 店小二 service tables (investors, staff, requests, outbox...).
export * from './service-schema'
