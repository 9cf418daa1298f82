import { sql } from 'drizzle-orm'
import { withTimeout } from '../../db/client'
import type { Deps } from '../../deps'
import type { UploadStorage } from '../uploads/storage'

/** One trivial statement, given HEALTH_TIMEOUT_MS: throws when the database cannot be reached or does not answer in time. */
export const pingDatabase = async (deps: Pick<Deps, 'db' | 'config'>): Promise<void> => {
  await withTimeout(deps.db.execute(sql`select 1`), deps.config.healthTimeoutMs)
}

/** How long a probe of the upload store counts (health checks come often; each probe writes a file). */
const STORE_PROBE_TTL_MS = 10_000

/** Probes the upload store at most every STORE_PROBE_TTL_MS; rejects while it cannot be written. */
export const uploadStoreProbe = (storage: UploadStorage, now: () => number = Date.now) => {
  let last: { at: number; result: Promise<void> } | undefined
  return (): Promise<void> => {
    if (!last || now() - last.at >= STORE_PROBE_TTL_MS) {
      const result = storage.probe()
      result.catch(() => undefined)
      last = { at: now(), result }
    }
    return last.result
  }
}
