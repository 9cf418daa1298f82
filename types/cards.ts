import type { Chain, Park, Policy, SignedProject, Space, Zone } from './content'
import type { ChainCard, HomeZone, ParkCard, PolicyCard, SpaceCard, ZoneOption, ZoneSummary } from './content-api'
import { HOME_ZONE_FIGURES, NOT_PROVIDED, SPACE_TYPES } from './vocabulary'

// Plain functions over the contract's types (no zod): the API and the app's offline copies agree.

/** The public address of a content photo (GET /api/media/{id}); the app prefixes the API base. */
export const mediaPath = (photoId: string): string => `/api/media/${encodeURIComponent(photoId)}`

/** True when the policy's end date is before `today` (YYYY-MM-DD); an unknown end date never expires. */
export function isExpired(policy: Pick<Policy, 'validTo'>, today: string): boolean {
  return policy.validTo !== NOT_PROVIDED && policy.validTo < today
}

/** The one way a zone becomes a picker option. */
export const toZoneOption = (zone: Pick<Zone, 'id' | 'name' | 'shortName' | 'order'>): ZoneOption => ({
  id: zone.id,
  name: zone.name,
  shortName: zone.shortName,
  order: zone.order,
})

/** Zones in display order: `order`, then id. */
export const compareZones = (a: Pick<Zone, 'id' | 'order'>, b: Pick<Zone, 'id' | 'order'>): number =>
  a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** The one way a zone becomes its home card: its first figures and cover, no sources, contacts or photos. */
export function toHomeZone({ sources: _sources, contact: _contact, photos, figures, ...zone }: ZoneSummary): HomeZone {
  return { ...zone, figures: figures.slice(0, HOME_ZONE_FIGURES), cover: photos[0] ?? null }
}

/** Characters of a park's summary a card carries: its two clamped lines on a wide phone; the park page has the rest. */
export const CARD_SUMMARY_CHARS = 60

const SENTENCE_END = /[。！？；]/u

/**
 * The start of `text` in at most `max` characters (code points, so emoji stay whole): whole sentences
 * when they fill at least half of it, else a hard cut marked with an ellipsis.
 */
export function teaser(text: string, max: number): string {
  const chars = Array.from(text)
  if (chars.length <= max) return text
  for (let end = max - 1; end >= max / 2; end--) {
    if (SENTENCE_END.test(chars[end])) return chars.slice(0, end + 1).join('')
  }
  return `${chars.slice(0, max - 1).join('')}…`
}

/** The one way a park becomes a card; `spaces` are the park's listings (for their types). */
export function toParkCard(park: Park, zoneName: string, spaces: readonly Pick<Space, 'type'>[] = []): ParkCard {
  return {
    id: park.id,
    zoneId: park.zoneId,
    name: park.name,
    summary: teaser(park.summary, CARD_SUMMARY_CHARS),
    featured: park.featured,
    industries: park.industries,
    headline: park.headline,
    zoneName,
    cover: park.photos[0] ?? null,
    spaceTypes: SPACE_TYPES.filter((type) => spaces.some((space) => space.type === type)),
  }
}

/** `today` is YYYY-MM-DD in China time; a policy past its end date is marked expired. */
export function toPolicyCard(policy: Policy, zoneName: string, today: string): PolicyCard {
  return {
    id: policy.id,
    zoneId: policy.zoneId,
    title: policy.title,
    kind: policy.kind,
    category: policy.category,
    summary: policy.summary,
    validTo: policy.validTo,
    issuer: policy.issuer,
    zoneName,
    expired: isExpired(policy, today),
  }
}

export const toSpaceCard = (space: Space, zoneName: string, parkName: string | null): SpaceCard => ({ ...space, zoneName, parkName })

export const toChainCard = (chain: Chain, zoneName: string): ChainCard => ({
  id: chain.id,
  zoneId: chain.zoneId,
  zoneName,
  name: chain.name,
  summary: teaser(chain.summary, CARD_SUMMARY_CHARS),
  gaps: chain.gaps,
})

/**
 * 最新签约项目 order: projects with a known full date first, newest first; then by editorial rank
 * (higher first). Array.prototype.sort is stable, so ties keep file order.
 */
export const compareLatestProjects = (a: SignedProject, b: SignedProject): number => {
  const aDate = a.date === NOT_PROVIDED ? null : a.date
  const bDate = b.date === NOT_PROVIDED ? null : b.date
  if (aDate !== bDate) {
    if (aDate === null) return 1
    if (bDate === null) return -1
    return aDate < bDate ? 1 : -1
  }
  return b.rank - a.rank
}
