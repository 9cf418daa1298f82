import { View, Text } from '@tarojs/components'
import './service.scss'

export interface Choice<T extends string> {
  value: T
  label: string
}

interface Props<T extends string> {
  /** Read by screen readers as the group's name. */
  label: string
  options: readonly Choice<T>[]
  value: T | null
  onChange: (value: T) => void
  disabled?: boolean
}

/** Single choice shown as chips: every option visible at once, one tap to choose. */
export function ChoiceChips<T extends string>({ label, options, value, onChange, disabled = false }: Props<T>) {
  return (
    <View className="svc-chips" role="radiogroup" aria-label={label}>
      {options.map((option) => {
        const on = option.value === value
        return (
          <View
            key={option.value}
            role="radio"
            aria-checked={on}
            aria-disabled={disabled}
            className={`svc-chip${on ? ' svc-chip--on' : ''}${disabled ? ' svc-chip--disabled' : ''}`}
            onClick={() => !disabled && onChange(option.value)}
          >
            <Text>{option.label}</Text>
          </View>
        )
      })}
    </View>
  )
}
