import { sql } from 'drizzle-orm'
import { bigint, check, date, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { PROJECT_STAGES, STAGE_STATES } from '../../../types/project-stages'
import { investors, serviceRequests, staff } from './service-schema'

// 项目督考: the tracking of signed projects (content records of the kind `projects`), stage by stage.
// Project ids are plain text, like zone and park ids in the service tables: a content change may drop
// a project, and its tracking stays as history.

const at = (name: string) => timestamp(name, { withTimezone: true })
const day = (name: string) => date(name, { mode: 'string' })
const inList = (column: string, values: readonly string[]) => sql.raw(`"${column}" in (${values.map((value) => `'${value}'`).join(', ')})`)

export const projectTracking = pgTable(
  'project_tracking',
  {
    projectId: text('project_id').primaryKey(),
    /** Copied from the content record; kept in step when the tracking is ensured. */
    zoneId: text('zone_id').notNull(),
    /** 包挂领导: a supervisor of the zone. */
    leaderId: uuid('leader_id').references(() => staff.id),
    /** The investor's contact as staff recorded it; staff see the mobile masked, investors never. */
    contactName: text('contact_name'),
    contactMobile: text('contact_mobile'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (table) => [index('project_tracking_zone_idx').on(table.zoneId)],
)

export const projectStages = pgTable(
  'project_stages',
  {
    projectId: text('project_id')
      .notNull()
      .references(() => projectTracking.projectId),
    stage: text('stage', { enum: PROJECT_STAGES }).notNull(),
    state: text('state', { enum: STAGE_STATES }).notNull(),
    plannedDate: day('planned_date'),
    actualDate: day('actual_date'),
    /** Internal; never shown to investors. */
    note: text('note'),
    blocker: text('blocker'),
    /** The seed article the seeded state comes from, and the date as it prints it. */
    source: text('source'),
    reportedDate: text('reported_date'),
    blockerRequestId: uuid('blocker_request_id').references(() => serviceRequests.id),
    /** Set by the job loop when it reminded the 包挂领导 / escalated the overdue stage; cleared when the planned date moves. */
    reminderSentAt: at('reminder_sent_at'),
    escalatedAt: at('escalated_at'),
    updatedAt: at('updated_at'),
    updatedBy: uuid('updated_by').references(() => staff.id),
  },
  (table) => [
    primaryKey({ columns: [table.projectId, table.stage] }),
    check('project_stages_stage', inList('stage', PROJECT_STAGES)),
    check('project_stages_state', inList('state', STAGE_STATES)),
    // What the job loop scans: stages with a planned date that are not done.
    index('project_stages_due_idx')
      .on(table.plannedDate)
      .where(sql`${table.state} <> 'done' and ${table.plannedDate} is not null`),
  ],
)

/** 专班: the staff who work on the project. */
export const projectTeam = pgTable(
  'project_team',
  {
    projectId: text('project_id')
      .notNull()
      .references(() => projectTracking.projectId),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
  },
  (table) => [primaryKey({ columns: [table.projectId, table.staffId] }), index('project_team_staff_idx').on(table.staffId)],
)

export const PROJECT_AUDIT_ACTORS = ['staff', 'investor', 'system'] as const

/** Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE): every change, with before and after. */
export const projectAudit = pgTable(
  'project_audit',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    projectId: text('project_id')
      .notNull()
      .references(() => projectTracking.projectId),
    at: at('at').notNull(),
    actorKind: text('actor_kind', { enum: PROJECT_AUDIT_ACTORS }).notNull(),
    staffId: uuid('staff_id').references(() => staff.id),
    investorId: uuid('investor_id').references(() => investors.id),
    action: text('action').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
  },
  (table) => [
    check('project_audit_actor', inList('actor_kind', PROJECT_AUDIT_ACTORS)),
    index('project_audit_project_idx').on(table.projectId, table.id),
  ],
)

/** 现场评议. */
export const projectReviews = pgTable(
  'project_reviews',
  {
    id: uuid('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projectTracking.projectId),
    heldOn: day('held_on').notNull(),
    stage: text('stage', { enum: PROJECT_STAGES }),
    attendees: jsonb('attendees').$type<string[]>().notNull(),
    conclusion: text('conclusion').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: at('created_at').notNull(),
  },
  (table) => [index('project_reviews_project_idx').on(table.projectId, table.heldOn)],
)

/** Invite codes are kept as their sha256 only: the code itself is shown once, to the staff member who made it. */
export const projectInvites = pgTable(
  'project_invites',
  {
    codeHash: text('code_hash').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projectTracking.projectId),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
    usedBy: uuid('used_by').references(() => investors.id),
  },
  (table) => [index('project_invites_project_idx').on(table.projectId, table.createdAt)],
)

/** Investors who claimed an invite: they follow the project in 我的. */
export const projectFollowers = pgTable(
  'project_followers',
  {
    projectId: text('project_id')
      .notNull()
      .references(() => projectTracking.projectId),
    investorId: uuid('investor_id')
      .notNull()
      .references(() => investors.id),
    followedAt: at('followed_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.projectId, table.investorId] }), index('project_followers_investor_idx').on(table.investorId)],
)

export type StageRow = typeof projectStages.$inferSelect
export type TrackingRow = typeof projectTracking.$inferSelect
