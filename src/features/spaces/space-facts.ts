import type { Space } from '@/types/content'
import { SPACE_AVAILABILITY_LABELS, isProvided } from '@/types/vocabulary'
import { figureText, providedText } from '@/lib/format'

export interface SpaceFact {
  label: string
  value: string
}

/** What a listing states, as labelled rows: only the facts someone provided, in reading order. */
export function spaceFacts(space: Space): SpaceFact[] {
  const rows: Array<[string, string | null]> = [
    ['面积', figureText(space.area)],
    ['价格', providedText(space.price)],
    ['状态', isProvided(space.availability) ? SPACE_AVAILABILITY_LABELS[space.availability] : null],
    ['层高', space.floorHeightMeters !== undefined ? `${space.floorHeightMeters} 米` : null],
    ['承重', space.floorLoadTonsPerSquareMeter !== undefined ? `${space.floorLoadTonsPerSquareMeter} 吨/平方米` : null],
    ['交付', providedText(space.delivery)],
    ['交付日期', providedText(space.deliveryDate)],
  ]
  return rows.filter((row): row is [string, string] => row[1] !== null).map(([label, value]) => ({ label, value }))
}

/** 预约看厂 for buildings, 预约看地 for land. */
export const visitLabel = (space: Pick<Space, 'type'>): string => (space.type === 'land' ? '预约看地' : '预约看厂')
