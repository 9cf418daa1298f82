import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Picker } from '@nutui/nutui-react-taro'
import './select-button.scss'

export interface SelectOption {
  value: string
  label: string
}

interface Props {
  label: string
  /** Shown when nothing is chosen; choosing it clears the filter. */
  allLabel: string
  options: SelectOption[]
  value: string | null
  onChange: (value: string | null) => void
}

const ALL = '__all__'

/** A compact filter: shows the current choice, opens a NutUI Picker. */
export function SelectButton({ label, allLabel, options, value, onChange }: Props) {
  const [open, setOpen] = useState(false)
  const current = options.find((o) => o.value === value)?.label ?? allLabel
  return (
    <>
      <View
        className={`stf-select${value ? ' stf-select--on' : ''}`}
        role="button"
        aria-label={`${label}：${current}`}
        onClick={() => setOpen(true)}
      >
        <Text className="stf-select__text">{current}</Text>
        <Text className="stf-select__arrow" aria-hidden="true">
          ▾
        </Text>
      </View>
      <Picker
        visible={open}
        title={label}
        options={[[{ value: ALL, label: allLabel }, ...options]]}
        value={[value ?? ALL]}
        onConfirm={(_, values) => {
          const picked = String(values[0] ?? ALL)
          onChange(picked === ALL ? null : picked)
        }}
        onClose={() => setOpen(false)}
      />
    </>
  )
}
