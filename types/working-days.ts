import calendar from 'chinese-days/dist/chinese-days.json'
import { DAY_MS, chinaDate } from './china-time'

/**
 * Working days as a government office in China counts them: Monday–Friday, except public holidays,
 * plus the weekend make-up days (调休) around them, from the maintained `chinese-days` calendar.
 * For a year the calendar does not cover yet, Monday–Friday is used and `onUncoveredYear` hears of it
 * (the API logs it once per year).
 *
 * Not for the mini-program's main package: the calendar is tens of kilobytes.
 */

const holidays = new Set(Object.keys(calendar.holidays))
const makeUpWorkdays = new Set(Object.keys(calendar.workdays))
const coveredYears = new Set([...holidays, ...makeUpWorkdays].map((date) => Number(date.slice(0, 4))))

let onUncoveredYear: (year: number) => void = () => undefined
const reportedYears = new Set<number>()

/** Who hears about a year the holiday calendar does not cover (once per year per process). */
export function setUncoveredYearListener(listener: (year: number) => void): void {
  onUncoveredYear = listener
}

export const HOLIDAY_CALENDAR_YEARS = { first: Math.min(...coveredYears), last: Math.max(...coveredYears) }

export const isHolidayCalendarYear = (year: number): boolean => coveredYears.has(year)

/** True when the China calendar day of `date` (YYYY-MM-DD) is a working day. */
export function isChinaWorkday(date: string): boolean {
  const year = Number(date.slice(0, 4))
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
  const weekend = weekday === 0 || weekday === 6
  if (!coveredYears.has(year)) {
    if (!reportedYears.has(year)) {
      reportedYears.add(year)
      onUncoveredYear(year)
    }
    return !weekend
  }
  if (holidays.has(date)) return false
  if (makeUpWorkdays.has(date)) return true
  return !weekend
}

/**
 * The same China time of day, `days` working days later: a request submitted on Friday at 10:00 with
 * a 5-working-day target is due the next Friday at 10:00, later when a holiday falls in between.
 * The database receives the result (submissions pass it in); it has no copy of this rule.
 */
export function addWorkingDays(start: Date, days: number): Date {
  let at = start.getTime()
  for (let counted = 0; counted < days; ) {
    at += DAY_MS
    if (isChinaWorkday(chinaDate(at))) counted++
  }
  return new Date(at)
}
