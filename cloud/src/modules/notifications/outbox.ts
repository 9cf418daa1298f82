import { randomUUID } from 'node:crypto'
import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm'
import type { Config } from '../../config'
import type { Clock } from '../../clock'
import type { Db } from '../../db/client'
import { investors, outbox, OUTBOX_KINDS } from '../../db/schema'
import { UpstreamError } from '../../integrations/http'
import { WechatNotSubscribedError, type WechatClient } from '../../integrations/wechat'
import type { WecomClient } from '../../integrations/wecom'
import { notificationTargets } from '../zone-settings/settings'

type OutboxKind = (typeof OUTBOX_KINDS)[number]
type OutboxRow = typeof outbox.$inferSelect

/** To the zone's WeCom group robot: new request, near breach, breach, low rating; a project stage due or overdue; a burst of failed staff logins. */
export type StaffNotice = {
  kind: Extract<OutboxKind, 'new_request' | 'near_breach' | 'breach' | 'low_rating' | 'stage_reminder' | 'stage_overdue' | 'login_burst'>
  zoneId: string
  /** Null for notices that are not about a request (project stages: their payload names the project and stage; login_burst). */
  requestId: string | null
  /** The staff members the message is meant for (named in the text; recorded for the record). */
  recipients: string[]
  /** Markdown; never the investor's mobile number. */
  markdown: string
  /** What the notice is about when it is not a request, kept in the payload: { projectId, stage, plannedDate }. */
  subject?: Record<string, string>
}

/** To the investor as a WeChat subscribe message: staff replied, request resolved. */
export type InvestorNotice = {
  kind: Extract<OutboxKind, 'reply' | 'resolved'>
  zoneId: string
  requestId: string
  investorId: string
  investorKind: 'wechat' | 'guest'
  /** Mini-program page the message opens. */
  page: string
  ticketNo: string
  text: string
  time: string
}

const isInvestorNotice = (notice: StaffNotice | InvestorNotice): notice is InvestorNotice =>
  notice.kind === 'reply' || notice.kind === 'resolved'

/** Longest `thing` value WeChat accepts in a subscribe message. */
const THING_MAX = 20

const truncate = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`)

/**
 * Writes a notification in the caller's transaction, so it exists exactly when the change that
 * causes it commits. Channels that are not configured give a `skipped` row with the reason.
 */
export const enqueueNotice = async (tx: Db, config: Config, now: Date, notice: StaffNotice | InvestorNotice): Promise<void> => {
  const base = {
    id: randomUUID(),
    kind: notice.kind,
    zoneId: notice.zoneId,
    requestId: notice.requestId,
    nextAttemptAt: now,
    createdAt: now,
  }
  const targets = await notificationTargets(tx, config, notice.zoneId)
  if (isInvestorNotice(notice)) {
    const templateId = targets.templates[notice.kind === 'reply' ? 'reply' : 'resolved']
    const fields = config.wechat.templateFields
    const skipReason = !config.wechat.credentials
      ? 'WECHAT_APPID / WECHAT_SECRET 未配置'
      : !templateId
        ? `${notice.kind === 'reply' ? '回复' : '办结'}通知的订阅消息模板未配置`
        : notice.investorKind !== 'wechat'
          ? '访客身份（H5）没有微信 openid'
          : null
    await tx.insert(outbox).values({
      ...base,
      channel: 'wechat',
      recipients: [notice.investorId],
      payload: {
        templateId: templateId ?? null,
        page: notice.page,
        data: { [fields.ticket]: notice.ticketNo, [fields.text]: truncate(notice.text, THING_MAX), [fields.time]: notice.time },
      },
      status: skipReason ? 'skipped' : 'pending',
      lastError: skipReason,
    })
    return
  }
  await tx.insert(outbox).values({
    ...base,
    channel: 'wecom',
    recipients: notice.recipients,
    payload: { markdown: notice.markdown, ...notice.subject },
    // Sent when the zone (or the default) has a group robot, otherwise recorded as skipped with the reason.
    ...(targets.wecomWebhookUrl ? { status: 'pending', lastError: null } : { status: 'skipped', lastError: WECOM_NOT_SET }),
  })
}

const WECOM_NOT_SET = '开发区未设置企业微信群机器人'

/** Retry delay after the n-th failed attempt: 30 s, 1 min, 2 min ... capped at an hour. */
export const backoffMs = (attempts: number): number => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000)

/** How long a dispatcher owns claimed rows; longer than any send can take (calls time out after 10 s). */
const LEASE_MS = 2 * 60_000
const BATCH = 20

type Outcome = { status: 'delivered' } | { status: 'skipped'; reason: string } | { status: 'failed'; error: string }

export type DispatchSummary = { delivered: number; retried: number; dead: number; skipped: number }

/**
 * Delivers pending outbox rows. Several API processes may run it at once: rows are claimed with
 * FOR UPDATE SKIP LOCKED and leased (attempts + 1) in one short transaction, sent without holding
 * a connection, then settled. A row is delivered at most once while its sender lives; if a process
 * dies mid-send the lease runs out and another one retries it (so nothing is lost).
 */
export class OutboxDispatcher {
  constructor(
    private readonly db: Db,
    private readonly config: Config,
    private readonly clock: Clock,
    private readonly wechat: WechatClient | null,
    private readonly wecom: WecomClient,
  ) {}

  async runOnce(): Promise<DispatchSummary> {
    const summary: DispatchSummary = { delivered: 0, retried: 0, dead: 0, skipped: 0 }
    for (;;) {
      const rows = await this.claim()
      for (const row of rows) {
        const outcome = await this.deliver(row)
        summary[await this.settle(row, outcome)]++
      }
      if (rows.length < BATCH) return summary
    }
  }

  private claim(): Promise<OutboxRow[]> {
    const now = this.clock()
    return this.db.transaction(async (tx) => {
      const due = tx
        .select({ id: outbox.id })
        .from(outbox)
        .where(
          and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now), or(isNull(outbox.leaseUntil), lte(outbox.leaseUntil, now))),
        )
        .orderBy(asc(outbox.nextAttemptAt))
        .limit(BATCH)
        .for('update', { skipLocked: true })
      const ids = (await due).map((row) => row.id)
      if (ids.length === 0) return []
      return tx
        .update(outbox)
        .set({ leaseUntil: new Date(now.getTime() + LEASE_MS), attempts: sql`${outbox.attempts} + 1` })
        .where(inArray(outbox.id, ids))
        .returning()
    })
  }

  private async deliver(row: OutboxRow): Promise<Outcome> {
    try {
      if (row.channel === 'wecom') {
        const { wecomWebhookUrl } = await notificationTargets(this.db, this.config, row.zoneId)
        if (!wecomWebhookUrl) return { status: 'skipped', reason: `${WECOM_NOT_SET}（已移除）` }
        await this.wecom.sendMarkdown(wecomWebhookUrl, String(row.payload.markdown))
        return { status: 'delivered' }
      }
      const payload = row.payload as { templateId: string | null; page: string; data: Record<string, string> }
      if (!this.wechat || !payload.templateId) return { status: 'skipped', reason: '微信订阅消息已不再配置' }
      const [investor] = await this.db.select({ openid: investors.openid }).from(investors).where(eq(investors.id, row.recipients[0]))
      if (!investor?.openid) return { status: 'skipped', reason: '投资者没有微信 openid' }
      await this.wechat.sendSubscribeMessage({
        touser: investor.openid,
        templateId: payload.templateId,
        page: payload.page,
        data: payload.data,
      })
      return { status: 'delivered' }
    } catch (error) {
      if (error instanceof WechatNotSubscribedError) return { status: 'skipped', reason: error.message }
      return { status: 'failed', error: error instanceof UpstreamError ? error.message : `unexpected: ${(error as Error).message}` }
    }
  }

  private async settle(row: OutboxRow, outcome: Outcome): Promise<keyof DispatchSummary> {
    const now = this.clock()
    const mine = and(eq(outbox.id, row.id), eq(outbox.status, 'pending'))
    if (outcome.status === 'delivered') {
      await this.db.update(outbox).set({ status: 'delivered', deliveredAt: now, leaseUntil: null, lastError: null }).where(mine)
      return 'delivered'
    }
    if (outcome.status === 'skipped') {
      await this.db.update(outbox).set({ status: 'skipped', leaseUntil: null, lastError: outcome.reason }).where(mine)
      return 'skipped'
    }
    const dead = row.attempts >= this.config.outboxMaxAttempts
    await this.db
      .update(outbox)
      .set({
        status: dead ? 'dead' : 'pending',
        leaseUntil: null,
        lastError: outcome.error.slice(0, 500),
        nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts)),
      })
      .where(mine)
    return dead ? 'dead' : 'retried'
  }
}
