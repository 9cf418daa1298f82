import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import type { FastifyReply, FastifyRequest } from 'fastify'

/** A JSON response serialized once, with its strong ETag. */
export type CachedBody = { readonly body: Buffer; readonly etag: string; readonly gzipEtag: string }

/** Public content: browsers and CDNs may keep it a minute and serve it stale while revalidating. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600'

export const toCachedBody = (value: unknown): CachedBody => {
  const body = Buffer.from(JSON.stringify(value), 'utf8')
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27)
  return { body, etag: `"${hash}"`, gzipEtag: `"${hash}-gz"` }
}

/** If-None-Match uses weak comparison (RFC 9110 §13.1.2): W/ prefixes are ignored. */
export const etagMatches = (ifNoneMatch: string | undefined, etag: string): boolean => {
  if (!ifNoneMatch) return false
  return ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim()
    return tag === '*' || tag.replace(/^W\//, '') === etag
  })
}

/** Smaller bodies gain nothing from compression. */
const GZIP_MIN_BYTES = 1024
const gzipped = new WeakMap<CachedBody, Buffer>()

/** Compressed once per body (the snapshot's and the park-query cache's bodies are reused). */
const gzipOf = (cached: CachedBody): Buffer => {
  let body = gzipped.get(cached)
  if (!body) {
    body = gzipSync(cached.body)
    gzipped.set(cached, body)
  }
  return body
}

/** Accept-Encoding lists gzip (or *) without q=0. */
export const acceptsGzip = (acceptEncoding: string | undefined): boolean =>
  (acceptEncoding ?? '').split(',').some((entry) => {
    const [coding, ...params] = entry.split(';').map((part) => part.trim().toLowerCase())
    if (coding !== 'gzip' && coding !== '*') return false
    const q = params.find((param) => param.startsWith('q='))
    return q === undefined || Number(q.slice(2)) > 0
  })

/**
 * Sends precomputed bytes (a Buffer bypasses re-serialization), gzipped when the client accepts it
 * (JSON shrinks to a fraction, which matters on a phone's connection), or 304 when the client
 * has them. The gzip representation has its own strong ETag; either one revalidates.
 * The bytes were validated against the route's response schema when they were built.
 */
export const sendCached = (request: FastifyRequest, reply: FastifyReply, cached: CachedBody): void => {
  const gzip = cached.body.length >= GZIP_MIN_BYTES && acceptsGzip(request.headers['accept-encoding'])
  const { etag, gzipEtag } = cached
  const ifNoneMatch = request.headers['if-none-match']
  reply
    .header('cache-control', PUBLIC_CACHE_CONTROL)
    .header('vary', 'Accept-Encoding')
    .header('etag', gzip ? gzipEtag : etag)
  if (etagMatches(ifNoneMatch, etag) || etagMatches(ifNoneMatch, gzipEtag)) reply.code(304).send()
  else if (gzip) reply.type('application/json; charset=utf-8').header('content-encoding', 'gzip').send(gzipOf(cached))
  else reply.type('application/json; charset=utf-8').send(cached.body)
}
