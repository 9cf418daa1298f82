import type { Deps } from '../../deps'

// Names and facts of zones and parks for texts and views outside the content routes (notices,
// request views, the staff dashboard), read from the content in memory.

type Content = Pick<Deps, 'content'>

/** The zone's 监督热线 from the content, or null when the sources do not give it. */
export const supervisionHotline = (deps: Content, zoneId: string): string | null => {
  const zone = deps.content.current().zones.find((candidate) => candidate.id === zoneId)
  return zone && zone.supervisionHotline !== 'not_provided' ? zone.supervisionHotline : null
}

export const zoneName = (deps: Content, zoneId: string): string =>
  deps.content.current().zones.find((zone) => zone.id === zoneId)?.name ?? zoneId

export const parkName = (deps: Content, parkId: string | null): string | null =>
  parkId ? (deps.content.current().parks.find((park) => park.card.id === parkId)?.card.name ?? parkId) : null
