import fp from 'fastify-plugin'
import type { Config } from '../../config'
import type { Clock } from '../../clock'

declare module 'fastify' {
  interface FastifyInstance {
    config: Config
    /** "Now" for everything time-based (SLA deadlines, tokens, jobs): tests inject a controllable clock. */
    clock: Clock
  }
}

export default fp<{ config: Config; clock?: Clock }>(
  async (app, { config, clock }) => {
    app.decorate('config', config)
    app.decorate('clock', clock ?? (() => new Date()))
    if (config.auth.usingDevSecret) {
      app.log.warn('AUTH_SECRET is not set: tokens are signed with the built-in development secret (refused in production)')
    }
  },
  { name: 'context' },
)
