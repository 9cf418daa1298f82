import { fillPlaceholders } from 'drizzle-orm'
import pg from 'pg'
import { execForPg, generateRequests } from '../../../../test/scale/requests'
import { createTestApp, SETUP_TIMEOUT, type TestApp } from '../../../test-support/app'
import { serviceTestConfig } from '../../../test-support/service'
import type { StaffIdentity } from '../auth/identity'
import { dashboardQueries } from '../staff/dashboard'
import { inboxQueries, listStaffRequests } from './inbox'

// The staff queues and the dashboard at province scale, on PostgreSQL (the planner PGlite shares is
// the same, but production load runs on PostgreSQL): each statement's plan, with ANALYZE, on 200,000
// generated requests must walk the index made for it and never read the whole table.
const onPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '')
if (!onPostgres)
  console.info(
    'plans.test.ts skipped: the query plans are checked on PostgreSQL (DATABASE_URL=postgres://…; bash test/pg/with-postgres.sh)',
  )

const NOW = new Date('2026-11-20T02:00:00Z')
const REQUESTS = 200_000

let t: TestApp
let client: pg.Pool
let agent: StaffIdentity
const admin: StaffIdentity = {
  id: '00000000-0000-4000-8000-000000000001',
  username: 'plans-admin',
  displayName: '管理员',
  role: 'admin',
  zoneId: null,
  shareCode: 'plans-admin',
}

type Built = { toSQL(): { sql: string; params: unknown[] } }
type PlanOptions = { values?: Record<string, unknown>; generic?: boolean }

const planText = (result: pg.QueryResult) => result.rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n')

/**
 * The EXPLAIN (ANALYZE) text of a built statement, its placeholders filled from `values`. `generic`:
 * the one plan PostgreSQL may keep for a prepared statement whatever its values (the staff queues run
 * prepared), rather than the plan for these values.
 */
const plan = async (built: Built, { values = {}, generic = false }: PlanOptions = {}): Promise<string> => {
  const { sql, params } = built.toSQL()
  const filled = fillPlaceholders(params, values)
  if (!generic) return planText(await client.query(`explain (analyze, costs off, buffers off) ${sql}`, filled))
  const connection = await client.connect()
  try {
    await connection.query(`prepare plan_check as ${sql}`)
    await connection.query('set plan_cache_mode = force_generic_plan')
    const literals = filled.map((param) => (typeof param === 'number' ? String(param) : connection.escapeLiteral(String(param))))
    return planText(await connection.query(`explain (analyze, costs off, buffers off) execute plan_check(${literals.join(', ')})`))
  } finally {
    await connection.query('deallocate all; reset plan_cache_mode')
    connection.release()
  }
}

/** How a plan reads service_requests: the indexes it walks, and whether it also reads the whole table. */
const reads = (text: string) => ({
  indexes: [...new Set([...text.matchAll(/(?:using|Bitmap Index Scan on) (service_requests_\w+)/g)].map((match) => match[1]))],
  wholeTable: /Seq Scan on service_requests/.test(text),
})

/** The plan without its InitPlan subtrees (a page's capped count is one: it is checked on its own). */
const withoutInitPlans = (text: string) => {
  const kept: string[] = []
  let skipBelow = -1
  for (const line of text.split('\n')) {
    const indent = line.search(/\S/)
    if (skipBelow >= 0 && indent > skipBelow) continue
    skipBelow = /^\s*InitPlan\b/.test(line) ? indent : -1
    if (skipBelow < 0) kept.push(line)
  }
  return kept.join('\n')
}

/**
 * Fails with the plan when the statement reads the whole table or does not walk `index`; with
 * `inOrder`, also when it sorts (a page must come in the index's order and stop at its last row,
 * not read the whole queue and sort it).
 */
const expectIndex = async (
  label: string,
  built: Built,
  index: RegExp,
  { inOrder = false, ...options }: PlanOptions & { inOrder?: boolean } = {},
) => {
  const text = await plan(built, options)
  const { indexes, wholeTable } = reads(text)
  const sorts = inOrder && /\bSort\b/.test(withoutInitPlans(text))
  const ok = !wholeTable && !sorts && indexes.some((name) => index.test(name))
  if (!ok)
    throw new Error(
      `${label}: expected ${index}${inOrder ? ' in order' : ''}, the plan ${sorts ? 'sorts, and ' : ''}reads ${wholeTable ? 'the whole table' : indexes.join(', ') || 'no index'}\n${text}`,
    )
}

const QUEUE_INDEXES = {
  new: { agent: /^service_requests_zone_new_idx$/, admin: /^service_requests_(zone_)?new_idx$/ },
  mine: { agent: /^service_requests_mine_idx$/, admin: /^service_requests_mine_idx$/ },
  due_soon: { agent: /^service_requests_(zone_)?due_idx$/, admin: /^service_requests_due_idx$/ },
  overdue: { agent: /^service_requests_zone_overdue_idx$/, admin: /^service_requests_overdue_idx$/ },
  all: { agent: /^service_requests_zone_created_idx$/, admin: /^service_requests_created_idx$/ },
} as const

;(onPostgres ? describe : describe.skip)('query plans at 200,000 requests (PostgreSQL)', () => {
  beforeAll(async () => {
    t = await createTestApp({ clock: () => NOW, config: serviceTestConfig() })
    client = (t.database.db as unknown as { $client: pg.Pool }).$client
    // Generating takes longer than the API's query timeout allows: its own connection, without one.
    const generator = new pg.Client({ connectionString: client.options.connectionString })
    await generator.connect()
    await generateRequests(execForPg(generator), {
      requests: REQUESTS,
      zones: [...t.app.content.current().zoneById.values()].map(({ id, ticketPrefix }) => ({
        id,
        ticketPrefix,
        parkIds: Array.from({ length: 30 }, (_, park) => `${id}-scale-park-${park}`),
      })),
      now: NOW,
      days: 365,
      events: false,
    }).finally(() => generator.end())
    const { rows } = await client.query(`select id from staff where username = 'scale-zouping-a1'`)
    agent = { id: rows[0].id, username: 'scale-zouping-a1', displayName: '店小二', role: 'agent', zoneId: 'zouping', shareCode: 'x' }
  }, 5 * SETUP_TIMEOUT)
  afterAll(() => t?.close(), SETUP_TIMEOUT)

  const deps = () => ({ db: t.database.db, clock: () => NOW, config: t.app.config })
  const members = () => ({ agent, admin }) as const

  for (const queue of ['new', 'mine', 'due_soon', 'overdue', 'all'] as const) {
    it(
      `queue ${queue}: the first page, the next page and the capped count walk the queue's index`,
      async () => {
        for (const who of ['agent', 'admin'] as const) {
          const member = members()[who]
          const first = await listStaffRequests({ ...t.app, ...deps() }, member, { queue, limit: 20 })
          // The generated data fills every queue (this admin is no assignee: their own queue is empty).
          if (!(queue === 'mine' && who === 'admin')) expect(first.items.length).toBeGreaterThan(0)
          const queries = inboxQueries(deps(), member, { queue, limit: 20 })
          const statements = queries.build()
          const index = QUEUE_INDEXES[queue][who]
          // due_soon holds the last reminder lead's arrivals only: sorting those few is as good.
          const inOrder = queue !== 'due_soon'
          const next = first.nextCursor ? inboxQueries(deps(), member, { queue, limit: 20, cursor: first.nextCursor }) : undefined
          for (const generic of [false, true]) {
            const how = generic ? ' (generic plan)' : ''
            await expectIndex(`${queue} ${who} page${how}`, statements.page, index, { inOrder, values: queries.values, generic })
            if (next)
              await expectIndex(`${queue} ${who} next page${how}`, next.build().page, index, { inOrder, values: next.values, generic })
          }
          await expectIndex(`${queue} ${who} count`, statements.count, index, { values: queries.values })
        }
      },
      SETUP_TIMEOUT,
    )
  }

  it(
    "dashboard: a zone's month or year through the zone's index, all zones' month through the date index; the overdue list through the overdue indexes; each period statement reads the period once",
    async () => {
      const month = { from: '2026-10-22', to: '2026-11-20' }
      const year = { from: '2025-11-21', to: '2026-11-20' }
      for (const period of [month, year]) {
        const zone = dashboardQueries(deps(), agent, period)
        for (const statement of [zone.period.rates, zone.period.breakdown])
          await expectIndex(`dashboard zouping ${period.from} period`, statement, /^service_requests_zone_created_idx$/)
        await expectIndex(`dashboard zouping overdue`, zone.overdue, /^service_requests_zone_overdue_idx$/)
      }
      const allMonth = dashboardQueries(deps(), admin, month)
      for (const statement of [allMonth.period.rates, allMonth.period.breakdown])
        await expectIndex('dashboard all zones month period', statement, /^service_requests_created_idx$/)
      await expectIndex('dashboard all zones overdue', allMonth.overdue, /^service_requests_overdue_idx$/)
      // A year of every zone is the whole table: each statement reads it once, however it reads it.
      const allYear = dashboardQueries(deps(), admin, year).period
      for (const statement of [allYear.rates, allYear.breakdown])
        expect((await plan(statement)).match(/ on service_requests\b/g)).toHaveLength(1)
    },
    SETUP_TIMEOUT,
  )
})
