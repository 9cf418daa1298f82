import { PROJECT_STAGE_LABELS, STAGE_STATE_LABELS, type ProjectStage, type StageState } from '@/types/project-stages'
import type { ProjectAuditEntry } from '@/types/projects'

type StageValues = {
  state?: StageState
  plannedDate?: string | null
  actualDate?: string | null
  note?: string | null
  blocker?: string | null
}

const FIELD_LABELS: Record<keyof StageValues, string> = {
  state: '状态',
  plannedDate: '计划日期',
  actualDate: '实际日期',
  note: '备注',
  blocker: '受阻原因',
}

const show = (key: keyof StageValues, value: unknown) =>
  value === null || value === undefined || value === '' ? '空' : key === 'state' ? STAGE_STATE_LABELS[value as StageState] : String(value)

/** One line per audit entry, as a person reads it: 施工许可：状态 未开始 → 进行中；计划日期 空 → 2026-12-01. */
export function describeAudit(entry: ProjectAuditEntry): string {
  const detail = entry.detail as Record<string, unknown>
  const stage = typeof detail.stage === 'string' ? PROJECT_STAGE_LABELS[detail.stage as ProjectStage] : null
  switch (entry.action) {
    case 'stage_updated': {
      const before = (detail.before ?? {}) as StageValues
      const after = (detail.after ?? {}) as StageValues
      const changes = (Object.keys(FIELD_LABELS) as (keyof StageValues)[])
        .filter((key) => before[key] !== after[key])
        .map((key) => `${FIELD_LABELS[key]} ${show(key, before[key])} → ${show(key, after[key])}`)
      return `${stage}：${changes.join('；')}`
    }
    case 'team_updated': {
      const after = (detail.after ?? {}) as { leaderName?: string | null; memberNames?: (string | null)[]; contactName?: string | null }
      return `设置包挂领导 ${after.leaderName ?? '未指定'}，专班 ${after.memberNames?.length ? after.memberNames.join('、') : '无'}，联系人 ${after.contactName ?? '无'}`
    }
    case 'review_added':
      return `记录现场评议（${String(detail.heldOn ?? '')}）`
    case 'invite_created':
      return '生成邀请码'
    case 'invite_claimed':
      return '投资方用邀请码关注了项目'
    case 'blocker_request_created':
      return `${stage}受阻转为店小二请求 ${String(detail.ticketNo ?? '')}`
    case 'stage_reminder':
      return `${stage}即将到期（${String(detail.plannedDate ?? '')}），已提醒包挂领导`
    case 'stage_overdue':
      return `${stage}已逾期（计划 ${String(detail.plannedDate ?? '')}），已升级至包挂领导`
    default:
      return entry.action
  }
}
