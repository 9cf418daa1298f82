import path from 'node:path'
import { buildApp, type App } from '../src/app'
import { loadConfig, type Config } from '../src/config'
import type { Clock } from '../src/clock'
import { attachContractCheck, type ContractCheck } from './contract/collect'
import { importContent } from '../src/modules/content/import'
import { loadContent } from '../src/modules/content/load'
import type { Database } from '../src/db/client'
import { createTestDatabase } from './database'

/** Opening a database (PGlite boots in WASM) and importing can take a while on a busy machine. */
export const SETUP_TIMEOUT = 120_000

export const REAL_CONTENT_DIR = path.resolve(__dirname, '../content')

/** Config as the tests want it: silent, no polling (tests call checkForUpdate themselves). */
export const testConfig = (overrides: Record<string, string> = {}): Config =>
  loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', CONTENT_POLL_MS: '0', ...overrides })

export type TestApp = {
  app: App
  database: Database
  /** Every response the app sends is checked against its served /openapi.json (see cloud/test-support/contract). */
  contract: ContractCheck
  /** Closes the app and the database, then fails if any response broke the documented contract. */
  close(): Promise<void>
}

/** A fresh database with the real content imported, and the app on top of it. */
export const createTestApp = async (options: { clock?: Clock; config?: Config } = {}): Promise<TestApp> => {
  const database = await createTestDatabase()
  try {
    // Imported at the test's "now", so revisions and publishes keep their order.
    await importContent(database.db, await loadContent(REAL_CONTENT_DIR), options.clock?.() ?? new Date())
    const app = await buildApp({ db: database, config: options.config ?? testConfig(), clock: options.clock })
    const contract = attachContractCheck(app)
    await app.ready()
    await contract.load()
    return {
      app,
      database,
      contract,
      close: async () => {
        await app.close()
        await database.close()
        // Every test file closes in afterAll, so a violation fails the file with the list.
        contract.assertClean()
      },
    }
  } catch (error) {
    await database.close()
    throw error
  }
}
