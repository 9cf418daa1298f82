import cors from '@fastify/cors'
import helmet from '@fastify/helmet'
import fp from 'fastify-plugin'
import type { Config } from '../config'

/** CORS for the H5 app's origin(s) and helmet's headers; CSP is for HTML pages, not this JSON API. */
export default fp<{ config: Config }>(
  async (app, { config }) => {
    await app.register(cors, {
      origin: config.corsOrigins,
      exposedHeaders: ['ETag'],
      maxAge: 600,
    })
    await app.register(helmet, {
      contentSecurityPolicy: false,
      // The H5 app and the mini-program load this API from other origins.
      crossOriginResourcePolicy: { policy: 'cross-origin' },
    })
  },
  { name: 'security' },
)
