import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { Page } from '../../../../types/common'
import { toCachedBody, type CachedBody } from '../../http/cached-body'
import { ApiError } from '../../http/errors'
import type { LruCache } from './lru'

// Offset cursors for the content lists (parks, policies, spaces, policy matches): a cursor carries
// a short hash of the normalized query, so it only continues the query it came from.

const Cursor = z.strictObject({ o: z.number().int().min(0), f: z.string() })

/** Short hash of a normalized query. */
export const queryHash = (normalized: unknown): string =>
  createHash('sha256').update(JSON.stringify(normalized)).digest('base64url').slice(0, 12)

export const encodeCursor = (offset: number, hash: string): string =>
  Buffer.from(JSON.stringify({ o: offset, f: hash }), 'utf8').toString('base64url')

/** The offset a cursor continues from, 0 without one, or null when it is not a cursor of this query. */
export const cursorOffset = (cursor: string | undefined, hash: string): number | null => {
  if (cursor === undefined) return 0
  try {
    const parsed = Cursor.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')))
    return parsed.success && parsed.data.f === hash ? parsed.data.o : null
  } catch {
    return null
  }
}

/** One page of `matches` from `offset`. */
export const pageAt = <T>(matches: readonly T[], offset: number, limit: number, hash: string): Page<T> => {
  const next = offset + limit
  return {
    items: matches.slice(offset, next),
    nextCursor: next < matches.length ? encodeCursor(next, hash) : null,
    total: matches.length,
  }
}

/**
 * A list answer as response bytes, from a snapshot's bounded cache: queries that normalize alike
 * share one entry, so a popular query is filtered, serialized and hashed once per content version
 * and day. `build` gets the offset (null: the cursor does not belong to the query, answered null).
 */
export const cachedPage = (
  cache: LruCache<string, CachedBody | null>,
  normalized: unknown,
  paging: { cursor?: string; limit: number },
  build: (offset: number, hash: string) => unknown,
): CachedBody | null => {
  const key = JSON.stringify([normalized, paging.limit, paging.cursor ?? null])
  const cached = cache.get(key)
  if (cached !== undefined) return cached
  const hash = queryHash(normalized)
  const offset = cursorOffset(paging.cursor, hash)
  const body = offset === null ? null : toCachedBody(build(offset, hash))
  cache.set(key, body)
  return body
}

/** 400 for a cursor that does not continue this query. */
export const invalidCursor = () =>
  new ApiError(400, 'invalid_cursor', '分页游标无效', { cursor: '游标无效或与当前筛选条件不匹配，请从第一页重新加载' })
