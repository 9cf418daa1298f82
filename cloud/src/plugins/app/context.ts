import fp from 'fastify-plugin'
import { setUncoveredYearListener } from '../../../../types/working-days'
import { systemClock, type Clock } from '../../clock'
import type { Config } from '../../config'

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
    app.decorate('clock', clock ?? systemClock)
    if (typeof config.trustProxy === 'number') {
      app.log.warn(
        `TRUST_PROXY=${config.trustProxy}: X-Forwarded-For is trusted for ${config.trustProxy} hop(s) from any peer; make sure clients can reach the API only through the proxies, or list the proxies' addresses instead`,
      )
    }
    if (config.auth.usingDevSecret) {
      app.log.warn('AUTH_SECRET is not set: tokens are signed with the built-in development secret (refused in production)')
    }
    // Resolution deadlines count working days; working-days.ts reports each uncovered year once per process.
    setUncoveredYearListener((year) =>
      app.log.warn(
        { year },
        `the holiday calendar (chinese-days) does not cover ${year} yet: working days in ${year} are counted Monday–Friday; update the chinese-days package`,
      ),
    )
  },
  { name: 'context' },
)
