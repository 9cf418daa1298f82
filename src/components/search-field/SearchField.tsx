import { useMemo, useRef } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { a11y } from '@/lib/a11y'
import './search-field.scss'

interface Props {
  value: string
  placeholder: string
  /** Read by screen readers as the field's name (e.g. 搜索园区). */
  label: string
  onChange: (value: string) => void
  /** The keyboard's 搜索 key and the 搜索 button both submit. */
  onSearch: (value: string) => void
  /** Called after the clear button empties the field. */
  onClear?: () => void
  /** `onDark` for the blue home header. */
  tone?: 'onLight' | 'onDark'
}

/**
 * A rounded search field with clear and 搜索 buttons. Drawn with Taro's own Input instead of
 * NutUI's SearchBar: the tab pages live in the main package, which has no room for NutUI.
 */
export default function SearchField({ value, placeholder, label, onChange, onSearch, onClear, tone = 'onLight' }: Props) {
  const handlers = useRef({ onChange, onSearch })
  handlers.current = { onChange, onSearch }
  // Taro sends a controlled Input's value to the mini-program view on every render of it (a setData
  // of its own when nothing else changed): render the field only when what it shows changes.
  const input = useMemo(
    () => (
      <Input
        className="pl-search__input"
        type="text"
        confirmType="search"
        value={value}
        placeholder={placeholder}
        placeholderClass="pl-search__placeholder"
        maxlength={40}
        onInput={(event) => handlers.current.onChange(event.detail.value)}
        onConfirm={(event) => handlers.current.onSearch(event.detail.value)}
        {...a11y('searchbox', { 'aria-label': label })}
      />
    ),
    [value, placeholder, label],
  )
  return (
    <View className={`pl-search pl-search--${tone}`} {...a11y('search')}>
      <View className="pl-search__box">
        <View className="pl-search__icon" aria-hidden />
        {input}
        {value ? (
          <Text
            className="pl-search__clear"
            onClick={() => {
              onChange('')
              onClear?.()
            }}
            {...a11y('button', { 'aria-label': '清除搜索内容' })}
          >
            ×
          </Text>
        ) : null}
      </View>
      <Text className="pl-search__submit" onClick={() => onSearch(value)} {...a11y('button', { 'aria-label': '搜索' })}>
        搜索
      </Text>
    </View>
  )
}
