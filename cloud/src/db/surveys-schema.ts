import { sql } from 'drizzle-orm'
import { check, date, index, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'
import { SURVEY_KINDS } from '../../../types/survey-vocabulary'
import { type AnswerValue, type Question } from '../../../types/surveys'
import { investors, serviceRequests, staff } from './service-schema'

// 问需于企: a zone's surveys of its companies and their answers.

const at = (name: string) => timestamp(name, { withTimezone: true })
const day = (name: string) => date(name, { mode: 'string' })

export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey(),
    zoneId: text('zone_id').notNull(),
    kind: text('kind', { enum: SURVEY_KINDS }).notNull(),
    title: text('title').notNull(),
    intro: text('intro').notNull(),
    /** Fixed once published: answers refer to question ids and option texts. */
    questions: jsonb('questions').$type<Question[]>().notNull(),
    /** Open from the start of opens_on to the end of closes_on, China calendar days. */
    opensOn: day('opens_on').notNull(),
    closesOn: day('closes_on').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    /** Null while a draft: only published surveys are shown to investors. */
    publishedAt: at('published_at'),
  },
  (table) => [
    check('surveys_kind', sql.raw(`"kind" in (${SURVEY_KINDS.map((kind) => `'${kind}'`).join(', ')})`)),
    check('surveys_dates', sql`${table.closesOn} >= ${table.opensOn}`),
    index('surveys_zone_idx').on(table.zoneId, table.createdAt),
  ],
)

/** One answer per investor and survey: answering again replaces it (until the survey closes). */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    investorId: uuid('investor_id')
      .notNull()
      .references(() => investors.id),
    company: text('company').notNull(),
    contactName: text('contact_name').notNull(),
    mobile: text('mobile').notNull(),
    answers: jsonb('answers').$type<Record<string, AnswerValue>>().notNull(),
    submittedAt: at('submitted_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    /** The 店小二 request this answer was turned into (one at most). */
    requestId: uuid('request_id').references(() => serviceRequests.id),
  },
  (table) => [
    unique('survey_responses_one_per_investor').on(table.surveyId, table.investorId),
    index('survey_responses_investor_idx').on(table.investorId),
  ],
)

export type SurveyRow = typeof surveys.$inferSelect
export type SurveyResponseRow = typeof surveyResponses.$inferSelect
