import {
  compareLatestProjects,
  compareZones,
  isExpired,
  toChainCard,
  toHomeZone,
  toParkCard,
  toPolicyCard,
  toSpaceCard,
  toZoneOption,
} from '../../../../types/cards'
import type {
  Chain,
  ContentBundle,
  Enterprise,
  Park,
  Policy,
  ServiceCommitment,
  SignedProject,
  Space,
  SpaceType,
} from '../../../../types/content'
import {
  ChainDetail,
  HomeResponse,
  ParkDetail,
  PolicyDetail,
  SpaceDetail,
  ZoneDetail,
  ZoneOptionList,
  type ChainCard,
  type ParkCard,
  type PolicyCard,
  type SpaceCard,
  type ZoneSummary,
} from '../../../../types/content-api'
import { industriesOfAll, type IndustryId } from '../../../../types/industries'
import {
  AVAILABLE_SPACE_STATES,
  HOME_FEATURED_PARKS,
  HOME_LATEST_PROJECTS,
  HOME_POLICY_HIGHLIGHTS,
  HOME_ZONE_CARDS,
  NOT_PROVIDED,
} from '../../../../types/vocabulary'
import { toSquareMeters } from '../../../../types/units'
import { toCachedBody, type CachedBody } from '../../http/cached-body'
import { LruCache } from './lru'

/**
 * A park as the directory filters and ranks it: its card, its industries in the curated list, its
 * listings' types and areas, and lower-cased search text by rank (see parks/park-search.ts).
 */
export type ParkEntry = {
  card: ParkCard
  park: Park
  industryIds: IndustryId[]
  spaces: { type: SpaceType; squareMeters: number | null }[]
  search: {
    /** The park's own name. */
    name: string
    /** Names of its enterprises and projects (and their partners). */
    linked: string
    /** Its summary, highlights, industries and chains. */
    own: string
    /** Zone-level text: the zone's names and its enterprises and projects that have no park. */
    zone: string
  }
}

export type PolicyEntry = { card: PolicyCard; policy: Policy; search: { title: string; text: string } }

export type SpaceEntry = { card: SpaceCard; space: Space; squareMeters: number | null; available: boolean }

/** Statuses that count as 签约 for 最新签约项目 (not those still negotiating or about to sign). */
const SIGNED_STATUSES: ReadonlySet<SignedProject['status']> = new Set([
  'signed',
  'registered',
  'about_to_start',
  'under_construction',
  'in_production',
])

/** Details built on demand, at most this many of each kind kept per snapshot. */
export const DETAIL_CACHE_SIZE = 512
/** Distinct list queries (parks, policies, spaces, matches) kept per snapshot. */
export const PAGE_CACHE_SIZE = 256

/**
 * Every public response for one content version on one China day (`expired` depends on the date).
 * Lists and indexes are built up front (cheaply, in chunks: see buildSnapshotSteps); details are
 * built and serialized on first request and kept in bounded caches that live and die with the
 * snapshot, so a new version or day starts them empty.
 */
export type ContentSnapshot = {
  version: string
  today: string
  /** The validated records this snapshot was built from. */
  bundle: ContentBundle
  /** Zones in display order (`order`, then id). */
  zones: ZoneSummary[]
  zoneById: ReadonlyMap<string, ZoneSummary>
  zoneList: CachedBody
  home: CachedBody
  /** Directory order: featured first, then zone order, then park order. */
  parks: ParkEntry[]
  parkById: ReadonlyMap<string, ParkEntry>
  /** Current policies first, then zone order, then file order. */
  policies: PolicyEntry[]
  policyById: ReadonlyMap<string, PolicyEntry>
  /** Zone order, park order, then file order. */
  spaces: SpaceEntry[]
  spaceById: ReadonlyMap<string, SpaceEntry>
  /** Zone order, then file order. */
  chains: ChainCard[]
  chainById: ReadonlyMap<string, Chain>
  /** Photos published content shows (GET /api/media/{id} serves these to anyone). */
  photoIds: ReadonlySet<string>
  zoneDetail(id: string): CachedBody | undefined
  parkDetail(id: string): CachedBody | undefined
  policyDetail(id: string): CachedBody | undefined
  spaceDetail(id: string): CachedBody | undefined
  chainDetail(id: string): CachedBody | undefined
  /** Answers per normalized query, filled on demand (null: the cursor does not belong to the query). */
  parkPages: LruCache<string, CachedBody | null>
  policyPages: LruCache<string, CachedBody | null>
  spacePages: LruCache<string, CachedBody | null>
  matchPages: LruCache<string, CachedBody | null>
  /** Small answers keyed by their query (chains per zone, industries per zone). */
  lists: LruCache<string, CachedBody>
}

/** Records per step between yields of buildSnapshotSteps. */
const STEP_RECORDS = 500

const groupBy = <T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> => {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const value = key(item)
    if (value === null) continue
    const group = groups.get(value)
    if (group) group.push(item)
    else groups.set(value, [item])
  }
  return groups
}

/** Sort by the given keys in turn; Array.prototype.sort is stable, so file order breaks ties. */
const sortedBy = <T>(items: readonly T[], ...keys: ((item: T) => number)[]): T[] =>
  [...items].sort((a, b) => {
    for (const key of keys) {
      const diff = key(a) - key(b)
      if (diff !== 0) return diff
    }
    return 0
  })

const lower = (values: readonly string[]) => values.join('\n').toLowerCase()

/** A cache that builds a missing entry with `build` (undefined: no such record, not cached). */
const detailCache = (build: (id: string) => CachedBody | undefined) => {
  const cache = new LruCache<string, CachedBody>(DETAIL_CACHE_SIZE)
  return (id: string): CachedBody | undefined => {
    const hit = cache.get(id)
    if (hit) return hit
    const built = build(id)
    if (built) cache.set(id, built)
    return built
  }
}

/**
 * Builds a snapshot in steps: the generator yields after every few hundred records so a caller can
 * give the event loop a turn (buildSnapshotAsync), and returns the snapshot.
 */
export function* buildSnapshotSteps(bundle: ContentBundle, version: string, today: string): Generator<void, ContentSnapshot, void> {
  let work = 0
  const tick = function* () {
    if (++work % STEP_RECORDS === 0) yield
  }

  const zonesInOrder = [...bundle.zones].sort(compareZones)
  const zoneRank = new Map(zonesInOrder.map((zone, index) => [zone.id, index]))
  const rankOf = (zoneId: string) => zoneRank.get(zoneId) ?? Number.MAX_SAFE_INTEGER

  const parksByZone = groupBy(
    sortedBy(
      bundle.parks,
      (park) => rankOf(park.zoneId),
      (park) => park.order,
    ),
    (park) => park.zoneId,
  )
  const spacesInOrder = sortedBy(bundle.spaces, (space) => rankOf(space.zoneId))
  const spacesByZone = groupBy(spacesInOrder, (space) => space.zoneId)
  const spacesByPark = groupBy(spacesInOrder, (space) => space.parkId)
  const enterprisesByZone = groupBy(bundle.enterprises, (enterprise) => enterprise.zoneId)
  const enterprisesByPark = groupBy(bundle.enterprises, (enterprise) => enterprise.parkId)
  const projectsInOrder = [...bundle.signedProjects].sort(compareLatestProjects)
  const projectsByZone = groupBy(projectsInOrder, (project) => project.zoneId)
  const projectsByPark = groupBy(projectsInOrder, (project) => project.parkId)
  const commitmentsByZone = groupBy(bundle.serviceCommitments, (commitment) => commitment.zoneId)
  yield

  const summaries: ZoneSummary[] = []
  for (const zone of zonesInOrder) {
    summaries.push({
      ...zone,
      parkCount: parksByZone.get(zone.id)?.length ?? 0,
      spaceCount: spacesByZone.get(zone.id)?.length ?? 0,
    })
    yield* tick()
  }
  const zoneById = new Map(summaries.map((summary) => [summary.id, summary]))
  const zoneName = (zoneId: string) => zoneById.get(zoneId)?.name ?? zoneId

  // Parks: cards and search entries, in natural order (zone, then park order).
  const parkEntriesInOrder: ParkEntry[] = []
  for (const zone of zonesInOrder) {
    const zoneLevel = [
      zone.name,
      zone.shortName,
      ...(enterprisesByZone.get(zone.id) ?? []).filter((enterprise) => enterprise.parkId === null).map((enterprise) => enterprise.name),
      ...(projectsByZone.get(zone.id) ?? [])
        .filter((project) => project.parkId === null)
        .flatMap((project) => [project.name, project.partner === NOT_PROVIDED ? '' : project.partner]),
    ]
    const zoneText = lower(zoneLevel.filter(Boolean))
    for (const park of parksByZone.get(zone.id) ?? []) {
      const spaces = spacesByPark.get(park.id) ?? []
      const linked = [
        ...(enterprisesByPark.get(park.id) ?? []).map((enterprise) => enterprise.name),
        ...(projectsByPark.get(park.id) ?? []).flatMap((project) => [
          project.name,
          project.partner === NOT_PROVIDED ? '' : project.partner,
        ]),
      ]
      parkEntriesInOrder.push({
        card: toParkCard(park, zone.name, spaces),
        park,
        industryIds: industriesOfAll(park.industries),
        spaces: spaces.map((space) => ({
          type: space.type,
          squareMeters: space.area === NOT_PROVIDED ? null : toSquareMeters(space.area),
        })),
        search: {
          name: park.name.toLowerCase(),
          linked: lower(linked.filter(Boolean)),
          own: lower([park.summary, ...park.highlights, ...park.industries, ...park.industryChains]),
          zone: zoneText,
        },
      })
      yield* tick()
    }
  }
  const parkById = new Map(parkEntriesInOrder.map((entry) => [entry.card.id, entry]))
  const parkEntries = sortedBy(parkEntriesInOrder, (entry) => (entry.card.featured ? 0 : 1))
  const parkCardsByZone = groupBy(
    parkEntriesInOrder.map((entry) => entry.card),
    (card) => card.zoneId,
  )

  // Policies: current first, then zone order, then file order.
  const policiesInOrder = sortedBy(
    bundle.policies,
    (policy) => (isExpired(policy, today) ? 1 : 0),
    (policy) => rankOf(policy.zoneId),
  )
  const policyEntries: PolicyEntry[] = []
  for (const policy of policiesInOrder) {
    policyEntries.push({
      card: toPolicyCard(policy, zoneName(policy.zoneId), today),
      policy,
      search: {
        title: policy.title.toLowerCase(),
        text: lower([
          policy.summary,
          zoneName(policy.zoneId),
          ...[policy.eligibility, policy.benefits, policy.issuer, policy.documentNumber].filter((text) => text !== NOT_PROVIDED),
        ]),
      },
    })
    yield* tick()
  }
  const policyById = new Map(policyEntries.map((entry) => [entry.card.id, entry]))
  const policyCardsByZone = groupBy(
    policyEntries.map((entry) => entry.card),
    (card) => card.zoneId,
  )
  const policyCardsForPark = (park: Park) =>
    (policyCardsByZone.get(park.zoneId) ?? []).filter((card) => {
      const { parkIds } = policyById.get(card.id)!.policy
      return parkIds.length === 0 || parkIds.includes(park.id)
    })

  const spaceEntries: SpaceEntry[] = []
  for (const space of spacesInOrder) {
    spaceEntries.push({
      card: toSpaceCard(space, zoneName(space.zoneId), space.parkId ? (parkById.get(space.parkId)?.card.name ?? null) : null),
      space,
      squareMeters: space.area === NOT_PROVIDED ? null : toSquareMeters(space.area),
      available: space.availability !== NOT_PROVIDED && AVAILABLE_SPACE_STATES.includes(space.availability),
    })
    yield* tick()
  }
  const spaceById = new Map(spaceEntries.map((entry) => [entry.card.id, entry]))
  const spaceCardsOf = (spaces: readonly Space[]) => spaces.map((space) => spaceById.get(space.id)!.card)

  const chainsInOrder = sortedBy(bundle.chains, (chain) => rankOf(chain.zoneId))
  const chainCards = chainsInOrder.map((chain) => toChainCard(chain, zoneName(chain.zoneId)))
  const chainById = new Map(chainsInOrder.map((chain) => [chain.id, chain]))
  const chainCardsByZone = groupBy(chainCards, (card) => card.zoneId)
  const chainCardsByPark = new Map<string, ChainCard[]>()
  chainsInOrder.forEach((chain, index) => {
    for (const parkId of chain.parkIds) chainCardsByPark.set(parkId, [...(chainCardsByPark.get(parkId) ?? []), chainCards[index]])
  })
  yield

  const signedProjects = projectsInOrder.filter((project) => SIGNED_STATUSES.has(project.status))
  const home = toCachedBody(
    HomeResponse.parse({
      zones: summaries.slice(0, HOME_ZONE_CARDS).map(toHomeZone),
      zoneCount: summaries.length,
      featuredParks: parkEntriesInOrder
        .filter((entry) => entry.card.featured)
        .slice(0, HOME_FEATURED_PARKS)
        .map((entry) => entry.card),
      parkCount: bundle.parks.length,
      spaceCount: bundle.spaces.length,
      latestProjects: signedProjects.slice(0, HOME_LATEST_PROJECTS),
      policyHighlights: policyEntries
        .filter((entry) => entry.card.kind === 'support')
        .slice(0, HOME_POLICY_HIGHLIGHTS)
        .map((entry) => entry.card),
      version,
    }),
  )
  const zoneList = toCachedBody(ZoneOptionList.parse({ items: summaries.map(toZoneOption) }))
  yield

  const byIds = <T extends { id: string }>(records: readonly T[] | undefined, ids: readonly string[]) => {
    const wanted = new Set(ids)
    return (records ?? []).filter((record) => wanted.has(record.id))
  }
  const commitmentsOf = (zoneId: string): ServiceCommitment[] => commitmentsByZone.get(zoneId) ?? []
  const enterprisesOfZone = (zoneId: string): Enterprise[] => enterprisesByZone.get(zoneId) ?? []

  const photoIds = new Set([...bundle.zones, ...bundle.parks, ...bundle.spaces].flatMap((record) => record.photos.map((photo) => photo.id.toLowerCase())))

  return {
    version,
    today,
    bundle,
    photoIds,
    zones: summaries,
    zoneById,
    zoneList,
    home,
    parks: parkEntries,
    parkById,
    policies: policyEntries,
    policyById,
    spaces: spaceEntries,
    spaceById,
    chains: chainCards,
    chainById,
    zoneDetail: detailCache((id) => {
      const zone = zoneById.get(id)
      if (!zone) return undefined
      return toCachedBody(
        ZoneDetail.parse({
          zone,
          parks: parkCardsByZone.get(id) ?? [],
          spaces: spaceCardsOf(spacesByZone.get(id) ?? []),
          projects: projectsByZone.get(id) ?? [],
          enterprises: enterprisesOfZone(id),
          serviceCommitments: commitmentsOf(id),
          policies: policyCardsByZone.get(id) ?? [],
          chains: chainCardsByZone.get(id) ?? [],
        }),
      )
    }),
    parkDetail: detailCache((id) => {
      const entry = parkById.get(id)
      if (!entry) return undefined
      const { park } = entry
      return toCachedBody(
        ParkDetail.parse({
          park,
          zone: zoneById.get(park.zoneId)!,
          spaces: spaceCardsOf(spacesByPark.get(id) ?? []),
          enterprises: enterprisesByPark.get(id) ?? [],
          signedProjects: projectsByPark.get(id) ?? [],
          serviceCommitments: commitmentsOf(park.zoneId),
          policies: policyCardsForPark(park),
          chains: chainCardsByPark.get(id) ?? [],
        }),
      )
    }),
    policyDetail: detailCache((id) => {
      const entry = policyById.get(id)
      if (!entry) return undefined
      return toCachedBody(
        PolicyDetail.parse({ policy: entry.policy, zone: zoneById.get(entry.policy.zoneId)!, expired: entry.card.expired }),
      )
    }),
    spaceDetail: detailCache((id) => {
      const entry = spaceById.get(id)
      if (!entry) return undefined
      const { space } = entry
      return toCachedBody(
        SpaceDetail.parse({
          space,
          zone: toZoneOption(zoneById.get(space.zoneId)!),
          park: space.parkId ? (parkById.get(space.parkId)?.card ?? null) : null,
        }),
      )
    }),
    chainDetail: detailCache((id) => {
      const chain = chainById.get(id)
      if (!chain) return undefined
      return toCachedBody(
        ChainDetail.parse({
          chain,
          zone: toZoneOption(zoneById.get(chain.zoneId)!),
          parks: chain.parkIds.flatMap((parkId) => {
            const card = parkById.get(parkId)?.card
            return card ? [card] : []
          }),
          policies: chain.policyIds.flatMap((policyId) => {
            const card = policyById.get(policyId)?.card
            return card ? [card] : []
          }),
          projects: byIds(projectsByZone.get(chain.zoneId), chain.projectIds),
          spaces: chain.spaceIds.flatMap((spaceId) => {
            const card = spaceById.get(spaceId)?.card
            return card ? [card] : []
          }),
          enterprises: byIds(enterprisesOfZone(chain.zoneId), chain.ownerEnterpriseIds),
        }),
      )
    }),
    parkPages: new LruCache(PAGE_CACHE_SIZE),
    policyPages: new LruCache(PAGE_CACHE_SIZE),
    spacePages: new LruCache(PAGE_CACHE_SIZE),
    matchPages: new LruCache(PAGE_CACHE_SIZE),
    lists: new LruCache(PAGE_CACHE_SIZE),
  }
}

/** The whole build at once (tests, and the first load before the API listens). */
export const buildSnapshot = (bundle: ContentBundle, version: string, today: string): ContentSnapshot => {
  const steps = buildSnapshotSteps(bundle, version, today)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/** The build in steps with an event-loop turn between them, so requests keep being answered meanwhile. */
export const buildSnapshotAsync = async (bundle: ContentBundle, version: string, today: string): Promise<ContentSnapshot> => {
  const steps = buildSnapshotSteps(bundle, version, today)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
    await nextTurn()
  }
}
