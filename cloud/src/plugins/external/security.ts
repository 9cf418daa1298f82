import cors from '@fastify/cors'
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet'
import Fastify from 'fastify'
import fp from 'fastify-plugin'
import type { Config } from '../../config'

/** CSP is for HTML pages, not this JSON API; the H5 app and the mini-program load it from other origins. */
export const HELMET_OPTIONS: FastifyHelmetOptions = {
  contentSecurityPolicy: false,
  crossOriginResourcePolicy: { policy: 'cross-origin' },
}

/** Headers every response carries anyway, whoever sets them: not helmet's. */
const NOT_HELMET = new Set(['date', 'connection', 'keep-alive', 'content-length', 'content-type', 'transfer-encoding'])

/**
 * The headers helmet sends with these options, found once by asking helmet itself (a throwaway app,
 * one injected request). Without CSP nonces helmet's headers are the same for every response, while
 * @fastify/helmet rebuilds helmet's middleware chain and runs two async hooks on every request.
 */
export const captureHelmetHeaders = async (options: FastifyHelmetOptions = HELMET_OPTIONS): Promise<Readonly<Record<string, string>>> => {
  const probe = Fastify({ logger: false })
  try {
    await probe.register(helmet, options)
    probe.get('/', (_request, reply) => {
      reply.code(204).send()
    })
    const response = await probe.inject({ method: 'GET', url: '/' })
    return Object.freeze(
      Object.fromEntries(
        Object.entries(response.headers)
          .filter(([name, value]) => !NOT_HELMET.has(name) && typeof value === 'string')
          .map(([name, value]) => [name, value as string]),
      ),
    )
  } finally {
    await probe.close()
  }
}

/**
 * CORS for the H5 app's origin(s) (preflight included) and helmet's security headers on every
 * response, 404s and errors included: set from one precomputed object in one synchronous hook.
 */
export default fp<{ config: Config }>(
  async (app, { config }) => {
    await app.register(cors, {
      origin: config.corsOrigins,
      // @fastify/cors allows only GET, HEAD and POST unless told: the staff desk also PUTs (project stages, teams, surveys).
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'],
      exposedHeaders: ['ETag'],
      maxAge: 600,
    })
    const headers = await captureHelmetHeaders()
    app.addHook('onRequest', (_request, reply, done) => {
      reply.headers(headers)
      done()
    })
  },
  { name: 'security' },
)
