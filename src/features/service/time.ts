/**
 * Times are shown in China time (Asia/Shanghai, UTC+8, no daylight saving) whatever the device's zone,
 * computed by offset rather than Intl: the weapp JS engine's Intl time-zone support is unreliable.
 */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000

const pad = (n: number) => String(n).padStart(2, '0')

/** Calendar fields of an instant as seen in China. */
export function chinaParts(ms: number) {
  const d = new Date(ms + CHINA_OFFSET_MS)
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  }
}

const toMs = (value: string | number) => (typeof value === 'number' ? value : Date.parse(value))

/** 11月21日 14:05, with the year when it is not this year: 2025年11月21日 14:05. */
export function formatChinaTime(value: string | number, now: number = Date.now()): string {
  const ms = toMs(value)
  if (Number.isNaN(ms)) return ''
  const p = chinaParts(ms)
  const year = p.year === chinaParts(now).year ? '' : `${p.year}年`
  return `${year}${p.month}月${p.day}日 ${pad(p.hour)}:${pad(p.minute)}`
}

/** 11月21日 (year added when not this year). */
export function formatChinaDate(value: string | number, now: number = Date.now()): string {
  const ms = toMs(value)
  if (Number.isNaN(ms)) return ''
  const p = chinaParts(ms)
  const year = p.year === chinaParts(now).year ? '' : `${p.year}年`
  return `${year}${p.month}月${p.day}日`
}

/** YYYY-MM-DD of the China calendar day, as the API's date filters expect. */
export function chinaDateString(ms: number): string {
  const p = chinaParts(ms)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`
}

/** The China calendar day `days` before the day of `now` (0 = today). */
export function chinaDateDaysAgo(days: number, now: number = Date.now()): string {
  return chinaDateString(now - days * 24 * 60 * 60 * 1000)
}
