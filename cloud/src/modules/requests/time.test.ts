import { addWorkingDays, chinaDateTime, chinaDayCompact, chinaDayStart } from './time'

describe('service time helpers', () => {
  it('counts working days in China time, skipping Saturdays and Sundays', () => {
    // Friday 2026-11-20 10:00 (China) + 5 working days → Friday 2026-11-27 10:00.
    expect(addWorkingDays(new Date('2026-11-20T10:00:00+08:00'), 5).toISOString()).toBe('2026-11-27T02:00:00.000Z')
    // Saturday 2026-11-21 10:00 → Mon, Tue, Wed, Thu, Fri → Friday 2026-11-27 10:00.
    expect(addWorkingDays(new Date('2026-11-21T10:00:00+08:00'), 5).toISOString()).toBe('2026-11-27T02:00:00.000Z')
    // Wednesday 23:30 China time is already Wednesday although UTC still says Wednesday 15:30.
    expect(addWorkingDays(new Date('2026-11-18T23:30:00+08:00'), 2).toISOString()).toBe('2026-11-20T15:30:00.000Z')
    // Friday 01:00 China time (Thursday in UTC) + 1 → Monday 01:00.
    expect(addWorkingDays(new Date('2026-11-20T01:00:00+08:00'), 1).toISOString()).toBe('2026-11-22T17:00:00.000Z')
  })

  it('formats days and times in China time', () => {
    const at = new Date('2026-11-20T16:30:00Z') // 00:30 on the 21st in China
    expect(chinaDayCompact(at)).toBe('20261121')
    expect(chinaDateTime(at)).toBe('2026-11-21 00:30')
    expect(chinaDayStart('2026-11-21').toISOString()).toBe('2026-11-20T16:00:00.000Z')
  })
})
