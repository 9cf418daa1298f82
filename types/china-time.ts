/**
 * China time, the one implementation for the app and the API: every zone is in China, which is on
 * UTC+8 all year (no daylight saving since 1991). Plain arithmetic, no Intl: the mini-program's JS
 * engine has unreliable time-zone support, and the API computes dates on every content request.
 */

export const MINUTE_MS = 60_000
export const HOUR_MS = 60 * MINUTE_MS
export const DAY_MS = 24 * HOUR_MS
export const CHINA_OFFSET_MS = 8 * HOUR_MS

type Instant = Date | number | string

const toMs = (value: Instant): number => (value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value))

const pad = (n: number) => String(n).padStart(2, '0')

/** Calendar fields of an instant as seen in China. */
export function chinaParts(value: Instant) {
  const d = new Date(toMs(value) + CHINA_OFFSET_MS)
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    /** 0 = Sunday … 6 = Saturday. */
    weekday: d.getUTCDay(),
  }
}

/** YYYY-MM-DD of the China calendar day of an instant (policy expiry, date filters). */
export function chinaDate(value: Instant): string {
  return new Date(toMs(value) + CHINA_OFFSET_MS).toISOString().slice(0, 10)
}

/** YYYYMMDD: the day part of ticket numbers. */
export const chinaDayCompact = (value: Instant): string => chinaDate(value).replaceAll('-', '')

/** 2026-11-21 10:05, for notification texts and CSV files. */
export function chinaDateTime(value: Instant): string {
  const local = new Date(toMs(value) + CHINA_OFFSET_MS).toISOString()
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`
}

/** Midnight in China at the start of a date (YYYY-MM-DD). */
export const chinaDayStart = (date: string): Date => new Date(Date.parse(`${date}T00:00:00Z`) - CHINA_OFFSET_MS)

/** Midnight in China of the day an instant (ms) falls on, in ms. */
export const chinaDayStartMs = (ms: number): number => ms - ((((ms + CHINA_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS)

/** The China calendar day `days` before the day of `now` (0 = today). */
export const chinaDateDaysAgo = (days: number, now: number = Date.now()): string => chinaDate(now - days * DAY_MS)

/** The date `days` calendar days after a date (YYYY-MM-DD; negative goes back). */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)

/** 11月21日 14:05, with the year when it is not this year: 2025年11月21日 14:05. Unparsable input gives ''. */
export function formatChinaTime(value: Instant, now: number = Date.now()): string {
  const ms = toMs(value)
  if (Number.isNaN(ms)) return ''
  const p = chinaParts(ms)
  const year = p.year === chinaParts(now).year ? '' : `${p.year}年`
  return `${year}${p.month}月${p.day}日 ${pad(p.hour)}:${pad(p.minute)}`
}

/** 11月21日 (the year added when it is not this year). Unparsable input gives ''. */
export function formatChinaDate(value: Instant, now: number = Date.now()): string {
  const ms = toMs(value)
  if (Number.isNaN(ms)) return ''
  const p = chinaParts(ms)
  const year = p.year === chinaParts(now).year ? '' : `${p.year}年`
  return `${year}${p.month}月${p.day}日`
}
