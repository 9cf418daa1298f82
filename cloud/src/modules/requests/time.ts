import { chinaDate } from '../content/store'

export { chinaDate }

export const MINUTE_MS = 60_000
export const HOUR_MS = 60 * MINUTE_MS
export const DAY_MS = 24 * HOUR_MS

/** China has one time zone and no daylight saving: UTC+8 all year. */
const CHINA_OFFSET_MS = 8 * HOUR_MS

/** Investors are promised a first answer within 24 hours (calendar hours, nights and weekends included); config.sla. */
export const FIRST_RESPONSE_MS = 24 * HOUR_MS
/** The SLA job reminds this long before the first-response deadline (default of config.sla). */
export const REMINDER_BEFORE_MS = 2 * HOUR_MS
/** Resolution target when sla_targets has no row for the zone and type. */
export const DEFAULT_RESOLUTION_WORKING_DAYS = 5

/** 20261121: the day part of ticket numbers, in China time. */
export const chinaDayCompact = (at: Date): string => chinaDate(at).replaceAll('-', '')

/** 2026-11-21 10:05 in China time, for notification texts. */
export const chinaDateTime = (at: Date): string => {
  const local = new Date(at.getTime() + CHINA_OFFSET_MS).toISOString()
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`
}

/** Midnight at the start of a China-time date (YYYY-MM-DD). */
export const chinaDayStart = (date: string): Date => new Date(`${date}T00:00:00+08:00`)

const isChinaWeekday = (at: number): boolean => {
  const day = new Date(at + CHINA_OFFSET_MS).getUTCDay()
  return day !== 0 && day !== 6
}

/**
 * The same China time of day, `days` working days (Monday–Friday) later. Public holidays and the
 * make-up working weekends around them are not known to the system and count as ordinary days.
 * Submissions compute it in the database: china_working_days_after (migration 0003), kept equal to
 * this by a test.
 */
export const addWorkingDays = (start: Date, days: number): Date => {
  let at = start.getTime()
  for (let counted = 0; counted < days;) {
    at += DAY_MS
    if (isChinaWeekday(at)) counted++
  }
  return new Date(at)
}

export const addMs = (at: Date, ms: number): Date => new Date(at.getTime() + ms)
