import { REQUEST_STATUS_LABELS, type RequestStatus } from '@/types/request-status'

/** The investor's list filter: 进行中 / 已办结 / 全部. */
export const STATUS_GROUPS = ['open', 'done', 'all'] as const
export type StatusGroup = (typeof STATUS_GROUPS)[number]
export const STATUS_GROUP_LABELS: Record<StatusGroup, string> = { open: '进行中', done: '已办结', all: '全部' }

const OPEN: readonly RequestStatus[] = ['new', 'accepted', 'in_progress', 'waiting_investor']

export const inStatusGroup = (status: RequestStatus, group: StatusGroup): boolean =>
  group === 'all' ? true : group === 'open' ? OPEN.includes(status) : !OPEN.includes(status)

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

export const statusLabel = (status: RequestStatus) => REQUEST_STATUS_LABELS[status]
