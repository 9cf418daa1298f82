import { sql } from 'drizzle-orm'
import { withTimeout } from '../../db/client'
import type { Deps } from '../../deps'

/** One trivial statement, given HEALTH_TIMEOUT_MS: throws when the database cannot be reached or does not answer in time. */
export const pingDatabase = async (deps: Pick<Deps, 'db' | 'config'>): Promise<void> => {
  await withTimeout(deps.db.execute(sql`select 1`), deps.config.healthTimeoutMs)
}
