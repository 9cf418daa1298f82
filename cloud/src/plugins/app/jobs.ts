import fp from 'fastify-plugin'
import { OutboxDispatcher, type DispatchSummary } from '../../modules/notifications/outbox'
import { pruneIdempotencyKeys } from '../../modules/requests/submit'
import { runSlaOnce, type SlaSummary } from '../../modules/requests/sla'
import { pruneRateLimits } from './rate-limit'

declare module 'fastify' {
  interface FastifyInstance {
    /** Background work of this process; tests call the run* methods directly instead of the timer. */
    jobs: {
      runSla(): Promise<SlaSummary>
      dispatchOutbox(): Promise<DispatchSummary>
      /** One full tick as the timer runs it: SLA, then notifications, then housekeeping. */
      tick(): Promise<void>
    }
  }
}

/**
 * Runs the SLA job and the outbox dispatcher every JOBS_INTERVAL_MS in each API process (0 = off;
 * off in tests by default). Several processes may tick at once: both jobs claim rows with
 * FOR UPDATE SKIP LOCKED. Ticks never overlap within a process, and closing the app waits for
 * the current one.
 */
export default fp(
  async (app) => {
    const dispatcher = new OutboxDispatcher(app.db, app.config, app.clock, app.wechat, app.wecom)
    const jobs = {
      runSla: () => runSlaOnce(app),
      dispatchOutbox: () => dispatcher.runOnce(),
      tick: async () => {
        const sla = await jobs.runSla()
        const outbox = await jobs.dispatchOutbox()
        await pruneRateLimits(app.db, app.clock())
        await pruneIdempotencyKeys(app.db, app.clock())
        if (sla.reminded + sla.escalated + outbox.delivered + outbox.retried + outbox.dead > 0) app.log.info({ sla, outbox }, 'jobs tick')
      },
    }
    app.decorate('jobs', jobs)

    const interval = app.config.jobsIntervalMs
    if (interval <= 0) return
    let running: Promise<void> | undefined
    let timer: NodeJS.Timeout | undefined
    const schedule = () => {
      timer = setTimeout(() => {
        running = jobs
          .tick()
          .catch((error: unknown) => app.log.error({ err: error }, 'jobs tick failed'))
          .finally(() => {
            running = undefined
            if (timer) schedule()
          })
      }, interval)
      timer.unref()
    }
    app.addHook('onReady', async () => schedule())
    app.addHook('onClose', async () => {
      clearTimeout(timer)
      timer = undefined
      await running
    })
  },
  { name: 'jobs', dependencies: ['context', 'database', 'content', 'wechat'] },
)
