import { REQUEST_STATUS_LABELS, type RequestStatus } from '@/types/request-status'

/**
 * Staff see the same statuses with staff wording where the investor wording would confuse
 * (待您补充 is addressed to the investor). Lives in the subpackage: investors never need it.
 */
export const STAFF_STATUS_LABELS: Record<RequestStatus, string> = {
  ...REQUEST_STATUS_LABELS,
  waiting_investor: '等待企业补充',
}
