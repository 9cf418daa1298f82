import { isProvided } from '@/types/vocabulary'
import { SPACE_TYPE_LABELS } from '@/types/vocabulary'
import type { Figure } from '@/types/common'
import type { ParkDetail } from '@/types/content-api'
import type { ZoneServiceStats } from '@/types/service'
import { figureText, formatFigure, formatShare } from '@/lib/format'

export interface CompareRow {
  label: string
  /** One cell per park, in column order; each a few short lines (none: nobody provided that fact). */
  cells: string[][]
}

/** What an empty cell shows: a plain dash, never a placeholder that promises a fact. */
export const EMPTY_CELL = '—'

const figureCell = (figure: Figure | 'not_provided') => {
  const text = figureText(figure)
  return text ? [text] : []
}

/** The headline figure, or else what the park's own page lists (its enterprises, its projects). */
const countCell = (figure: Figure | 'not_provided', listed: number, unit: string) =>
  isProvided(figure) ? figureCell(figure) : listed > 0 ? [`已列出 ${listed} ${unit}`] : []

/**
 * The side-by-side table: the same facts for every park. A row nobody provided for any park is left
 * out; a cell a park's sources are silent on stays empty (a dash).
 */
export function compareRows(details: readonly ParkDetail[], stats: Readonly<Record<string, ZoneServiceStats | undefined>>): CompareRow[] {
  const row = (label: string, cell: (detail: ParkDetail) => string[]): CompareRow => ({ label, cells: details.map(cell) })
  const share = (detail: ParkDetail, key: 'respondedWithin24hShare' | 'satisfactionShare') => {
    const zoneStats = stats[detail.zone.id]
    const value = zoneStats && zoneStats.requestCount > 0 ? zoneStats[key] : null
    return value === null || value === undefined ? [] : [formatShare(value)]
  }
  const rows = [
    row('所属区域', (detail) => [detail.zone.name]),
    row('占地面积', (detail) => figureCell(detail.park.headline.area)),
    row('总投资', (detail) => figureCell(detail.park.headline.investment)),
    row('入驻企业', (detail) => countCell(detail.park.headline.enterprises, detail.enterprises.length, '家')),
    row('签约项目', (detail) => countCell(detail.park.headline.signedProjects, detail.signedProjects.length, '个')),
    row('主导产业', (detail) => detail.park.industries),
    row('可用载体', (detail) =>
      detail.spaces.map(
        (space) =>
          `${SPACE_TYPE_LABELS[space.type]}${isProvided(space.area) ? ` ${formatFigure(space.area)}` : ''}${space.customBuild ? '（可定制）' : ''}`,
      ),
    ),
    row('适用政策', (detail) =>
      detail.policies.length ? [`${detail.policies.length} 条`, ...detail.policies.slice(0, 3).map((policy) => policy.title)] : [],
    ),
    row('服务承诺', (detail) => detail.serviceCommitments.map((commitment) => commitment.title)),
    row('24小时响应率', (detail) => share(detail, 'respondedWithin24hShare')),
    row('企业满意率', (detail) => share(detail, 'satisfactionShare')),
  ]
  return rows.filter((candidate) => candidate.cells.some((lines) => lines.length > 0))
}
