import { chinaDateDaysAgo, formatChinaDate, formatChinaTime } from './time'

const NOW = Date.parse('2026-11-21T12:00:00Z')

test('times read in China time whatever the device zone', () => {
  expect(formatChinaTime('2026-11-21T06:05:00Z', NOW)).toBe('11月21日 14:05')
  // 23:30 UTC is already the next day in Shanghai.
  expect(formatChinaTime('2026-11-20T23:30:00Z', NOW)).toBe('11月21日 07:30')
})

test('the year is added when it is not this year', () => {
  expect(formatChinaTime('2025-12-31T15:59:00Z', NOW)).toBe('2025年12月31日 23:59')
  expect(formatChinaTime('2025-12-31T16:00:00Z', NOW)).toBe('1月1日 00:00')
  expect(formatChinaDate('2025-03-02T00:00:00+08:00', NOW)).toBe('2025年3月2日')
})

test('dates for the dashboard are China calendar days', () => {
  expect(chinaDateDaysAgo(0, Date.parse('2026-11-21T17:00:00Z'))).toBe('2026-11-22')
  expect(chinaDateDaysAgo(6, NOW)).toBe('2026-11-15')
})

test('garbage in, empty out', () => {
  expect(formatChinaTime('not a date', NOW)).toBe('')
})
