import { PGlite, types } from '@electric-sql/pglite'
import { count, eq, sql } from 'drizzle-orm'
import { importIntoEmpty } from '../modules/content/import'
import { loadContent } from '../modules/content/load'
import { REAL_CONTENT_DIR, SETUP_TIMEOUT } from '../../test-support/app'
import { createEmptyPostgresDatabase } from '../../test-support/database'
import { openPglite, openPostgres, preparePglite, type Database } from './client'
import { contentMeta, investors, parks } from './schema'

// Several API processes on one PostgreSQL: each has its own pool, as separate processes would.
const onPostgres = process.env.DATABASE_URL ? describe : describe.skip

onPostgres('several API processes starting together on a fresh PostgreSQL', () => {
  let empty: Awaited<ReturnType<typeof createEmptyPostgresDatabase>>
  let processes: Database[] = []
  beforeAll(async () => {
    empty = await createEmptyPostgresDatabase()
  }, SETUP_TIMEOUT)
  afterAll(async () => {
    await Promise.all(processes.map((database) => database.close()))
    await empty.drop()
  }, SETUP_TIMEOUT)

  it('migrate once (advisory lock) and import the content once', async () => {
    processes = await Promise.all([1, 2, 3, 4].map(() => openPostgres(empty.url)))
    const content = await loadContent(REAL_CONTENT_DIR)
    const results = await Promise.all(processes.map((database) => importIntoEmpty(database.db, content)))

    expect(results.filter((result) => result !== null)).toHaveLength(1)
    const db = processes[0].db
    expect((await db.select({ n: count() }).from(parks))[0].n).toBe(content.bundle.parks.length)
    expect(await db.select({ version: contentMeta.version }).from(contentMeta)).toEqual([{ version: content.version }])
  })
})

// One PGlite for the file's PGlite tests: each instance takes hundreds of MB.
let database: Database
beforeAll(async () => {
  database = await openPglite()
}, SETUP_TIMEOUT)
afterAll(() => database?.close(), SETUP_TIMEOUT)

describe('PGlite statements taking turns with the event loop', () => {

  it('runs queued statements first come, first served, each in a later event-loop turn, past failures', async () => {
    let turns = 0
    let counting = true
    const tick = () => {
      if (!counting) return
      turns++
      setImmediate(tick)
    }
    setImmediate(tick)
    const finished: { n: number; turn: number; ok: boolean }[] = []
    await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        database.db.execute(n === 4 ? sql`select 1 / 0` : sql`select ${n}::int as n`).then(
          () => finished.push({ n, turn: turns, ok: true }),
          () => finished.push({ n, turn: turns, ok: false }),
        ),
      ),
    )
    counting = false
    expect(finished.map((entry) => entry.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(finished.filter((entry) => !entry.ok).map((entry) => entry.n)).toEqual([4])
    // Without turns all ten would finish in one run of microtasks, with no I/O in between.
    expect(new Set(finished.map((entry) => entry.turn)).size).toBe(10)
  })

  it('runs a transaction as one turn', async () => {
    const result = await database.db.transaction(async (tx) => {
      await tx.execute(sql`create temporary table turn_test (n int)`)
      await tx.execute(sql`insert into turn_test values (1), (2)`)
      return (await tx.execute(sql`select count(*)::int as n from turn_test`)) as unknown as { rows: { n: number }[] }
    })
    expect(result.rows[0].n).toBe(2)
  })
})

describe('PGlite parsers', () => {

  it('gives drizzle the values it expects: timestamps as Date on selects, as PostgreSQL text on raw statements', async () => {
    const at = new Date('2026-11-20T02:00:00.123Z')
    const id = '00000000-0000-4000-8000-000000000001'
    await database.db.insert(investors).values({ id, kind: 'guest', deviceId: 'parser-test', createdAt: at, lastSeenAt: at })
    const [row] = await database.db.select().from(investors).where(eq(investors.id, id))
    expect(row.createdAt).toEqual(at)
    const raw = (await database.db.execute(
      sql`select created_at, 2::int as n, '{"a":1}'::jsonb as j from investors where id = ${id}`,
    )) as unknown as {
      rows: { created_at: unknown; n: unknown; j: unknown }[]
    }
    expect(raw.rows[0]).toEqual({ created_at: '2026-11-20 02:00:00.123+00', n: 2, j: { a: 1 } })
  })

  it("keeps parsers a query asks for when they differ from the client's", async () => {
    const client = preparePglite(await PGlite.create())
    try {
      const custom = await client.query<{ n: unknown }>('select 7::int as n', [], { parsers: { [types.INT4]: () => 'seven' } })
      expect(custom.rows[0].n).toBe('seven')
      const own = await client.query<{ t: unknown }>(`select '2026-11-20 10:00:00+08'::timestamptz as t`, [], {
        parsers: { [types.TIMESTAMPTZ]: (value: string) => new Date(value) },
      })
      expect(own.rows[0].t).toEqual(new Date('2026-11-20T02:00:00Z'))
    } finally {
      await client.close()
    }
    // A PGlite of its own boots in WASM, which takes a while on a busy machine.
  }, SETUP_TIMEOUT)
})

describe('PGlite memory', () => {
  it('starts with the small shared memory PGLITE_START_PARAMS asks for (PostgreSQL would silently keep 128 MB of buffers)', async () => {
    const raw = (await database.db.execute(
      sql`select name, setting, unit from pg_settings where name in ('shared_buffers', 'max_connections') order by name`,
    )) as unknown as { rows: { name: string; setting: string; unit: string | null }[] }
    expect(raw.rows).toEqual([
      { name: 'max_connections', setting: '8', unit: null },
      { name: 'shared_buffers', setting: String((16 * 1024) / 8), unit: '8kB' },
    ])
  })
})
