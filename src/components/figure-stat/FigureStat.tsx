import { View, Text } from '@tarojs/components'
import type { Figure } from '@/types/common'
import { figureParts, formatFigure } from '@/lib/format'
import './figure-stat.scss'

interface Props {
  figure: Figure
  /** Overrides the article's label (e.g. 总投资 for the headline investment). */
  label?: string
  size?: 'large' | 'medium'
  tone?: 'default' | 'inverse'
}

/** A headline number, large, with the unit and qualifier exactly as the article prints them. */
export default function FigureStat({ figure, label, size = 'large', tone = 'default' }: Props) {
  const { prefix, value, unit } = figureParts(figure)
  // The year the figure refers to, when known, goes with its name: 地区生产总值（2024年）.
  const name = `${label ?? figure.label}${figure.year ? `（${figure.year}年）` : ''}`
  return (
    <View className={`pl-figure pl-figure--${size} pl-figure--${tone}`} role="group" aria-label={`${name} ${formatFigure(figure)}`}>
      <View className="pl-figure__value" aria-hidden>
        {prefix ? <Text className="pl-figure__unit">{prefix}</Text> : null}
        <Text className="pl-figure__number">{value}</Text>
        <Text className="pl-figure__unit">{unit}</Text>
      </View>
      <Text className="pl-figure__label" aria-hidden>
        {name}
      </Text>
    </View>
  )
}
