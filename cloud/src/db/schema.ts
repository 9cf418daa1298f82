import { sql } from 'drizzle-orm'
import { boolean, check, date, integer, jsonb, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core'
import type { Enterprise, Park, Policy, ServiceCommitment, SignedProject, Zone } from '../../../types/content'

// Content records live whole in `data` (validated on import); the other columns exist for
// ordering, integrity and future queries. `position` keeps the editorial order of the files.

export const zones = pgTable('zones', {
  id: text('id').primaryKey(),
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

// The 店小二 service tables (investors, staff, requests, outbox...).
export * from './service-schema'
// 项目督考 and 问需于企.
export * from './projects-schema'
export * from './surveys-schema'
