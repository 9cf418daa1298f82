import { sql } from 'drizzle-orm'
import type { FastifyRateLimitStore } from '@fastify/rate-limit'
import type { Database } from '../../db/client'
import { rateLimitHits } from '../../db/schema'
import { SETUP_TIMEOUT } from '../../../test-support/app'
import { createTestDatabase } from '../../../test-support/database'
import { ManualClock } from '../../../test-support/service'
import { describeLimit } from '../../http/schemas'
import { DatabaseRateLimitStore, MemoryRateLimitStore, pruneRateLimits } from './rate-limit'

const incr = (store: FastifyRateLimitStore, key: string, windowMs: number) =>
  new Promise<{ current: number; ttl: number }>((resolve, reject) =>
    store.incr(key, (error, result) => (error ? reject(error) : resolve(result!)), windowMs, 10),
  )

let database: Database
beforeAll(async () => {
  database = await createTestDatabase()
}, SETUP_TIMEOUT)
afterAll(() => database.close(), SETUP_TIMEOUT)

describe.each([
  ['in memory (PGlite: one process)', (clock: ManualClock) => new MemoryRateLimitStore(clock.now)],
  ['in the database (PostgreSQL: shared by processes)', (clock: ManualClock) => new DatabaseRateLimitStore(database.db, clock.now)],
])('fixed-window counts %s', (_name, makeStore) => {
  it('counts per key within a window and starts again when it ends', async () => {
    const clock = new ManualClock('2026-11-20T02:00:00Z')
    const store = makeStore(clock)
    const key = `k-${Math.random()}`
    expect(await incr(store, key, 60_000)).toEqual({ current: 1, ttl: 60_000 })
    clock.advance(10_000)
    expect(await incr(store, key, 60_000)).toEqual({ current: 2, ttl: 50_000 })
    expect((await incr(store, `${key}-other`, 60_000)).current).toBe(1)
    clock.advance(50_000)
    expect(await incr(store, key, 60_000)).toEqual({ current: 1, ttl: 60_000 })
  })
})

describe('MemoryRateLimitStore', () => {
  it('forgets ended windows (swept at most once a minute) and keeps at most maxKeys live ones', async () => {
    const clock = new ManualClock('2026-11-20T02:00:00Z')
    const store = new MemoryRateLimitStore(clock.now, 3)
    for (const key of ['a', 'b', 'c', 'd']) await incr(store, key, 1_000)
    expect(store.size).toBe(3) // 'a', the oldest, was dropped
    expect((await incr(store, 'a', 1_000)).current).toBe(1)
    clock.advance(61_000)
    await incr(store, 'e', 1_000)
    expect(store.size).toBe(1)
  })
})

describe('pruneRateLimits', () => {
  it('deletes database windows that ended over an hour ago', async () => {
    const clock = new ManualClock('2026-11-20T02:00:00Z')
    const store = new DatabaseRateLimitStore(database.db, clock.now)
    await incr(store, 'prune-me', 1_000)
    await pruneRateLimits(database.db, new Date(clock.now().getTime() + 2 * 3600_000))
    const rows = await database.db
      .select()
      .from(rateLimitHits)
      .where(sql`${rateLimitHits.key} = 'prune-me'`)
    expect(rows).toHaveLength(0)
  })
})

describe('describeLimit', () => {
  it('states a limit as the API documentation does', () => {
    expect(describeLimit({ max: 10, windowMs: 60_000 })).toBe('每分钟最多 10 次')
    expect(describeLimit({ max: 120, windowMs: 3_600_000 })).toBe('每小时最多 120 次')
    expect(describeLimit({ max: 5, windowMs: 30_000 })).toBe('每 30 秒最多 5 次')
    expect(describeLimit({ max: 60, windowMs: 2 * 3_600_000 })).toBe('每 2 小时最多 60 次')
  })
})
