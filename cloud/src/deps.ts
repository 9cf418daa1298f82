import type { TokenSigner } from './modules/auth/tokens'
import type { Config } from './config'
import type { Clock, ContentStore } from './modules/content/store'
import type { Db } from './db/client'
import type { serviceRequests } from './db/schema'

/** What the service functions need from the app (the Fastify instance provides all of it). */
export type ServiceDeps = {
  db: Db
  config: Config
  clock: Clock
  content: ContentStore
  tokens: TokenSigner
}

export type RequestRow = typeof serviceRequests.$inferSelect

/** A transaction handle; it has the whole query API of Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

/** The zone's 监督热线 from the content, or null when the sources do not give it. */
export const supervisionHotline = (deps: Pick<ServiceDeps, 'content'>, zoneId: string): string | null => {
  const zone = deps.content.current().zones.find((candidate) => candidate.id === zoneId)
  return zone && zone.supervisionHotline !== 'not_provided' ? zone.supervisionHotline : null
}

export const zoneName = (deps: Pick<ServiceDeps, 'content'>, zoneId: string): string =>
  deps.content.current().zones.find((zone) => zone.id === zoneId)?.name ?? zoneId

export const parkName = (deps: Pick<ServiceDeps, 'content'>, parkId: string | null): string | null =>
  parkId ? (deps.content.current().parks.find((park) => park.card.id === parkId)?.card.name ?? parkId) : null
