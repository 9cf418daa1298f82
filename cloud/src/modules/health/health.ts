import { sql } from 'drizzle-orm'
import type { Deps } from '../../deps'

/** One trivial statement: throws when the database cannot be reached. */
export const pingDatabase = async (deps: Pick<Deps, 'db'>): Promise<void> => {
  await deps.db.execute(sql`select 1`)
}
