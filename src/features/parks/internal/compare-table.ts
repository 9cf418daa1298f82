import { isProvided } from '@/types/vocabulary'
import { SPACE_TYPE_LABELS } from '@/types/vocabulary'
import type { ParkDetail } from '@/types/content-api'
import type { Park } from '@/types/content'
import type { ZoneServiceStats } from '@/types/service'
import { PENDING_TEXT, figureOrPending, formatFigure, formatShare } from '@/lib/format'

export interface CompareRow {
  label: string
  /** One cell per park, in column order; each a few short lines. */
  cells: string[][]
}

const orPending = (lines: string[]) => (lines.length ? lines : [PENDING_TEXT])

/** A few names, then how many in all: a table cell stays short. */
const NAMES_SHOWN = 3

/**
 * The park page's 重点企业 and 签约项目 sections read the same records: the headline figure when the
 * sources give one, then the listed records (so a park with listed ones is never 待补充 here).
 */
function figureAndRecords(figure: Park['headline']['enterprises'], records: readonly { name: string }[], label: string, unit: string): string[] {
  const lines = isProvided(figure) ? [formatFigure(figure)] : []
  if (records.length) {
    lines.push(`${label} ${records.length} ${unit}`, ...records.slice(0, NAMES_SHOWN).map((record) => record.name))
    if (records.length > NAMES_SHOWN) lines.push(`等 ${records.length} ${unit}`)
  }
  return orPending(lines)
}

/** The side-by-side table: same facts for every park, 待补充 where the sources are silent. */
export function compareRows(details: readonly ParkDetail[], stats: Readonly<Record<string, ZoneServiceStats | undefined>>): CompareRow[] {
  const row = (label: string, cell: (detail: ParkDetail) => string[]): CompareRow => ({ label, cells: details.map(cell) })
  const share = (detail: ParkDetail, key: 'respondedWithin24hShare' | 'satisfactionShare') => {
    const zoneStats = stats[detail.zone.id]
    const value = zoneStats && zoneStats.requestCount > 0 ? zoneStats[key] : null
    return [value === null || value === undefined ? '暂无数据' : formatShare(value)]
  }
  return [
    row('所属区域', (detail) => [detail.zone.name]),
    row('占地面积', (detail) => [figureOrPending(detail.park.headline.area)]),
    row('总投资', (detail) => [figureOrPending(detail.park.headline.investment)]),
    row('入驻企业', (detail) =>
      figureAndRecords(detail.park.headline.enterprises, detail.enterprises, '重点企业', '家'),
    ),
    row('签约项目', (detail) =>
      figureAndRecords(detail.park.headline.signedProjects, detail.signedProjects, '签约项目', '个'),
    ),
    row('主导产业', (detail) => orPending(detail.park.industries)),
    row('可用空间', (detail) =>
      detail.spaces.length
        ? detail.spaces.map(
            (space) =>
              `${SPACE_TYPE_LABELS[space.type]}${isProvided(space.area) ? ` ${formatFigure(space.area)}` : ''}${space.customBuild ? '（可定制）' : ''}`,
          )
        : ['暂未公开'],
    ),
    row('适用政策', (detail) =>
      detail.policies.length ? [`${detail.policies.length} 条`, ...detail.policies.slice(0, 3).map((policy) => policy.title)] : ['暂无'],
    ),
    row('服务承诺', (detail) => orPending(detail.serviceCommitments.map((commitment) => commitment.title))),
    row('24小时响应率', (detail) => share(detail, 'respondedWithin24hShare')),
    row('企业满意率', (detail) => share(detail, 'satisfactionShare')),
  ]
}
