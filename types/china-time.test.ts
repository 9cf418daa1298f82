import {
  addDays,
  chinaDate,
  chinaDateDaysAgo,
  chinaDateTime,
  chinaDayCompact,
  chinaDayStart,
  chinaDayStartMs,
  formatChinaDate,
  formatChinaTime,
} from './china-time'

const NOW = Date.parse('2026-11-21T12:00:00Z')

describe('China time', () => {
  it('turns to the next day at 16:00 UTC', () => {
    expect(chinaDate(new Date('2026-06-30T15:59:59Z'))).toBe('2026-06-30')
    expect(chinaDate(new Date('2026-06-30T16:00:00Z'))).toBe('2026-07-01')
    expect(chinaDate(Date.parse('2026-06-30T16:00:00Z'))).toBe('2026-07-01')
  })

  it('formats days and times for ticket numbers and notices', () => {
    const at = new Date('2026-11-20T16:30:00Z') // 00:30 on the 21st in China
    expect(chinaDayCompact(at)).toBe('20261121')
    expect(chinaDateTime(at)).toBe('2026-11-21 00:30')
    expect(chinaDayStart('2026-11-21').toISOString()).toBe('2026-11-20T16:00:00.000Z')
    expect(new Date(chinaDayStartMs(at.getTime())).toISOString()).toBe('2026-11-20T16:00:00.000Z')
  })

  it('counts calendar days across month ends', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(chinaDateDaysAgo(0, Date.parse('2026-11-21T17:00:00Z'))).toBe('2026-11-22')
    expect(chinaDateDaysAgo(6, NOW)).toBe('2026-11-15')
  })

  it('reads times in China time whatever the device zone, with the year only when it is not this year', () => {
    expect(formatChinaTime('2026-11-21T06:05:00Z', NOW)).toBe('11月21日 14:05')
    expect(formatChinaTime('2026-11-20T23:30:00Z', NOW)).toBe('11月21日 07:30')
    expect(formatChinaTime('2025-12-31T15:59:00Z', NOW)).toBe('2025年12月31日 23:59')
    expect(formatChinaTime('2025-12-31T16:00:00Z', NOW)).toBe('1月1日 00:00')
    expect(formatChinaDate('2025-03-02T00:00:00+08:00', NOW)).toBe('2025年3月2日')
    expect(formatChinaTime('not a date', NOW)).toBe('')
  })
})
