import { eq, inArray, lt, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { loginThrottles, staff } from '../../db/schema'

/**
 * Staff sign-in throttling instead of an account lock: nobody can lock a colleague out, and an unknown
 * username is counted exactly like a known one (so the answers never tell them apart).
 *
 * Failures are counted per username and per client address. The first `freeFailures` cost nothing;
 * from the next one on, each failure makes the key wait before the next password is checked, twice as
 * long each time (1 s after the fifth, 2 s after the sixth …): up to a minute for a username (a guesser spread over many addresses gets about one try a minute, the real
 * person waits at most that), up to a quarter of an hour for an address. A key is forgotten `windowMs`
 * after its last failure; a successful sign-in clears its username.
 */
export const THROTTLE = {
  freeFailures: 4,
  windowMs: 15 * 60_000,
  usernameMaxWaitMs: 60_000,
  addressMaxWaitMs: 15 * 60_000,
  /** Failures of one username within a window that tell the account's zone supervisors. */
  burstFailures: 10,
  /** Client addresses remembered per username (lifted with it by an admin, counted in the notice). */
  addressesKept: 20,
} as const

const usernameKey = (username: string) => `u:${username}`
const addressKey = (address: string) => `a:${address}`

/** The wait after `failures` failures: nothing for the first few, then 1 s, 2 s, 4 s … up to `maxMs`. */
export const waitAfter = (failures: number, maxMs: number): number =>
  failures <= THROTTLE.freeFailures ? 0 : Math.min(maxMs, 1000 * 2 ** (failures - THROTTLE.freeFailures - 1))

export type Attempt = { username: string; address: string }

/** How long this attempt must wait (ms; 0 = check the password now). */
export const throttleWait = async (db: Db, attempt: Attempt, now: Date): Promise<number> => {
  const rows = await db
    .select({ blockedUntil: loginThrottles.blockedUntil, lastFailedAt: loginThrottles.lastFailedAt })
    .from(loginThrottles)
    .where(inArray(loginThrottles.key, [usernameKey(attempt.username), addressKey(attempt.address)]))
  const live = rows.filter((row) => row.lastFailedAt.getTime() > now.getTime() - THROTTLE.windowMs)
  return Math.max(0, ...live.map((row) => row.blockedUntil.getTime() - now.getTime()))
}

const ts = (at: Date) => sql`${at.toISOString()}::timestamptz`

/** Counts one failure for a key (atomically; a key quiet for WINDOW_MS starts again) and sets its wait. */
const countFailure = async (db: Db, key: string, address: string | null, maxWaitMs: number, now: Date) => {
  const stale = sql`${loginThrottles.lastFailedAt} <= ${ts(new Date(now.getTime() - THROTTLE.windowMs))}`
  const failures = sql`case when ${stale} then 1 else ${loginThrottles.failures} + 1 end`
  const addresses = address
    ? sql`case when ${stale} then array[${address}]::text[]
        when ${address} = any(${loginThrottles.addresses}) then ${loginThrottles.addresses}
        else (array[${address}]::text[] || ${loginThrottles.addresses})[1:${THROTTLE.addressesKept}] end`
    : sql`${loginThrottles.addresses}`
  const [row] = await db
    .insert(loginThrottles)
    .values({ key, failures: 1, lastFailedAt: now, blockedUntil: now, addresses: address ? [address] : [] })
    .onConflictDoUpdate({
      target: loginThrottles.key,
      set: {
        failures,
        addresses,
        notifiedAt: sql`case when ${stale} then null else ${loginThrottles.notifiedAt} end`,
        lastFailedAt: now,
      },
    })
    .returning({ failures: loginThrottles.failures, addresses: loginThrottles.addresses })
  await db
    .update(loginThrottles)
    .set({ blockedUntil: new Date(now.getTime() + waitAfter(row.failures, maxWaitMs)) })
    .where(sql`${loginThrottles.key} = ${key}`)
  return row
}

export type FailureOutcome = {
  /** Failures of this username in the current burst. */
  failures: number
  /** Distinct client addresses among them (as far as kept). */
  addresses: number
  /** True exactly once per burst, for the first caller past THROTTLE.burstFailures. */
  tellSupervisors: boolean
}

/** Records a wrong password (or an unknown username) for the username and the address. */
export const recordFailure = async (db: Db, attempt: Attempt, now: Date): Promise<FailureOutcome> => {
  await countFailure(db, addressKey(attempt.address), null, THROTTLE.addressMaxWaitMs, now)
  const user = await countFailure(db, usernameKey(attempt.username), attempt.address, THROTTLE.usernameMaxWaitMs, now)
  let tellSupervisors = false
  if (user.failures >= THROTTLE.burstFailures) {
    // Whoever sets notified_at first tells the supervisors, whichever process it runs in.
    const claimed = await db
      .update(loginThrottles)
      .set({ notifiedAt: now })
      .where(sql`${loginThrottles.key} = ${usernameKey(attempt.username)} and ${loginThrottles.notifiedAt} is null`)
      .returning({ key: loginThrottles.key })
    tellSupervisors = claimed.length > 0
  }
  return { failures: user.failures, addresses: user.addresses.length, tellSupervisors }
}

/** A successful sign-in: the username starts afresh (its client address keeps its count). */
export const clearUsername = async (db: Db, username: string): Promise<void> => {
  await db.delete(loginThrottles).where(sql`${loginThrottles.key} = ${usernameKey(username)}`)
}

/** An admin lifts the waits of an account and of the client addresses its recent failures came from; false if there is no such account. */
export const liftThrottle = async (db: Db, staffId: string): Promise<boolean> => {
  const [account] = await db.select({ username: staff.username }).from(staff).where(eq(staff.id, staffId))
  if (!account) return false
  const username = account.username
  const [row] = await db
    .select({ addresses: loginThrottles.addresses })
    .from(loginThrottles)
    .where(sql`${loginThrottles.key} = ${usernameKey(username)}`)
  const keys = [usernameKey(username), ...(row?.addresses ?? []).map(addressKey)]
  await db.delete(loginThrottles).where(inArray(loginThrottles.key, keys))
  return true
}

/** Forgets keys whose last failure is past the window (called by the job loop). */
export const pruneLoginThrottles = async (db: Db, now: Date): Promise<void> => {
  await db.delete(loginThrottles).where(lt(loginThrottles.lastFailedAt, new Date(now.getTime() - THROTTLE.windowMs)))
}
