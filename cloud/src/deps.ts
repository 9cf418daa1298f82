import type { Clock } from './clock'
import type { Config } from './config'
import type { Db } from './db/client'
import type { TokenSigner } from './modules/auth/tokens'
import type { ContentStore } from './modules/content/store'

/** What module functions need from the app; the Fastify instance provides all of it. */
export type Deps = {
  db: Db
  config: Config
  clock: Clock
  content: ContentStore
  tokens: TokenSigner
}

/** The same dependencies with queries going to `db` (a transaction): the Fastify instance's decorations are not own properties, so spreading it loses them. */
export const withDb = (deps: Deps, db: Db): Deps => ({
  db,
  config: deps.config,
  clock: deps.clock,
  content: deps.content,
  tokens: deps.tokens,
})
