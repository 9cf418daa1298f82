import { HOLIDAY_CALENDAR_YEARS, addWorkingDays, isChinaWorkday, setUncoveredYearListener } from './working-days'

describe('working days', () => {
  it('skips Saturdays and Sundays in China time', () => {
    // Friday 2026-11-20 10:00 (China) + 5 working days → Friday 2026-11-27 10:00.
    expect(addWorkingDays(new Date('2026-11-20T10:00:00+08:00'), 5).toISOString()).toBe('2026-11-27T02:00:00.000Z')
    // Saturday → Mon … Fri.
    expect(addWorkingDays(new Date('2026-11-21T10:00:00+08:00'), 5).toISOString()).toBe('2026-11-27T02:00:00.000Z')
    // Wednesday 23:30 China time is Wednesday although UTC says 15:30.
    expect(addWorkingDays(new Date('2026-11-18T23:30:00+08:00'), 2).toISOString()).toBe('2026-11-20T15:30:00.000Z')
    // Friday 01:00 China time (Thursday in UTC) + 1 → Monday 01:00.
    expect(addWorkingDays(new Date('2026-11-20T01:00:00+08:00'), 1).toISOString()).toBe('2026-11-22T17:00:00.000Z')
  })

  it('skips public holidays and counts make-up working weekends (调休)', () => {
    // National Day 2026: 10-01 … 10-07 off; Saturday 10-10 is a make-up working day.
    expect(isChinaWorkday('2026-10-01')).toBe(false)
    expect(isChinaWorkday('2026-10-10')).toBe(true)
    // Wednesday 2026-09-30 10:00 + 1 working day → Thursday 10-08 10:00 (the holiday week skipped).
    expect(addWorkingDays(new Date('2026-09-30T10:00:00+08:00'), 1).toISOString()).toBe('2026-10-08T02:00:00.000Z')
    // Friday 10-09 + 1 → Saturday 10-10, a make-up working day.
    expect(addWorkingDays(new Date('2026-10-09T10:00:00+08:00'), 1).toISOString()).toBe('2026-10-10T02:00:00.000Z')
    // Spring Festival 2026 (02-15 … 02-23 off; Saturday 02-14 and 02-28 worked).
    expect(addWorkingDays(new Date('2026-02-13T09:00:00+08:00'), 2).toISOString()).toBe('2026-02-24T01:00:00.000Z')
  })

  it('falls back to Monday–Friday for a year the calendar does not cover, and says so once', () => {
    const uncovered = HOLIDAY_CALENDAR_YEARS.last + 1
    const heard: number[] = []
    setUncoveredYearListener((year) => heard.push(year))
    try {
      // 2027-01-01 is a Friday; without a calendar it counts as a working day.
      expect(isChinaWorkday(`${uncovered}-01-04`)).toBe(new Date(`${uncovered}-01-04T00:00:00Z`).getUTCDay() % 6 !== 0)
      isChinaWorkday(`${uncovered}-01-05`)
      expect(heard).toEqual([uncovered])
    } finally {
      setUncoveredYearListener(() => undefined)
    }
  })
})
