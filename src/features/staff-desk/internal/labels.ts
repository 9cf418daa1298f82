import { REQUEST_STAGE_LABELS, REQUEST_STATUS_LABELS, type RequestStage, type RequestStatus } from '@/types/request-status'

/**
 * Staff see the same statuses with staff wording where the investor wording would confuse
 * (待您补充 is addressed to the investor). Lives in the subpackage: investors never need it.
 */
export const STAFF_STATUS_LABELS: Record<RequestStatus, string> = {
  ...REQUEST_STATUS_LABELS,
  waiting_investor: '等待企业补充',
}

/** The status tag's stages (已答复, 已评价…) in staff wording. */
export const STAFF_STAGE_LABELS: Record<RequestStage, string> = {
  ...REQUEST_STAGE_LABELS,
  waiting_investor: STAFF_STATUS_LABELS.waiting_investor,
}
