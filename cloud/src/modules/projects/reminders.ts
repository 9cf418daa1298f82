import { and, asc, eq, gte, isNotNull, isNull, lt, lte, ne, type SQL } from 'drizzle-orm'
import { addDays, chinaDate, chinaDayStart, DAY_MS } from '../../../../types/china-time'
import { PROJECT_STAGE_LABELS, STAGE_REMINDER_DAYS } from '../../../../types/project-stages'
import type { Db } from '../../db/client'
import { projectStages, projectTracking, staff, type StageRow } from '../../db/schema'
import type { Deps } from '../../deps'
import { zoneName } from '../content/lookup'
import { enqueueNotice } from '../notifications/outbox'
import { zoneStaff } from '../notifications/notices'
import { appendProjectAudit } from './actions'
import { ensureTracking, findProject, projectRecords } from './tracking'

const s = projectStages
const BATCH = 50

export type StageReminderSummary = { tracked: number; reminded: number; escalated: number }

/**
 * The job loop's 督考 step, in every API process: (a) creates tracking for project records that have
 * none, (b) reminds the 包挂领导 once when a stage not done is due within STAGE_REMINDER_DAYS, and
 * (c) escalates once when it is past its planned date (逾期). Stages are claimed with SELECT … FOR
 * UPDATE SKIP LOCKED and marked (reminder_sent_at / escalated_at) in the same transaction as their
 * audit entry and outbox row, so with several processes each happens exactly once per planned date
 * (a new planned date clears both marks).
 */
export const runStageReminders = async (deps: Pick<Deps, 'db' | 'config' | 'content' | 'clock'>): Promise<StageReminderSummary> => {
  const now = deps.clock()
  const today = chinaDate(now)
  const tracked = await ensureTracking(deps.db, projectRecords(deps), now)
  const open = and(ne(s.state, 'done'), isNotNull(s.plannedDate))
  const remindable = and(
    open,
    isNull(s.reminderSentAt),
    isNull(s.escalatedAt),
    gte(s.plannedDate, today),
    lte(s.plannedDate, addDays(today, STAGE_REMINDER_DAYS)),
  )
  const overdue = and(open, isNull(s.escalatedAt), lt(s.plannedDate, today))

  const reminded = await drain(deps.db, remindable, async (tx, row) => {
    await tx
      .update(s)
      .set({ reminderSentAt: now })
      .where(and(eq(s.projectId, row.projectId), eq(s.stage, row.stage)))
    await appendProjectAudit(tx, row.projectId, now, { kind: 'system' }, 'stage_reminder', {
      stage: row.stage,
      plannedDate: row.plannedDate,
    })
    await notifyStage(tx, deps, row, 'stage_reminder', now)
  })
  const escalated = await drain(deps.db, overdue, async (tx, row) => {
    await tx
      .update(s)
      .set({ escalatedAt: now })
      .where(and(eq(s.projectId, row.projectId), eq(s.stage, row.stage)))
    await appendProjectAudit(tx, row.projectId, now, { kind: 'system' }, 'stage_overdue', {
      stage: row.stage,
      plannedDate: row.plannedDate,
    })
    await notifyStage(tx, deps, row, 'stage_overdue', now)
  })
  return { tracked, reminded, escalated }
}

type Step = (tx: Db, row: StageRow) => Promise<void>

/** Claims matching stages in batches (skipping rows another process holds) until none are left. */
const drain = async (db: Db, where: SQL | undefined, step: Step): Promise<number> => {
  let done = 0
  for (;;) {
    const claimed = await db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(s)
        .where(where)
        .orderBy(asc(s.plannedDate), asc(s.projectId))
        .limit(BATCH)
        .for('update', { skipLocked: true })
      for (const row of rows) await step(tx, row)
      return rows.length
    })
    done += claimed
    if (claimed < BATCH) return done
  }
}

/** To the zone's WeCom group, naming the 包挂领导 (the zone's supervisors while the project has none). */
const notifyStage = async (
  tx: Db,
  deps: Pick<Deps, 'config' | 'content'>,
  row: StageRow,
  kind: 'stage_reminder' | 'stage_overdue',
  now: Date,
) => {
  const [tracking] = await tx
    .select({ zoneId: projectTracking.zoneId, leaderId: projectTracking.leaderId, leaderName: staff.displayName })
    .from(projectTracking)
    .leftJoin(staff, eq(staff.id, projectTracking.leaderId))
    .where(eq(projectTracking.projectId, row.projectId))
  const project = findProject(deps, row.projectId)
  const zoneId = project?.zoneId ?? tracking.zoneId
  const leader = tracking.leaderId && tracking.leaderName ? { id: tracking.leaderId, displayName: tracking.leaderName } : null
  const recipients = leader ? [leader] : await zoneStaff(tx, zoneId, ['supervisor'])
  const who = recipients.length ? recipients.map((person) => person.displayName).join('、') : '（本区暂无主管账号）'
  const planned = row.plannedDate!
  const days = Math.round((chinaDayStart(planned).getTime() - chinaDayStart(chinaDate(now)).getTime()) / DAY_MS)
  const title = kind === 'stage_reminder' ? '项目阶段即将到期' : '项目阶段逾期'
  const markdown = [
    `**${title}** ${project?.name ?? row.projectId} · ${PROJECT_STAGE_LABELS[row.stage]}`,
    `> 开发区：${zoneName(deps, zoneId)}`,
    kind === 'stage_reminder'
      ? `> 计划日期：${planned}（${days === 0 ? '今天到期' : `还有 ${days} 天`}）`
      : `> 计划日期：${planned}，已逾期 ${-days} 天`,
    leader ? `> 包挂领导：${leader.displayName}` : '> 包挂领导：未指定',
    kind === 'stage_reminder' ? `请 ${who} 督促专班按期完成。` : `已升级至 ${who}，请督办。`,
  ].join('\n')
  await enqueueNotice(tx, deps.config, now, {
    kind,
    zoneId,
    requestId: null,
    recipients: recipients.map((person) => person.id),
    markdown,
    subject: { projectId: row.projectId, stage: row.stage, plannedDate: planned },
  })
}
