import { View, Text } from '@tarojs/components'
import Sheet from '@/components/sheet/Sheet'
import ChipGroup, { type ChipOption } from '@/components/chip-group/ChipGroup'
import './filter-sheet.scss'

interface Props<V extends string> {
  visible: boolean
  title: string
  hint?: string
  options: readonly ChipOption<V>[]
  value: V
  onChange: (value: V) => void
  onClose: () => void
}

/** A bottom sheet with one single-choice filter; choosing applies it and closes. */
export default function FilterSheet<V extends string>({ visible, title, hint, options, value, onChange, onClose }: Props<V>) {
  return (
    <Sheet visible={visible} title={title} onClose={onClose}>
      <View className="pl-filter-sheet">
        {hint ? <Text className="pl-filter-sheet__hint">{hint}</Text> : null}
        <ChipGroup
          label={title}
          options={options}
          value={value}
          onChange={(next) => {
            onChange(next)
            onClose()
          }}
        />
      </View>
    </Sheet>
  )
}
