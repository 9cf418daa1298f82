import path from 'node:path'
import { PGlite, types, type QueryOptions, type Transaction } from '@electric-sql/pglite'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres'
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import pg from 'pg'
import { DEFAULT_POSTGRES_TIMEOUTS, type Config, type PostgresTimeouts } from '../config'
import { migrationsDir } from '../paths'
import { lockDataDir } from './data-dir-lock'
import * as schema from './schema'

/** One drizzle type for both drivers, so nothing above this file knows which one runs. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>
/** A transaction handle; it has the whole query API of Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
export type DatabaseKind = 'pglite' | 'postgres'
export type Database = {
  db: Db
  kind: DatabaseKind
  /** Closes connections and releases the data-folder lock. */
  close(): Promise<void>
}

/** Arbitrary constant: the pg_advisory_lock key that serializes migrations between API processes. */
const MIGRATION_LOCK_KEY = 741_852_963_001

/** Migrations may build indexes over large tables: their statements get this long, not the request timeouts. */
const MIGRATION_TIMEOUT_MS = 30 * 60_000

/**
 * PostgreSQL when DATABASE_URL is set, otherwise PGlite in DATA_DIR/pglite (locked to this process).
 * Pending migrations are applied before it returns.
 */
export const openDatabase = (config: Pick<Config, 'databaseUrl' | 'dataDir'> & Partial<Pick<Config, 'postgres'>>): Promise<Database> =>
  config.databaseUrl ? openPostgres(config.databaseUrl, config.postgres) : openPgliteFolder(config.dataDir)

/** PostgreSQL could not be reached (or did not answer) at start-up: an expected problem, printed without a stack. */
export class DatabaseUnreachableError extends Error {
  override name = 'DatabaseUnreachableError'
  constructor(server: string, reason: string, connectMs: number) {
    super(
      `无法连接 PostgreSQL ${server}（${reason}）：请检查 DATABASE_URL、网络以及数据库是否在运行；每次连接最多等待 PG_CONNECT_TIMEOUT_MS（当前 ${connectMs} 毫秒）。\n` +
        `Cannot reach PostgreSQL ${server} (${reason}): check DATABASE_URL, the network and that the database is running; ` +
        `each connection attempt waits at most PG_CONNECT_TIMEOUT_MS (now ${connectMs} ms).`,
    )
  }
}

/** SQLSTATEs meaning "the database cannot serve this now": cancelled by statement_timeout, shutting down, disk full, too many connections, an idle transaction ended. */
const UNAVAILABLE_STATES = new Set(['57014', '57P01', '57P02', '57P03', '53100', '53300', '25P03'])
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND'])
/** node-postgres says these in words only. */
const UNAVAILABLE_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /Query read timeout/i,
  /Connection terminated/i,
  /is not queryable/i,
  /terminating connection due to/i,
]

/**
 * Whether an error means the database is unavailable (unreachable, frozen, overloaded, restarting)
 * rather than that this request is wrong: the API then answers 503 with Retry-After.
 */
export const isDatabaseUnavailable = (error: unknown): boolean => {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    if (current instanceof DatabaseTimeoutError) return true
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && (UNAVAILABLE_STATES.has(code) || code.startsWith('08') || NETWORK_CODES.has(code))) return true
    const message = (current as { message?: unknown }).message
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}

/** A wait for the database that was given up (health check). */
export class DatabaseTimeoutError extends Error {
  override name = 'DatabaseTimeoutError'
}

/** `work`, or DatabaseTimeoutError after `ms` (the work itself is not cancelled; the driver's own timeouts end it). */
export const withTimeout = <T>(work: Promise<T>, ms: number): Promise<T> => {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseTimeoutError(`no answer from the database within ${ms} ms`)), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

const openPgliteFolder = async (dataDir: string): Promise<Database> => {
  const lock = await lockDataDir(dataDir)
  try {
    const database = await openPglite(path.join(dataDir, 'pglite'))
    return {
      ...database,
      close: async () => {
        try {
          await database.close()
        } finally {
          lock.release()
        }
      },
    }
  } catch (error) {
    lock.release()
    throw error
  }
}

/**
 * The parsers drizzle passes with every PGlite query: the types it maps itself (timestamps, dates,
 * intervals, numeric[] and their arrays) arrive as the text PostgreSQL sent. PGlite merges per-query
 * parsers into a fresh copy of all of its parsers for every result, so the client is given these
 * once and a query passing exactly these (the same types, returning the text unchanged) goes
 * without them. Anything else is passed through untouched.
 */
const TEXT_TYPES = [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182]
const PROBE = 'parklink-parser-probe'
const isTextParser = (key: string, parse: unknown) =>
  TEXT_TYPES.includes(Number(key)) && typeof parse === 'function' && (parse as (value: string) => unknown)(PROBE) === PROBE
const withoutClientParsers = (options: QueryOptions | undefined): QueryOptions | undefined =>
  options?.parsers && Object.entries(options.parsers).every(([key, parse]) => isTextParser(key, parse))
    ? { ...options, parsers: undefined }
    : options

/**
 * Prepares a PGlite client for the app: the text parsers above, and turns.
 *
 * PGlite runs each statement synchronously on this thread, and statements queued behind one another
 * resolve in a single run of microtasks: under a steady write load the event loop went a long time
 * between turns, and Node took new connections about one per turn, so a new client waited seconds
 * to be accepted. Top-level operations (a statement, or a whole transaction) therefore take turns:
 * first come, first served, at most one started per event-loop turn (setImmediate), so sockets are
 * polled between them.
 */
export const preparePglite = (client: PGlite): PGlite => {
  for (const type of TEXT_TYPES) client.parsers[type] = (value: string) => value
  let previous: Promise<unknown> = Promise.resolve()
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const run = previous.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(work)
    previous = run.catch(() => undefined)
    return run
  }
  const query = client.query.bind(client)
  const exec = client.exec.bind(client)
  const transaction = client.transaction.bind(client)
  client.query = ((text: string, params?: unknown[], options?: QueryOptions) =>
    inTurn(() => query(text, params, withoutClientParsers(options)))) as PGlite['query']
  client.exec = ((...args: Parameters<PGlite['exec']>) => inTurn(() => exec(...args))) as PGlite['exec']
  client.transaction = (<T>(callback: (tx: Transaction) => Promise<T>) =>
    inTurn(() =>
      transaction((tx) => {
        const txQuery = tx.query.bind(tx)
        tx.query = ((text: string, params?: unknown[], options?: QueryOptions) =>
          txQuery(text, params, withoutClientParsers(options))) as Transaction['query']
        return callback(tx)
      }),
    )) as PGlite['transaction']
  return client
}

/**
 * PGlite runs one backend inside this process, and PostgreSQL's shared memory lives in its
 * WebAssembly heap, touched in full at start: PostgreSQL's defaults (128 MB of shared buffers, room
 * for 100 connections) are resident memory here. A PGlite folder holds one zone set's content and
 * requests; the operating system's file cache still keeps it warm. README: "PGlite 的内存".
 */
export const PGLITE_START_PARAMS = [
  ...PGlite.defaultStartParams,
  ...['-c', 'shared_buffers=16MB', '-c', 'max_connections=8', '-c', 'wal_buffers=1MB', '-c', 'temp_buffers=2MB'],
]

/** PGlite in a folder, or in memory when `dataDir` is undefined (tests). */
export const openPglite = async (dataDir?: string): Promise<Database> => {
  const client = preparePglite(await PGlite.create({ dataDir, startParams: PGLITE_START_PARAMS }))
  try {
    const db = drizzlePglite(client, { schema })
    await migratePglite(db, { migrationsFolder: migrationsDir })
    return { db, kind: 'pglite', close: () => client.close() }
  } catch (error) {
    await client.close()
    throw error
  }
}

/**
 * A pool whose every wait is bounded (PostgresTimeouts): no request hangs on a frozen or unreachable
 * server, it fails and the API answers 503. Start-up first connects and asks `select 1`, each bounded
 * by the connect timeout, and throws DatabaseUnreachableError when that fails; then migrates.
 */
export const openPostgres = async (connectionString: string, timeouts: PostgresTimeouts = DEFAULT_POSTGRES_TIMEOUTS): Promise<Database> => {
  await migrateLocked(connectionString, timeouts)
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    query_timeout: timeouts.queryMs,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
    keepAlive: true,
  })
  // Idle clients can fail (server restart); the pool drops them, this only keeps the process alive.
  pool.on('error', (error) => process.emitWarning(`PostgreSQL idle client error: ${error.message}`))
  return { db: drizzlePostgres(pool, { schema }), kind: 'postgres', close: () => pool.end() }
}

/** host:port of a connection string, never its credentials. */
const serverOf = (connectionString: string) => {
  try {
    const url = new URL(connectionString)
    return `${url.hostname}:${url.port || 5432}`
  } catch {
    return '(DATABASE_URL)'
  }
}

/**
 * Several processes may start together: the advisory lock lets one migrate while the others wait.
 * Its own connection, so migrations get their long statement timeout and requests never do.
 */
const migrateLocked = async (connectionString: string, timeouts: PostgresTimeouts): Promise<void> => {
  const client = new pg.Client({
    connectionString,
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: MIGRATION_TIMEOUT_MS,
    query_timeout: MIGRATION_TIMEOUT_MS,
  })
  client.on('error', () => undefined) // reported by the query that fails
  try {
    await client.connect()
    await withTimeout(client.query('select 1'), timeouts.connectMs)
  } catch (error) {
    await withTimeout(client.end(), 1000).catch(() => undefined)
    throw new DatabaseUnreachableError(serverOf(connectionString), (error as Error).message, timeouts.connectMs)
  }
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY])
    try {
      await migratePostgres(drizzlePostgres(client, { schema }), { migrationsFolder: migrationsDir })
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
    }
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** SQLSTATE of a database error, whether drizzle wrapped it (DrizzleQueryError.cause) or not. */
export const sqlState = (error: unknown): string | undefined => {
  for (let current = error, depth = 0; current && depth < 3; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}
