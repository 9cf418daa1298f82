import type { RequestStatus, StaffRequestDetail } from '@/types/service'
import { STAFF_STATUS_LABELS } from './labels'

export interface StatusAction {
  status: RequestStatus
  label: string
  hint: string | null
  /** Ends or cancels the work: ask first. */
  confirm: boolean
  danger: boolean
  /** 关闭工单: staff must say why (the investor sees it). */
  needsReason: boolean
}

const HINTS: Partial<Record<RequestStatus, string>> = {
  waiting_investor: '暂停办结计时，直到企业补充材料',
  resolved: '企业将看到已办结，并可以评价',
  withdrawn: '代企业撤回，请先与企业确认',
  closed: '企业尚未评价时结束工单。请写明原因，企业会在办理进度中看到；关闭后不能再更改。',
}

/** Buttons for exactly the transitions the server allows now (detail.allowedTransitions). */
export function statusActions(detail: Pick<StaffRequestDetail, 'status' | 'allowedTransitions'>): StatusAction[] {
  return detail.allowedTransitions.map((status) => ({
    status,
    label:
      status === 'in_progress' && detail.status === 'resolved'
        ? '重新办理'
        : status === 'waiting_investor'
          ? STAFF_STATUS_LABELS.waiting_investor
          : status === 'closed'
            ? '关闭工单'
            : `改为「${STAFF_STATUS_LABELS[status]}」`,
    hint: HINTS[status] ?? null,
    confirm: status === 'withdrawn' || status === 'closed' || status === 'resolved',
    danger: status === 'withdrawn',
    needsReason: status === 'closed',
  }))
}
