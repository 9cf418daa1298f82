import type { Figure } from './common'

/** Square metres per unit of area as articles print it. 1 亩 = 10000/15 ㎡. */
const SQUARE_METERS_PER_UNIT: Record<string, number> = {
  平方米: 1,
  平米: 1,
  '㎡': 1,
  'm²': 1,
  万平方米: 10_000,
  亩: 666.67,
  公顷: 10_000,
}

/** 万元 per unit of money as articles print it. */
const WAN_PER_UNIT: Record<string, number> = {
  元: 0.0001,
  万元: 1,
  亿元: 10_000,
}

const convert = (figure: Pick<Figure, 'value' | 'unit'>, table: Record<string, number>): number | null => {
  const factor = table[figure.unit.trim()]
  return factor === undefined ? null : figure.value * factor
}

/** Area in ㎡, or null when the unit is not an area unit (家, %, ...). */
export const toSquareMeters = (figure: Pick<Figure, 'value' | 'unit'>): number | null => convert(figure, SQUARE_METERS_PER_UNIT)

/** Money in 万元, or null when the unit is not a money unit. */
export const toWan = (figure: Pick<Figure, 'value' | 'unit'>): number | null => convert(figure, WAN_PER_UNIT)
