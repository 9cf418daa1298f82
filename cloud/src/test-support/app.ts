import path from 'node:path'
import { buildApp, type App } from '../app'
import { loadConfig, type Config } from '../config'
import type { Clock } from '../content/cache'
import { importContent } from '../content/import'
import { loadContent } from '../content/load'
import type { Database } from '../db/client'
import { createTestDatabase } from './database'

/** Opening a database (PGlite boots in WASM) and importing can take a while on a busy machine. */
export const SETUP_TIMEOUT = 120_000

export const REAL_CONTENT_DIR = path.resolve(__dirname, '../../content')

/** Config as the tests want it: silent, no polling (tests call checkForUpdate themselves). */
export const testConfig = (overrides: Record<string, string> = {}): Config =>
  loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', CONTENT_POLL_MS: '0', ...overrides })

export type TestApp = { app: App; database: Database; close(): Promise<void> }

/** A fresh database with the real content imported, and the app on top of it. */
export const createTestApp = async (options: { clock?: Clock; config?: Config } = {}): Promise<TestApp> => {
  const database = await createTestDatabase()
  try {
    await importContent(database.db, await loadContent(REAL_CONTENT_DIR))
    const app = await buildApp({ db: database, config: options.config ?? testConfig(), clock: options.clock })
    await app.ready()
    return {
      app,
      database,
      close: async () => {
        await app.close()
        await database.close()
      },
    }
  } catch (error) {
    await database.close()
    throw error
  }
}
