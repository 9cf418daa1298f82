import type { Db } from './client'

/** Prepared statements by database and name (a WeakMap, so a closed test database takes its own along). */
const preparedByDb = new WeakMap<Db, Map<string, unknown>>()

/**
 * A statement run on every request of its kind, built by drizzle once (`build` runs only the first
 * time) and, on PostgreSQL, parsed and planned once per connection under `name`. `build` must give the
 * same statement every time for a name: values that vary go in as placeholders.
 */
export const preparedStatement = <Prepared>(db: Db, name: string, build: () => { prepare(name: string): Prepared }): Prepared => {
  let byName = preparedByDb.get(db)
  if (!byName) preparedByDb.set(db, (byName = new Map()))
  if (!byName.has(name)) byName.set(name, build().prepare(name))
  return byName.get(name) as Prepared
}
