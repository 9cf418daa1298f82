import rateLimit, { type FastifyRateLimitStore } from '@fastify/rate-limit'
import { sql } from 'drizzle-orm'
import type { FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Limit } from '../../config'
import type { Clock } from '../../clock'
import type { Db } from '../../db/client'
import { rateLimitHits } from '../../db/schema'
import { ApiError } from '../../http/errors'

export type LimitKey = 'ip' | 'investor' | 'staff'
export type { Limit }

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * A hook allowing `limit.max` requests per window for each caller, counted per client address
     * ('ip') or per signed-in user (after requireInvestor / requireStaff). Exceeding it answers 429
     * rate_limited with Retry-After.
     */
    rateLimitHook: (name: string, by: LimitKey, limit: Limit) => (request: FastifyRequest) => Promise<void>
  }
}

/**
 * Fixed-window counters in PostgreSQL (one upsert per request), so the limits hold across every API
 * process; @fastify/rate-limit's default store would count per process (and by the wall clock).
 */
export class DatabaseRateLimitStore implements FastifyRateLimitStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
    this.increment(key, timeWindow).then(
      (result) => callback(null, result),
      (error: Error) => callback(error),
    )
  }

  child(): FastifyRateLimitStore {
    return this
  }

  private async increment(key: string, windowMs: number): Promise<{ current: number; ttl: number }> {
    const now = this.clock()
    const nowSql = sql`${now.toISOString()}::timestamptz`
    const resetSql = sql`${new Date(now.getTime() + windowMs).toISOString()}::timestamptz`
    const expired = sql`${rateLimitHits.resetAt} <= ${nowSql}`
    const [row] = await this.db
      .insert(rateLimitHits)
      .values({ key, count: 1, resetAt: new Date(now.getTime() + windowMs) })
      .onConflictDoUpdate({
        target: rateLimitHits.key,
        set: {
          count: sql`case when ${expired} then 1 else ${rateLimitHits.count} + 1 end`,
          resetAt: sql`case when ${expired} then ${resetSql} else ${rateLimitHits.resetAt} end`,
        },
      })
      .returning({ count: rateLimitHits.count, resetAt: rateLimitHits.resetAt })
    return { current: row.count, ttl: Math.max(0, row.resetAt.getTime() - now.getTime()) }
  }
}

/**
 * Fixed-window counters in this process's memory, for PGlite: its data folder is locked to one process
 * (db/data-dir-lock.ts), so this process sees every request there is to count and the counts need not
 * be shared. Same windows as DatabaseRateLimitStore, with no database round trip per request. Ended
 * windows are swept at most once a minute; past `maxKeys` live windows the oldest are dropped (a flood
 * of distinct addresses cannot grow memory without bound).
 */
export class MemoryRateLimitStore implements FastifyRateLimitStore {
  private readonly windows = new Map<string, { count: number; resetAt: number }>()
  private nextSweep = 0

  constructor(
    private readonly clock: Clock,
    private readonly maxKeys = 100_000,
  ) {}

  incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
    const now = this.clock().getTime()
    if (now >= this.nextSweep) this.sweep(now)
    let window = this.windows.get(key)
    if (!window || window.resetAt <= now) {
      this.windows.delete(key)
      window = { count: 0, resetAt: now + timeWindow }
      this.windows.set(key, window)
      if (this.windows.size > this.maxKeys) this.windows.delete(this.windows.keys().next().value as string)
    }
    window.count++
    callback(null, { current: window.count, ttl: window.resetAt - now })
  }

  child(): FastifyRateLimitStore {
    return this
  }

  /** Live windows (for tests). */
  get size(): number {
    return this.windows.size
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key)
    this.nextSweep = now + 60_000
  }
}

/** Removes windows that ended over an hour ago (called by the job loop). */
export const pruneRateLimits = async (db: Db, now: Date): Promise<void> => {
  await db.delete(rateLimitHits).where(sql`${rateLimitHits.resetAt} < ${new Date(now.getTime() - 3600_000).toISOString()}::timestamptz`)
}

const keyOf = (request: FastifyRequest, by: LimitKey): string | null => {
  if (by === 'ip') return request.ip
  if (by === 'investor') return request.investorId
  return request.staff?.id ?? null
}

/**
 * Where the counts live: PostgreSQL (DATABASE_URL) is shared by any number of API processes, so the
 * limits are counted there, one upsert per check; PGlite belongs to one process, which counts in memory.
 */
export default fp(
  async (app) => {
    const db = app.db
    const clock = app.clock
    await app.register(rateLimit, {
      global: false,
      store:
        app.dbKind === 'postgres'
          ? class extends DatabaseRateLimitStore {
              constructor() {
                super(db, clock)
              }
            }
          : class extends MemoryRateLimitStore {
              constructor() {
                super(clock)
              }
            },
    })

    app.decorate('rateLimitHook', (name: string, by: LimitKey, { max, windowMs }: Limit) => {
      const check = app.createRateLimit({
        max,
        timeWindow: windowMs,
        keyGenerator: (request) => `${name}:${by}:${keyOf(request, by) ?? ''}`,
      })
      return async (request: FastifyRequest) => {
        if (keyOf(request, by) === null) return
        const result = await check(request)
        if (!result.isAllowed && result.isExceeded) {
          throw new ApiError(429, 'rate_limited', '操作过于频繁，请稍后再试', undefined, { 'retry-after': String(result.ttlInSeconds) })
        }
      }
    })
  },
  { name: 'rate-limit', dependencies: ['context', 'database'] },
)
