import path from 'node:path'
import { PGlite, types, type QueryOptions, type Transaction } from '@electric-sql/pglite'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres'
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import pg from 'pg'
import type { Config } from '../config'
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

/**
 * PostgreSQL when DATABASE_URL is set, otherwise PGlite in DATA_DIR/pglite (locked to this process).
 * Pending migrations are applied before it returns.
 */
export const openDatabase = (config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Database> =>
  config.databaseUrl ? openPostgres(config.databaseUrl) : openPgliteFolder(config.dataDir)

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

/** PGlite in a folder, or in memory when `dataDir` is undefined (tests). */
export const openPglite = async (dataDir?: string): Promise<Database> => {
  const client = preparePglite(await PGlite.create(dataDir))
  try {
    const db = drizzlePglite(client, { schema })
    await migratePglite(db, { migrationsFolder: migrationsDir })
    return { db, kind: 'pglite', close: () => client.close() }
  } catch (error) {
    await client.close()
    throw error
  }
}

export const openPostgres = async (connectionString: string): Promise<Database> => {
  const pool = new pg.Pool({ connectionString, max: 10 })
  // Idle clients can fail (server restart); the pool drops them, this only keeps the process alive.
  pool.on('error', (error) => process.emitWarning(`PostgreSQL idle client error: ${error.message}`))
  try {
    await migrateLocked(pool)
  } catch (error) {
    await pool.end()
    throw error
  }
  return { db: drizzlePostgres(pool, { schema }), kind: 'postgres', close: () => pool.end() }
}

/** Several processes may start together: the advisory lock lets one migrate while the others wait. */
const migrateLocked = async (pool: pg.Pool): Promise<void> => {
  const client = await pool.connect()
  let broken: Error | undefined
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY])
    try {
      await migratePostgres(drizzlePostgres(client, { schema }), { migrationsFolder: migrationsDir })
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
    }
  } catch (error) {
    broken = error as Error
    throw error
  } finally {
    // A failed connection must not return to the pool (it may still hold the lock).
    client.release(broken)
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
