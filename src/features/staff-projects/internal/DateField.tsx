import { View, Text } from '@tarojs/components'
import { Input } from '@nutui/nutui-react-taro'
import { chinaDate } from '@/types/china-time'
import { a11y } from '@/lib/a11y'

/** A YYYY-MM-DD date typed or set to today; blank = none. */
export function DateField({
  label,
  value,
  onChange,
  error,
}: {
  label: string
  value: string
  onChange: (value: string) => void
  error?: string
}) {
  return (
    <View className="dsk-field">
      <Text className="dsk-field__label">{label}</Text>
      <View className="dsk-date">
        <Input
          className="svc-input dsk-date__input"
          aria-label={label}
          placeholder="YYYY-MM-DD"
          maxLength={10}
          value={value}
          onChange={onChange}
        />
        <Text
          className="pl-btn dsk-date__today"
          {...a11y('button', { 'aria-label': `${label}设为今天` })}
          onClick={() => onChange(chinaDate(Date.now()))}
        >
          今天
        </Text>
      </View>
      {error ? (
        <Text className="dsk-error" {...a11y('alert')}>
          {error}
        </Text>
      ) : null}
    </View>
  )
}
