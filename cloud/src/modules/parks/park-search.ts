import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { ParkCard, ParkListQuery } from '../../../../types/content-api'
import type { Page } from '../../../../types/common'
import { toCachedBody, type CachedBody } from '../../http/cached-body'
import type { ContentSnapshot, ParkEntry } from '../content/snapshot'

type Filter = Omit<ParkListQuery, 'cursor' | 'limit'>

export type ParkSearchResult = { page: Page<ParkCard> } | { invalidCursor: true }

const normalize = (filter: Filter) => ({
  zoneId: filter.zoneId ?? null,
  industry: filter.industry?.trim().toLowerCase() || null,
  spaceType: filter.spaceType ?? null,
  minArea: filter.minArea ?? null,
  q: filter.q?.trim().toLowerCase() || null,
})

/** Short hash of the filter, carried in the cursor so a cursor only continues the query it came from. */
const filterHash = (filter: ReturnType<typeof normalize>) =>
  createHash('sha256').update(JSON.stringify(filter)).digest('base64url').slice(0, 12)

/**
 * One page of the directory as response bytes, or null when the cursor does not belong to the query.
 * Queries that normalize alike (case, surrounding spaces) share one entry of the snapshot's bounded
 * cache, so a popular query is filtered, serialized and hashed once per content version and day.
 */
export const parkPage = (snapshot: Pick<ContentSnapshot, 'parks' | 'parkPages'>, query: ParkListQuery): CachedBody | null => {
  const key = JSON.stringify([normalize(query), query.limit, query.cursor ?? null])
  const cached = snapshot.parkPages.get(key)
  if (cached !== undefined) return cached
  const result = searchParks(snapshot.parks, query)
  const body = 'invalidCursor' in result ? null : toCachedBody(result.page)
  snapshot.parkPages.set(key, body)
  return body
}

const Cursor = z.strictObject({ o: z.number().int().min(0), f: z.string() })

export const encodeCursor = (offset: number, hash: string) =>
  Buffer.from(JSON.stringify({ o: offset, f: hash }), 'utf8').toString('base64url')

const decodeCursor = (cursor: string): z.infer<typeof Cursor> | null => {
  try {
    const parsed = Cursor.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/**
 * The park directory: filters narrow the precomputed entries (already in directory order),
 * then an offset cursor pages through them. Content is small and in memory, so a linear scan
 * with substring matching is exact and fast (Chinese has no word breaks to index on).
 */
export const searchParks = (entries: readonly ParkEntry[], query: ParkListQuery): ParkSearchResult => {
  const filter = normalize(query)
  const hash = filterHash(filter)

  let offset = 0
  if (query.cursor !== undefined) {
    const cursor = decodeCursor(query.cursor)
    if (!cursor || cursor.f !== hash) return { invalidCursor: true }
    offset = cursor.o
  }

  const matches = entries.filter((entry) => {
    if (filter.zoneId && entry.card.zoneId !== filter.zoneId) return false
    if (filter.industry && !entry.industries.some((industry) => industry.includes(filter.industry!))) return false
    if (filter.q && !entry.text.includes(filter.q)) return false
    if (filter.spaceType || filter.minArea !== null) {
      // One space must satisfy both: "a factory of at least 10000 ㎡", not "a factory, and some plot that big".
      const fits = entry.spaces.some(
        (space) =>
          (!filter.spaceType || space.type === filter.spaceType) &&
          (filter.minArea === null || (space.squareMeters !== null && space.squareMeters >= filter.minArea)),
      )
      if (!fits) return false
    }
    return true
  })

  const items = matches.slice(offset, offset + query.limit).map((entry) => entry.card)
  const next = offset + query.limit
  return {
    page: {
      items,
      nextCursor: next < matches.length ? encodeCursor(next, hash) : null,
      total: matches.length,
    },
  }
}
