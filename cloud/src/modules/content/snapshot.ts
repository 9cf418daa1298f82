import { isExpired, toHomeZone, toParkCard, toPolicyCard } from '../../../../types/cards'
import type { ContentBundle, Park, Policy, SignedProject, SpaceType } from '../../../../types/content'
import { NOT_PROVIDED, ZONE_IDS } from '../../../../types/vocabulary'
import {
  HomeResponse,
  ParkDetail,
  PolicyDetail,
  ZoneDetail,
  ZoneList,
  type ParkCard,
  type PolicyCard,
  type ZoneSummary,
} from '../../../../types/content-api'
import { toSquareMeters } from '../../../../types/units'
import { toCachedBody, type CachedBody } from '../../http/cached-body'
import { LruCache } from './lru'

/** A park as the directory filters see it: its card plus precomputed, lower-cased search text. */
export type ParkEntry = {
  card: ParkCard
  /** Industries and industry chains, lower-cased. */
  industries: string[]
  spaces: { type: SpaceType; squareMeters: number | null }[]
  /** Park and zone names, industries, chains, summary, highlights, enterprise names; lower-cased. */
  text: string
}

export type PolicyEntry = { card: PolicyCard; text: string }

/**
 * Every public response for one content version on one day (`expired` depends on the date).
 * Detail and home bodies are serialized once; lists are filtered from the ordered entries.
 */
export type ContentSnapshot = {
  version: string
  today: string
  zones: ZoneSummary[]
  zoneList: CachedBody
  home: CachedBody
  zoneDetails: ReadonlyMap<string, CachedBody>
  parkDetails: ReadonlyMap<string, CachedBody>
  policyDetails: ReadonlyMap<string, CachedBody>
  /** Directory order: featured first, then zone order, then park order. */
  parks: ParkEntry[]
  /** Current policies first, then zone order, then file order. */
  policies: PolicyEntry[]
  /**
   * /api/parks answers per normalized query (null: the cursor does not belong to the query), filled on
   * demand. It lives and dies with this snapshot, so a new content version or day starts it empty.
   */
  parkPages: LruCache<string, CachedBody | null>
}

/** Distinct /api/parks queries kept per snapshot (each a page of at most 50 cards). */
export const PARK_PAGE_CACHE_SIZE = 256

const HOME_PROJECTS = 6
const HOME_POLICIES = 6

const zoneRank = (zoneId: string) => ZONE_IDS.indexOf(zoneId as (typeof ZONE_IDS)[number])

/** validTo is a date before today (both YYYY-MM-DD, so string order is date order). */

const byRank = (a: SignedProject, b: SignedProject) => b.rank - a.rank

/** Sort by the given keys in turn; Array.prototype.sort is stable, so file order breaks ties. */
const sortedBy = <T>(items: readonly T[], ...keys: ((item: T) => number)[]): T[] =>
  [...items].sort((a, b) => {
    for (const key of keys) {
      const diff = key(a) - key(b)
      if (diff !== 0) return diff
    }
    return 0
  })

export const buildSnapshot = (bundle: ContentBundle, version: string, today: string): ContentSnapshot => {
  const zonesInOrder = sortedBy(bundle.zones, (zone) => zoneRank(zone.id))
  const zoneById = new Map(zonesInOrder.map((zone) => [zone.id, zone]))
  const zoneName = (zoneId: string) => {
    const zone = zoneById.get(zoneId as (typeof ZONE_IDS)[number])
    if (!zone) throw new Error(`content references unknown zone ${zoneId}`)
    return zone.name
  }

  const summaries: ZoneSummary[] = zonesInOrder.map((zone) => ({
    ...zone,
    parkCount: bundle.parks.filter((park) => park.zoneId === zone.id).length,
  }))
  const summaryById = new Map(summaries.map((summary) => [summary.id, summary]))
  const summaryOf = (zoneId: string) => summaryById.get(zoneId as (typeof ZONE_IDS)[number])!

  // Natural order (zone, then park order) for grouped views; the directory puts featured parks first.
  const parksInOrder = sortedBy(
    bundle.parks,
    (park) => zoneRank(park.zoneId),
    (park) => park.order,
  )
  const cardOf = (park: Park): ParkCard => toParkCard(park, zoneName(park.zoneId))
  const cards = new Map(parksInOrder.map((park) => [park.id, cardOf(park)]))

  const policiesInOrder = sortedBy(
    bundle.policies,
    (policy) => (isExpired(policy, today) ? 1 : 0),
    (policy) => zoneRank(policy.zoneId),
  )
  const policyCardOf = (policy: Policy): PolicyCard => toPolicyCard(policy, zoneName(policy.zoneId), today)
  const policyCards = policiesInOrder.map(policyCardOf)
  const projectsByRank = [...bundle.signedProjects].sort(byRank)

  const zoneDetails = new Map(
    zonesInOrder.map((zone) => [
      zone.id,
      toCachedBody(
        ZoneDetail.parse({
          zone: summaryOf(zone.id),
          parks: parksInOrder.filter((park) => park.zoneId === zone.id).map((park) => cards.get(park.id)!),
          serviceCommitments: bundle.serviceCommitments.filter((commitment) => commitment.zoneId === zone.id),
          policies: policyCards.filter((card) => card.zoneId === zone.id),
          signedProjects: projectsByRank.filter((project) => project.zoneId === zone.id),
        }),
      ),
    ]),
  )

  const parkDetails = new Map(
    parksInOrder.map((park) => [
      park.id,
      toCachedBody(
        ParkDetail.parse({
          park,
          zone: summaryOf(park.zoneId),
          enterprises: bundle.enterprises.filter((enterprise) => enterprise.parkId === park.id),
          signedProjects: projectsByRank.filter((project) => project.parkId === park.id),
          serviceCommitments: bundle.serviceCommitments.filter((commitment) => commitment.zoneId === park.zoneId),
          policies: policiesInOrder
            .filter((policy) => policy.zoneId === park.zoneId && (policy.parkIds.length === 0 || policy.parkIds.includes(park.id)))
            .map(policyCardOf),
        }),
      ),
    ]),
  )

  const policyDetails = new Map(
    bundle.policies.map((policy) => [
      policy.id,
      toCachedBody(PolicyDetail.parse({ policy, zone: summaryOf(policy.zoneId), expired: isExpired(policy, today) })),
    ]),
  )

  const allCards = [...cards.values()]
  const home = toCachedBody(
    HomeResponse.parse({
      zones: summaries.map(toHomeZone),
      parks: allCards,
      latestProjects: projectsByRank.slice(0, HOME_PROJECTS),
      policyHighlights: policyCards.slice(0, HOME_POLICIES),
      version,
    }),
  )

  const lower = (values: string[]) => values.map((value) => value.toLowerCase())
  const parkEntries: ParkEntry[] = sortedBy(parksInOrder, (park) => (park.featured ? 0 : 1)).map((park) => {
    const zone = zoneById.get(park.zoneId)!
    const enterpriseNames = bundle.enterprises.filter((enterprise) => enterprise.parkId === park.id).map((enterprise) => enterprise.name)
    return {
      card: cards.get(park.id)!,
      industries: lower([...park.industries, ...park.industryChains]),
      spaces: park.spaces.map((space) => ({
        type: space.type,
        squareMeters: space.area === NOT_PROVIDED ? null : toSquareMeters(space.area),
      })),
      text: lower([
        park.name,
        zone.name,
        zone.shortName,
        ...park.industries,
        ...park.industryChains,
        park.summary,
        ...park.highlights,
        ...enterpriseNames,
      ]).join('\n'),
    }
  })

  const policyEntries: PolicyEntry[] = policiesInOrder.map((policy, index) => ({
    card: policyCards[index],
    text: lower([
      policy.title,
      policy.summary,
      zoneName(policy.zoneId),
      ...[policy.eligibility, policy.benefits, policy.issuer].filter((text) => text !== NOT_PROVIDED),
    ]).join('\n'),
  }))

  return {
    version,
    today,
    zones: summaries,
    zoneList: toCachedBody(ZoneList.parse({ items: summaries })),
    home,
    zoneDetails,
    parkDetails,
    policyDetails,
    parks: parkEntries,
    policies: policyEntries,
    parkPages: new LruCache(PARK_PAGE_CACHE_SIZE),
  }
}
