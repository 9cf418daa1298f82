import { sql } from 'drizzle-orm'
import { buildApp, type App } from '../app'
import { importContent } from '../modules/content/import'
import { loadContent } from '../modules/content/load'
import { REAL_CONTENT_DIR, SETUP_TIMEOUT, testConfig } from '../../test-support/app'
import { createEmptyPostgresDatabase } from '../../test-support/database'
import { startBlackHole, startFreezableProxy, type FreezableProxy } from '../../test-support/faults'
import { bearer, guestToken, requestBody } from '../../test-support/service'
import { DatabaseUnreachableError, isDatabaseUnavailable, openPostgres, type Database } from './client'

const elapsed = async <T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> => {
  const started = Date.now()
  const result = await work()
  return { ms: Date.now() - started, result }
}

describe('a PostgreSQL that accepts connections and never answers', () => {
  it('fails start-up within the connect timeout, with a clear message naming the server and not the password', async () => {
    const blackHole = await startBlackHole()
    try {
      const { ms, result } = await elapsed(() =>
        openPostgres(blackHole.url(), { ...testConfig().postgres, connectMs: 1000 }).catch((error: unknown) => error),
      )
      expect(result).toBeInstanceOf(DatabaseUnreachableError)
      const message = (result as Error).message
      expect(message).toContain(`无法连接 PostgreSQL 127.0.0.1:${blackHole.port}`)
      expect(message).toContain('PG_CONNECT_TIMEOUT_MS')
      expect(message).not.toContain('secret-password')
      expect(ms).toBeLessThan(5000)
    } finally {
      await blackHole.close()
    }
  })
})

// A real PostgreSQL behind a proxy that can freeze: the API must answer, never hang.
const onPostgres = process.env.DATABASE_URL ? describe : describe.skip

onPostgres('a PostgreSQL that stops answering while the API runs', () => {
  const config = testConfig({
    PG_CONNECT_TIMEOUT_MS: '1000',
    PG_STATEMENT_TIMEOUT_MS: '800',
    PG_QUERY_TIMEOUT_MS: '1500',
    PG_IDLE_IN_TRANSACTION_TIMEOUT_MS: '1000',
    HEALTH_TIMEOUT_MS: '400',
  })
  let empty: Awaited<ReturnType<typeof createEmptyPostgresDatabase>>
  let proxy: FreezableProxy
  let database: Database
  let app: App
  beforeAll(async () => {
    empty = await createEmptyPostgresDatabase()
    proxy = await startFreezableProxy(empty.url)
    database = await openPostgres(proxy.url(), config.postgres)
    await importContent(database.db, await loadContent(REAL_CONTENT_DIR))
    app = await buildApp({ db: database, config })
    await app.ready()
  }, SETUP_TIMEOUT)
  afterAll(async () => {
    proxy?.thaw()
    await app?.close()
    await database?.close()
    await proxy?.close()
    await empty?.drop()
  }, SETUP_TIMEOUT)

  it('sets the statement and idle-in-transaction timeouts on every session; a statement past its time is cancelled', async () => {
    const settings = (await database.db.execute(
      sql`select current_setting('statement_timeout') as statement, current_setting('idle_in_transaction_session_timeout') as idle`,
    )) as unknown as { rows: { statement: string; idle: string }[] }
    expect(settings.rows[0]).toEqual({ statement: '800ms', idle: '1s' })
    const slow = await database.db.execute(sql`select pg_sleep(3)`).catch((error: unknown) => error)
    expect(isDatabaseUnavailable(slow)).toBe(true)
  })

  it('frozen: health answers 503 with Retry-After within its own short timeout, routes answer 503 instead of hanging; thawed, all is well', async () => {
    const investor = await guestToken(app)
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200)

    proxy.freeze()
    try {
      const health = await elapsed(() => app.inject({ method: 'GET', url: '/api/health' }))
      expect(health.result.statusCode).toBe(503)
      expect(health.result.json()).toEqual({ error: { code: 'database_unavailable', message: expect.stringContaining('数据库') } })
      expect(Number(health.result.headers['retry-after'])).toBeGreaterThan(0)
      expect(health.ms).toBeLessThan(1500)

      // Every kind of route: a read that checks the token, and a submission.
      const mine = await elapsed(() => app.inject({ method: 'GET', url: '/api/requests/mine', headers: bearer(investor) }))
      const submit = await elapsed(() =>
        app.inject({
          method: 'POST',
          url: '/api/requests',
          headers: { ...bearer(investor), 'idempotency-key': 'frozen-database-0001' },
          payload: requestBody(),
        }),
      )
      for (const { ms, result } of [mine, submit]) {
        expect({ status: result.statusCode, code: result.json().error?.code }).toEqual({ status: 503, code: 'database_unavailable' })
        expect(Number(result.headers['retry-after'])).toBeGreaterThan(0)
        expect(ms).toBeLessThan(5000)
      }
    } finally {
      proxy.thaw()
    }

    // Connections stuck in the freeze are dropped; fresh ones serve again within a few seconds.
    let status = 0
    for (let attempt = 0; attempt < 20 && status !== 200; attempt++) {
      status = (await app.inject({ method: 'GET', url: '/api/health' })).statusCode
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250))
    }
    expect(status).toBe(200)
    const retried = await app.inject({
      method: 'POST',
      url: '/api/requests',
      headers: { ...bearer(investor), 'idempotency-key': 'frozen-database-0001' },
      payload: requestBody(),
    })
    expect([200, 201]).toContain(retried.statusCode)
  }, 60_000)
})
