import type { ParkCard, ParkListQuery } from '../../../../types/content-api'
import type { Page } from '../../../../types/common'
import type { CachedBody } from '../../http/cached-body'
import type { ContentSnapshot, ParkEntry } from '../content/snapshot'
import { cachedPage, cursorOffset, pageAt, queryHash } from '../content/paging'

type Filter = Omit<ParkListQuery, 'cursor' | 'limit'>

export type ParkSearchResult = { page: Page<ParkCard> } | { invalidCursor: true }

const normalize = (filter: Filter) => ({
  zoneId: filter.zoneId ?? null,
  industry: filter.industry ?? null,
  spaceType: filter.spaceType ?? null,
  minArea: filter.minArea ?? null,
  q: filter.q?.trim().toLowerCase() || null,
})

/**
 * How well a park matches free text: its own name first, then its enterprises and projects, then its
 * own summary and highlights, then zone-level text (the zone's names, and its enterprises and
 * projects that have no park, so 史丹利 finds the zone's parks). 0: no match.
 */
export const textRank = (entry: ParkEntry, q: string): number => {
  const { search } = entry
  if (search.name.includes(q)) return 4
  if (search.linked.includes(q)) return 3
  if (search.own.includes(q)) return 2
  if (search.zone.includes(q)) return 1
  return 0
}

/** One page of the directory as response bytes, or null when the cursor does not belong to the query. */
export const parkPage = (snapshot: Pick<ContentSnapshot, 'parks' | 'parkPages'>, query: ParkListQuery): CachedBody | null =>
  cachedPage(snapshot.parkPages, normalize(query), query, (offset, hash) =>
    pageAt(matchingParks(snapshot.parks, query), offset, query.limit, hash),
  )

/** The parks a query finds, best first: by text rank when there is text, then directory order. */
const matchingParks = (entries: readonly ParkEntry[], query: ParkListQuery): ParkCard[] => {
  const filter = normalize(query)
  const ranked: { entry: ParkEntry; rank: number }[] = []
  for (const entry of entries) {
    if (filter.zoneId && entry.card.zoneId !== filter.zoneId) continue
    if (filter.industry && !entry.industryIds.includes(filter.industry)) continue
    if (filter.spaceType || filter.minArea !== null) {
      // One space must satisfy both: "a factory of at least 10000 ㎡", not "a factory, and some plot that big".
      const fits = entry.spaces.some(
        (space) =>
          (!filter.spaceType || space.type === filter.spaceType) &&
          (filter.minArea === null || (space.squareMeters !== null && space.squareMeters >= filter.minArea)),
      )
      if (!fits) continue
    }
    const rank = filter.q ? textRank(entry, filter.q) : 1
    if (rank > 0) ranked.push({ entry, rank })
  }
  // Stable sort: within a rank the directory order stays.
  if (filter.q) ranked.sort((a, b) => b.rank - a.rank)
  return ranked.map(({ entry }) => entry.card)
}

/** The directory search without the response cache (tests, benchmarks). */
export const searchParks = (entries: readonly ParkEntry[], query: ParkListQuery): ParkSearchResult => {
  const hash = queryHash(normalize(query))
  const offset = cursorOffset(query.cursor, hash)
  if (offset === null) return { invalidCursor: true }
  return { page: pageAt(matchingParks(entries, query), offset, query.limit, hash) }
}
