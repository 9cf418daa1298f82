import { count } from 'drizzle-orm'
import { importIntoEmpty } from '../content/import'
import { loadContent } from '../content/load'
import { REAL_CONTENT_DIR, SETUP_TIMEOUT } from '../test-support/app'
import { createEmptyPostgresDatabase } from '../test-support/database'
import { openPostgres, type Database } from './client'
import { contentMeta, parks } from './schema'

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
