import { type Figure, type NotProvided } from '@/types/common'
import { isProvided } from '@/types/vocabulary'

/** A figure split for display: the qualifier stays where Chinese puts it (近 20 家, 20 余次). */
export interface FigureParts {
  prefix: string
  value: string
  unit: string
}

export function figureParts(figure: Figure): FigureParts {
  const value = String(figure.value)
  if (figure.qualifier === '余') return { prefix: '', value, unit: `余${figure.unit}` }
  return { prefix: figure.qualifier ?? '', value, unit: figure.unit }
}

/** A figure exactly as the article prints it: 18亿元, 667亩, 近20家, 20余次. */
export function formatFigure(figure: Figure): string {
  const { prefix, value, unit } = figureParts(figure)
  return `${prefix}${value}${unit}`
}

/**
 * A figure with the year it refers to when known: 18亿元（2024年）. Null when nobody provided it: the
 * fact is then not shown at all (never a placeholder).
 */
export function figureText(figure: Figure | NotProvided | null | undefined): string | null {
  if (!isProvided(figure)) return null
  return figure.year ? `${formatFigure(figure)}（${figure.year}年）` : formatFigure(figure)
}

/** A provided, non-blank text, or null (the row is then left out). */
export function providedText(value: string | NotProvided | null | undefined): string | null {
  return isProvided(value) && value.trim() !== '' ? value : null
}

/** A 0–1 share as a whole percentage (0.956 → 96%); no share yet reads —. */
export function formatShare(share: number | null): string {
  if (share === null || Number.isNaN(share)) return '—'
  const percent = share <= 1 ? share * 100 : share
  return `${Math.round(percent)}%`
}

/** Square metres for filter labels: 5000㎡, 1万㎡. */
export function formatSquareMeters(m2: number): string {
  return m2 >= 10_000 ? `${m2 / 10_000}万㎡` : `${m2}㎡`
}

/** Validity as one line: 2024-01-01 至 2025-12-31, 至 2025-12-31, 2024-01-01 起; null when neither is known. */
export function formatValidity(from: string | NotProvided, to: string | NotProvided): string | null {
  const hasFrom = isProvided(from)
  const hasTo = isProvided(to)
  if (hasFrom && hasTo) return `${from} 至 ${to}`
  if (hasTo) return `至 ${to}`
  if (hasFrom) return `${from} 起`
  return null
}

/** Local calendar date as YYYY-MM-DD (policy validity compares against this). */
export function todayString(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** 刚刚 / 5 分钟前 / 3 小时前 / 2 天前, for "offline content saved at". */
export function formatAge(savedAt: number, now: number = Date.now()): string {
  const minutes = Math.floor((now - savedAt) / 60_000)
  if (minutes < 1) return '刚刚'
  if (minutes < 60) return `${minutes} 分钟前`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return `${hours} 小时前`
  return `${Math.floor(hours / 24)} 天前`
}
