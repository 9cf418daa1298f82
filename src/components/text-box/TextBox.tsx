import { View, Text, Textarea } from '@tarojs/components'
import './text-box.scss'

interface Props {
  /** Accessible name; on H5 it lands on the real <textarea>. */
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  maxLength: number
  showCount?: boolean
  /** Taller box for long texts. */
  size?: 'small' | 'large'
  disabled?: boolean
  className?: string
}

/**
 * Multi-line text with a counter. Taro's Textarea rather than NutUI TextArea: NutUI overwrites
 * `nativeProps`, so its H5 <textarea> could not carry an accessible name.
 */
export default function TextBox({
  label,
  value,
  onChange,
  placeholder,
  maxLength,
  showCount = false,
  size = 'small',
  disabled = false,
  className = '',
}: Props) {
  return (
    <View className={`svc-textbox svc-textbox--${size} ${className}`}>
      <Textarea
        className="svc-textbox__input"
        aria-label={label}
        nativeProps={{ 'aria-label': label }}
        value={value}
        placeholder={placeholder}
        placeholderClass="svc-textbox__placeholder"
        maxlength={maxLength}
        disabled={disabled}
        autoHeight
        disableDefaultPadding
        onInput={(event) => onChange(event.detail.value)}
      />
      {showCount ? <Text className="svc-textbox__count">{`${value.length}/${maxLength}`}</Text> : null}
    </View>
  )
}

