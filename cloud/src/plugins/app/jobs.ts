import fp from 'fastify-plugin'
import { pruneLoginThrottles } from '../../modules/auth/throttle'
import { OutboxDispatcher, type DispatchSummary } from '../../modules/notifications/outbox'
import { runStageReminders, type StageReminderSummary } from '../../modules/projects/reminders'
import { announceNewRequests, runSlaOnce, type SlaSummary } from '../../modules/requests/sla'
import { pruneIdempotencyKeys } from '../../modules/requests/submit'
import { pruneUnattachedUploads } from '../../modules/uploads/uploads'
import { pruneRateLimits } from './rate-limit'

declare module 'fastify' {
  interface FastifyInstance {
    /** Background work of this process; tests call the run* methods directly instead of the timer. */
    jobs: {
      /** New-request notices for requests submitted since; returns how many. */
      announce(): Promise<number>
      runSla(): Promise<SlaSummary>
      /** 项目督考: tracking for new project records, stage reminders and escalations to the 包挂领导. */
      runStageReminders(): Promise<StageReminderSummary>
      dispatchOutbox(): Promise<DispatchSummary>
      /** One full tick as the timer runs it: announcements, SLA and project stages, then notifications, then housekeeping. */
      tick(): Promise<void>
    }
  }
}

/**
 * Announces new requests, runs the SLA job and the outbox dispatcher, and deletes what has expired
 * (rate-limit windows, login throttles, idempotency keys, unattached uploads) every JOBS_INTERVAL_MS in each
 * API process (0 = off; off in tests by default). Several processes may tick at once: the jobs claim
 * rows with FOR UPDATE SKIP LOCKED. Ticks never overlap within a process, and closing the app waits for
 * the current one.
 */
export default fp(
  async (app) => {
    const dispatcher = new OutboxDispatcher(app.db, app.config, app.clock, app.wechat, app.wecom)
    const jobs = {
      announce: () => announceNewRequests(app),
      runSla: () => runSlaOnce(app),
      runStageReminders: () => runStageReminders(app),
      dispatchOutbox: () => dispatcher.runOnce(),
      tick: async () => {
        const announced = await jobs.announce()
        const sla = await jobs.runSla()
        const stages = await jobs.runStageReminders()
        const outbox = await jobs.dispatchOutbox()
        await pruneRateLimits(app.db, app.clock())
        await pruneLoginThrottles(app.db, app.clock())
        await pruneIdempotencyKeys(app.db, app.clock())
        const uploadsDeleted = await pruneUnattachedUploads(app, app.uploadStorage)
        const stageWork = stages.tracked + stages.reminded + stages.escalated
        if (announced + sla.reminded + sla.escalated + stageWork + outbox.delivered + outbox.retried + outbox.dead + uploadsDeleted > 0) {
          app.log.info({ announced, sla, stages, outbox, uploadsDeleted }, 'jobs tick')
        }
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
  { name: 'jobs', dependencies: ['context', 'database', 'content', 'wechat', 'upload-storage'] },
)
