import type { RequestStatus, StaffRequestDetail } from '@/types/service'
import { STAFF_STATUS_LABELS } from './labels'

export interface StatusAction {
  status: RequestStatus
  label: string
  hint: string | null
  /** Ends or cancels the work: ask first. */
  confirm: boolean
  danger: boolean
}

const HINTS: Partial<Record<RequestStatus, string>> = {
  waiting_investor: '暂停办结计时，直到企业补充材料',
  resolved: '企业将看到已办结，并可以评价',
  withdrawn: '代企业撤回，请先与企业确认',
  closed: '关闭后不能再更改',
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
          : `改为「${STAFF_STATUS_LABELS[status]}」`,
    hint: HINTS[status] ?? null,
    confirm: status === 'withdrawn' || status === 'closed' || status === 'resolved',
    danger: status === 'withdrawn',
  }))
}
