/**
 * A service request's statuses and the rules over them, in one place for the app and the API
 * (no zod: the mini-program's main package uses them). types/service.ts builds its schemas from these.
 */

export const REQUEST_STATUSES = ['new', 'accepted', 'in_progress', 'waiting_investor', 'resolved', 'closed', 'withdrawn'] as const
export type RequestStatus = (typeof REQUEST_STATUSES)[number]

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  new: '待受理',
  accepted: '已受理',
  in_progress: '办理中',
  waiting_investor: '待您补充',
  resolved: '已办结',
  // Rated by the investor, or closed by staff with a reason: requestStage tells which.
  closed: '已关闭',
  withdrawn: '已撤回',
}

/** Still being worked on: counted by the SLA clocks and the staff queues. */
export const OPEN_STATUSES = ['new', 'accepted', 'in_progress', 'waiting_investor'] as const satisfies readonly RequestStatus[]

export const isOpenStatus = (status: RequestStatus): boolean => (OPEN_STATUSES as readonly RequestStatus[]).includes(status)

/**
 * Allowed status changes. Anything else answers 409.
 * `closed` is reached by the investor's rating, or by staff closing the ticket with a reason (关闭工单);
 * a low rating sends `resolved` back to `in_progress`.
 */
export const STATUS_TRANSITIONS: Record<RequestStatus, readonly RequestStatus[]> = {
  new: ['accepted', 'withdrawn'],
  accepted: ['in_progress', 'waiting_investor', 'resolved', 'withdrawn'],
  in_progress: ['waiting_investor', 'resolved'],
  waiting_investor: ['in_progress', 'resolved'],
  resolved: ['closed', 'in_progress'],
  closed: [],
  withdrawn: [],
}
export const canTransition = (from: RequestStatus, to: RequestStatus): boolean => STATUS_TRANSITIONS[from].includes(to)

/** The investor's list filter: 进行中 / 已办结 / 全部. */
export const STATUS_GROUPS = ['open', 'done', 'all'] as const
export type StatusGroup = (typeof STATUS_GROUPS)[number]
export const STATUS_GROUP_LABELS: Record<StatusGroup, string> = { open: '进行中', done: '已办结', all: '全部' }

export const inStatusGroup = (status: RequestStatus, group: StatusGroup): boolean =>
  group === 'all' ? true : group === 'open' ? isOpenStatus(status) : !isOpenStatus(status)

/**
 * What a request's status tag says, in agreement with its timeline (the one rule, used by every tag):
 * 已答复 while the latest step is a public reply (accepted or in progress); a closed request is 已评价
 * when the investor rated it, 已关闭 when staff closed it. Everything else is its status.
 */
export const REQUEST_STAGES = [...REQUEST_STATUSES, 'replied', 'rated'] as const
export type RequestStage = (typeof REQUEST_STAGES)[number]

export const REQUEST_STAGE_LABELS: Record<RequestStage, string> = {
  ...REQUEST_STATUS_LABELS,
  replied: '已答复',
  rated: '已评价',
}

/** `latestStep`: the newest timeline entry's step, when the timeline is known (detail pages). */
export function requestStage(status: RequestStatus, facts: { rated: boolean; latestStep?: string | null }): RequestStage {
  if (status === 'closed') return facts.rated ? 'rated' : 'closed'
  if ((status === 'accepted' || status === 'in_progress') && facts.latestStep === 'replied') return 'replied'
  return status
}
