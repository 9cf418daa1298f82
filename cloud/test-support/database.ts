import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type { PGlite } from '@electric-sql/pglite'
import { openPglite, openPostgres, type Database } from '../src/db/client'
import { execForPg, execForPglite, type ExecSql } from '../../test/scale/requests'

/**
 * A fresh, migrated database for one test file (create in beforeAll, close in afterAll):
 * PGlite in memory, or — when DATABASE_URL is set (CI) — a throwaway database `t_<random>`
 * on that PostgreSQL server, dropped again by close().
 */
export const createTestDatabase = async (): Promise<Database> => {
  if (!process.env.DATABASE_URL) return openPglite()
  const empty = await createEmptyPostgresDatabase()
  let database: Database
  try {
    database = await openPostgres(empty.url)
  } catch (error) {
    await empty.drop()
    throw error
  }
  return {
    ...database,
    close: async () => {
      await database.close()
      await empty.drop()
    },
  }
}

/** An empty database `t_<random>` on the DATABASE_URL server (tests of migrating and several processes). */
export const createEmptyPostgresDatabase = async (): Promise<{ url: string; drop(): Promise<void> }> => {
  const serverUrl = process.env.DATABASE_URL
  if (!serverUrl) throw new Error('DATABASE_URL is not set')
  const name = `t_${randomBytes(6).toString('hex')}`
  await withAdmin(serverUrl, (admin) => admin.query(`create database ${name}`))
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      await withAdmin(serverUrl, (admin) => admin.query(`drop database if exists ${name} with (force)`))
    },
  }
}

const withAdmin = async <T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

/** Runs SQL text with several statements on the database's own client (for the scale generator, test/scale). */
export const execSql = (database: Database): ExecSql => {
  const client = (database.db as unknown as { $client: unknown }).$client
  return database.kind === 'pglite' ? execForPglite(client as PGlite) : execForPg(client as pg.Pool)
}
