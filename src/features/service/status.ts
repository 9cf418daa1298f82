import type { RequestStatus } from '@/types/request-status'

export type StatusTone = 'primary' | 'warning' | 'success' | 'default' | 'danger'

/** Tag colour per status: what needs attention stands out, finished states are quiet. */
export const STATUS_TONES: Record<RequestStatus, StatusTone> = {
  new: 'warning',
  accepted: 'primary',
  in_progress: 'primary',
  waiting_investor: 'danger',
  resolved: 'success',
  closed: 'default',
  withdrawn: 'default',
}
