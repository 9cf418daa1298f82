/** The 24-hour first-response promise, as a state and as text. Pure: callers pass `now`. */

const MINUTE = 60 * 1000
const HOUR = 60 * MINUTE

/** Under this much time left the deadline shows amber. */
export const DUE_SOON_MS = 2 * HOUR

export type DeadlineTone = 'normal' | 'warning' | 'danger' | 'done'

export type FirstResponseState =
  | { kind: 'answered'; at: string }
  | { kind: 'pending'; remainingMs: number; dueSoon: boolean }
  | { kind: 'overdue'; overdueMs: number }
  /** Withdrawn before an answer: no clock any more. */
  | { kind: 'stopped' }

export function firstResponseState(
  request: { firstResponseDueAt: string; firstRespondedAt: string | null; status: string },
  now: number,
): FirstResponseState {
  if (request.firstRespondedAt) return { kind: 'answered', at: request.firstRespondedAt }
  if (request.status === 'withdrawn') return { kind: 'stopped' }
  const left = Date.parse(request.firstResponseDueAt) - now
  if (left > 0) return { kind: 'pending', remainingMs: left, dueSoon: left <= DUE_SOON_MS }
  return { kind: 'overdue', overdueMs: -left }
}

/** Rough human duration: 2天3小时, 5小时12分, 12分钟, 不到1分钟. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / MINUTE))
  if (total < 1) return '不到1分钟'
  const days = Math.floor(total / (24 * 60))
  const hours = Math.floor((total % (24 * 60)) / 60)
  const minutes = total % 60
  if (days > 0) return hours > 0 ? `${days}天${hours}小时` : `${days}天`
  if (hours > 0) return minutes > 0 ? `${hours}小时${minutes}分` : `${hours}小时`
  return `${minutes}分钟`
}

/** A ticking clock for the live countdown: 23:59:08 (hours may exceed 24). */
export function formatClock(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(h)}:${pad(m)}:${pad(s)}`
}

/** One line for lists: 剩余 5小时12分 / 已超时 1小时5分 / 已响应. */
export function describeFirstResponse(state: FirstResponseState): { text: string; tone: DeadlineTone } {
  switch (state.kind) {
    case 'answered':
      return { text: '已响应', tone: 'done' }
    case 'stopped':
      return { text: '已撤回', tone: 'done' }
    case 'pending':
      return { text: `剩余 ${formatDuration(state.remainingMs)}`, tone: state.dueSoon ? 'warning' : 'normal' }
    case 'overdue':
      return { text: `已超时 ${formatDuration(state.overdueMs)}`, tone: 'danger' }
  }
}

/** Dashboard figures given in minutes (median first response...). */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '—'
  if (minutes < 1) return '不到1分钟'
  return formatDuration(minutes * MINUTE)
}
