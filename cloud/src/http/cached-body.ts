import { createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'

/** A JSON response serialized once, with its strong ETag. */
export type CachedBody = { readonly body: Buffer; readonly etag: string }

/** Public content: browsers and CDNs may keep it a minute and serve it stale while revalidating. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600'

export const toCachedBody = (value: unknown): CachedBody => {
  const body = Buffer.from(JSON.stringify(value), 'utf8')
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` }
}

/** If-None-Match uses weak comparison (RFC 9110 §13.1.2): W/ prefixes are ignored. */
export const etagMatches = (ifNoneMatch: string | undefined, etag: string): boolean => {
  if (!ifNoneMatch) return false
  return ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim()
    return tag === '*' || tag.replace(/^W\//, '') === etag
  })
}

/**
 * Sends precomputed bytes (a Buffer bypasses re-serialization) or 304 when the client has them.
 * The bytes were validated against the route's response schema when they were built.
 */
export const sendCached = (request: FastifyRequest, reply: FastifyReply, cached: CachedBody): void => {
  reply.header('cache-control', PUBLIC_CACHE_CONTROL).header('etag', cached.etag)
  if (etagMatches(request.headers['if-none-match'], cached.etag)) reply.code(304).send()
  else reply.type('application/json; charset=utf-8').send(cached.body)
}
