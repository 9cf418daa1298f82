import type { Deps } from '../../deps'
import { ApiError, badField } from '../../http/errors'

// Names and facts of zones and parks for texts and views outside the content routes (notices,
// request views, the staff dashboard), read from the content in memory.

type Content = Pick<Deps, 'content'>

/** The zone's 监督热线 from the content, or null when the sources do not give it. */
export const supervisionHotline = (deps: Content, zoneId: string): string | null => {
  const zone = deps.content.current().zoneById.get(zoneId)
  return zone && zone.supervisionHotline !== 'not_provided' ? zone.supervisionHotline : null
}

export const zoneName = (deps: Content, zoneId: string): string => deps.content.current().zoneById.get(zoneId)?.name ?? zoneId

export const parkName = (deps: Content, parkId: string | null): string | null =>
  parkId ? (deps.content.current().parkById.get(parkId)?.card.name ?? parkId) : null

/** The zone's ticket prefix, or undefined for a zone the content does not have. */
export const ticketPrefix = (deps: Content, zoneId: string): string | undefined => deps.content.current().zoneById.get(zoneId)?.ticketPrefix

/** A zone route naming a zone the content does not have. */
export const zoneNotFound = () => new ApiError(404, 'zone_not_found', '没有找到这个开发区')

/** A query or body naming a zone the content does not have: 400 with `field: 没有这个开发区`. */
export const requireKnownZones = (deps: Content, zoneIds: Record<string, string | undefined>): void => {
  const zones = deps.content.current().zoneById
  for (const [field, zoneId] of Object.entries(zoneIds)) {
    if (zoneId !== undefined && !zones.has(zoneId)) throw badField(field, '没有这个开发区')
  }
}
