import type { z } from 'zod'
import type { AuditEntry } from '@/types/service'
import { REQUEST_STATUSES, type RequestStatus } from '@/types/request-status'
import { STAFF_STATUS_LABELS } from './labels'

type Entry = z.infer<typeof AuditEntry>

// Action names the API writes (cloud/src/service/requests.ts); anything unknown is shown as sent.
const ACTIONS: Record<string, string> = {
  created: '提交了请求',
  claimed: '认领了请求',
  assigned: '转交了请求',
  replied: '公开回复了企业',
  note_added: '添加了内部备注',
  status_changed: '更改了状态',
  investor_message: '补充了说明',
  rated: '评价了服务',
  escalated: '因低分评价转主管督办',
  withdrawn: '撤回了请求',
  filed_for_investor: '代企业转为请求',
}

const REASONS: Record<string, string> = {
  investor_replied: '企业已补充',
  low_rating: '低分评价',
}

const isStatus = (value: unknown): value is RequestStatus =>
  typeof value === 'string' && (REQUEST_STATUSES as readonly string[]).includes(value)
const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null)

/** One line per audit entry: 更改了状态：已受理 → 办理中 / 转交了请求（给 李四）/ 评价了服务：2 分. */
export function describeAudit(entry: Entry): string {
  const base = ACTIONS[entry.action] ?? entry.action
  const detail = entry.detail as Record<string, unknown>
  if (entry.action === 'status_changed' && isStatus(detail.to)) {
    const reason = text(detail.closeReason) ?? (text(detail.reason) ? REASONS[detail.reason as string] : undefined)
    return `${base}：${isStatus(detail.from) ? `${STAFF_STATUS_LABELS[detail.from]} → ` : ''}${STAFF_STATUS_LABELS[detail.to]}${reason ? `（${reason}）` : ''}`
  }
  if (entry.action === 'assigned' && text(detail.assigneeName)) return `${base}（给 ${detail.assigneeName as string}）`
  if (entry.action === 'escalated' && text(detail.supervisorName)) return `${base}（${detail.supervisorName as string}）`
  if (entry.action === 'rated' && typeof detail.score === 'number') return `${base}：${detail.score} 分`
  if (entry.action === 'filed_for_investor') return `${base}（${detail.from === 'survey_response' ? '来自问卷答复' : '来自项目受阻阶段'}）`
  return base
}
