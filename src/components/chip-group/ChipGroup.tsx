import { ScrollView, View, Text } from '@tarojs/components'
import { a11y } from '@/lib/a11y'
import './chip-group.scss'

export interface ChipOption<V extends string> {
  value: V
  label: string
}

interface Props<V extends string> {
  /** Read by screen readers as the group name (e.g. 区域) and before each option's name. */
  label: string
  options: readonly ChipOption<V>[]
  /** null: nothing chosen yet (a form field). */
  value: V | null
  onChange: (value: V) => void
  /** One scrolling row instead of wrapping lines. */
  scroll?: boolean
}

/** Single-choice chips (zone switcher, filters, form choices): radio semantics, large touch targets. */
export default function ChipGroup<V extends string>({ label, options, value, onChange, scroll }: Props<V>) {
  const chips = options.map((option) => {
    const active = option.value === value
    return (
      <Text
        key={option.value}
        className={`pl-chip${active ? ' pl-chip--active' : ''}`}
        onClick={() => !active && onChange(option.value)}
        {...a11y('radio', { 'aria-checked': active, 'aria-label': `${label}：${option.label}` })}
      >
        {option.label}
      </Text>
    )
  })
  if (scroll) {
    return (
      <ScrollView
        scrollX
        enhanced
        showScrollbar={false}
        className="pl-chips pl-chips--scroll"
        {...a11y('radiogroup', { 'aria-label': label })}
      >
        <View className="pl-chips__row">{chips}</View>
      </ScrollView>
    )
  }
  return (
    <View className="pl-chips" {...a11y('radiogroup', { 'aria-label': label })}>
      {chips}
    </View>
  )
}
