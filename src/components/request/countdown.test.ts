import { describeFirstResponse, firstResponseState, formatClock, formatDuration, formatMinutes } from './countdown'

const NOW = Date.parse('2026-11-21T06:00:00Z')
const request = (dueInMs: number, extra: { firstRespondedAt?: string | null; status?: string } = {}) => ({
  firstResponseDueAt: new Date(NOW + dueInMs).toISOString(),
  firstRespondedAt: extra.firstRespondedAt ?? null,
  status: extra.status ?? 'new',
})
const H = 3600_000
const M = 60_000

test('time left reads as days/hours/minutes', () => {
  expect(formatDuration(23 * H + 59 * M + 30_000)).toBe('23小时59分')
  expect(formatDuration(26 * H)).toBe('1天2小时')
  expect(formatDuration(2 * H)).toBe('2小时')
  expect(formatDuration(12 * M)).toBe('12分钟')
  expect(formatDuration(20_000)).toBe('不到1分钟')
})

test('the live clock ticks in seconds', () => {
  expect(formatClock(23 * H + 59 * M + 8_000)).toBe('23:59:08')
  expect(formatClock(5_000)).toBe('00:00:05')
  expect(formatClock(-1)).toBe('00:00:00')
})

test('pending, due soon (amber under 2 h), overdue (red), answered', () => {
  expect(describeFirstResponse(firstResponseState(request(5 * H + 12 * M), NOW))).toEqual({ text: '剩余 5小时12分', tone: 'normal' })
  expect(describeFirstResponse(firstResponseState(request(90 * M), NOW))).toEqual({ text: '剩余 1小时30分', tone: 'warning' })
  expect(describeFirstResponse(firstResponseState(request(-(H + 5 * M)), NOW))).toEqual({ text: '已超时 1小时5分', tone: 'danger' })
  expect(describeFirstResponse(firstResponseState(request(-H, { firstRespondedAt: '2026-11-21T05:00:00Z' }), NOW))).toEqual({
    text: '已响应',
    tone: 'done',
  })
  expect(firstResponseState(request(H, { status: 'withdrawn' }), NOW)).toEqual({ kind: 'stopped' })
})

test('dashboard minutes', () => {
  expect(formatMinutes(null)).toBe('—')
  expect(formatMinutes(0.4)).toBe('不到1分钟')
  expect(formatMinutes(135)).toBe('2小时15分')
})
