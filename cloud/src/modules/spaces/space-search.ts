import type { SpaceCard, SpaceListQuery } from '../../../../types/content-api'
import type { CachedBody } from '../../http/cached-body'
import type { ContentSnapshot, SpaceEntry } from '../content/snapshot'
import { cachedPage, pageAt } from '../content/paging'

const normalize = (query: SpaceListQuery) => ({
  zoneId: query.zoneId ?? null,
  parkId: query.parkId || null,
  type: query.type ?? null,
  minArea: query.minArea ?? null,
  maxArea: query.maxArea ?? null,
  available: query.available ?? false,
})

const matchingSpaces = (entries: readonly SpaceEntry[], query: SpaceListQuery): SpaceCard[] => {
  const filter = normalize(query)
  const areaFilter = filter.minArea !== null || filter.maxArea !== null
  return entries
    .filter(
      (entry) =>
        (!filter.zoneId || entry.card.zoneId === filter.zoneId) &&
        (!filter.parkId || entry.card.parkId === filter.parkId) &&
        (!filter.type || entry.card.type === filter.type) &&
        (!filter.available || entry.available) &&
        // A listing without a known area never passes an area filter.
        (!areaFilter ||
          (entry.squareMeters !== null &&
            (filter.minArea === null || entry.squareMeters >= filter.minArea) &&
            (filter.maxArea === null || entry.squareMeters <= filter.maxArea))),
    )
    .map((entry) => entry.card)
}

/** One page of space listings as response bytes, or null when the cursor does not belong to the query. */
export const spacePage = (snapshot: Pick<ContentSnapshot, 'spaces' | 'spacePages'>, query: SpaceListQuery): CachedBody | null =>
  cachedPage(snapshot.spacePages, normalize(query), query, (offset, hash) =>
    pageAt(matchingSpaces(snapshot.spaces, query), offset, query.limit, hash),
  )
