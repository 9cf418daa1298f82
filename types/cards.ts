import type { Park, Policy } from './content'
import type { HomeZone, ParkCard, PolicyCard, ZoneSummary } from './content-api'
import { HOME_ZONE_FIGURES, NOT_PROVIDED, SPACE_TYPES } from './vocabulary'

// Plain functions over the contract's types (no zod): the API and the app's offline copies agree.

/** True when the policy's end date is before `today` (YYYY-MM-DD); an unknown end date never expires. */
export function isExpired(policy: Pick<Policy, 'validTo'>, today: string): boolean {
  return policy.validTo !== NOT_PROVIDED && policy.validTo < today
}

/** The one way a zone becomes its home card: its first figures, no sources or contacts. */
export function toHomeZone({ sources: _sources, contact: _contact, figures, ...zone }: ZoneSummary): HomeZone {
  return { ...zone, figures: figures.slice(0, HOME_ZONE_FIGURES) }
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

/** The one way a park becomes a card. */
export function toParkCard(park: Park, zoneName: string): ParkCard {
  return {
    id: park.id,
    zoneId: park.zoneId,
    name: park.name,
    summary: teaser(park.summary, CARD_SUMMARY_CHARS),
    featured: park.featured,
    industries: park.industries,
    headline: park.headline,
    image: park.image,
    zoneName,
    spaceTypes: SPACE_TYPES.filter((type) => park.spaces.some((space) => space.type === type)),
  }
}

/** `today` is YYYY-MM-DD in China time; a policy past its end date is marked expired. */
export function toPolicyCard(policy: Policy, zoneName: string, today: string): PolicyCard {
  return {
    id: policy.id,
    zoneId: policy.zoneId,
    title: policy.title,
    category: policy.category,
    summary: policy.summary,
    validTo: policy.validTo,
    issuer: policy.issuer,
    zoneName,
    expired: isExpired(policy, today),
  }
}
