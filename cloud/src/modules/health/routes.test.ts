import { createTestApp, type TestApp, SETUP_TIMEOUT } from '../../../test-support/app'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
}, SETUP_TIMEOUT)
afterAll(() => t.close(), SETUP_TIMEOUT)

describe('GET /api/health', () => {
  it('reports the database kind and the loaded content version, never cached', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' })
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toBe('no-store')
    const body = response.json()
    expect(body).toEqual({
      status: 'ok',
      database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
      contentVersion: expect.stringMatching(/^[0-9a-f]{16}$/),
    })
  })

  it('answers 503 in the error shape when the database does not respond', async () => {
    const spy = jest.spyOn(t.app.db, 'execute').mockRejectedValueOnce(new Error('connection refused'))
    try {
      const response = await t.app.inject({ method: 'GET', url: '/api/health' })
      expect(response.statusCode).toBe(503)
      expect(response.json()).toEqual({ error: { code: 'database_unavailable', message: expect.any(String) } })
      expect(response.headers['retry-after']).toBe('5')
      expect(response.body).not.toContain('connection refused')
    } finally {
      spy.mockRestore()
    }
  })
})

describe('GET /api/health with a database that never answers', () => {
  it('answers 503 with Retry-After after HEALTH_TIMEOUT_MS instead of waiting', async () => {
    // The real thing (a frozen PostgreSQL) is in db/timeouts.test.ts and npm run test:load.
    const spy = jest.spyOn(t.app.db, 'execute').mockReturnValueOnce(new Promise(() => undefined) as never)
    try {
      const started = Date.now()
      const response = await t.app.inject({ method: 'GET', url: '/api/health' })
      expect(response.statusCode).toBe(503)
      expect(response.headers['retry-after']).toBe('5')
      expect(Date.now() - started).toBeGreaterThanOrEqual(t.app.config.healthTimeoutMs - 50)
    } finally {
      spy.mockRestore()
    }
  })
})

describe('unknown routes', () => {
  it('answer 404 in the common error shape', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nothing-here' })
    expect(response.statusCode).toBe(404)
    expect(response.json()).toEqual({ error: { code: 'not_found', message: '接口不存在' } })
  })
})
