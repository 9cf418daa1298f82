import { useEffect, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { Text, View } from '@tarojs/components'
import { a11y } from '@/lib/a11y'
import './sheet.scss'

interface Props {
  visible: boolean
  title: string
  onClose: () => void
  children: ReactNode
}

/**
 * A bottom sheet (dimmed backdrop, title, close button) in plain Taro views: NutUI's Popup would
 * pull NutUI into the main package. Nothing is rendered while it is closed. On H5 it is rendered into
 * <body>: inside Taro's page container (a transformed layer under the tab bar) it would sit beneath
 * the tab bar; in the mini-program the native tab bar is outside the page anyway.
 */
export default function Sheet({ visible, title, onClose, children }: Props) {
  // H5: Escape closes it, as for any dialog (the mini-program has no keyboard).
  useEffect(() => {
    if (!visible || process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose()
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [visible, onClose])
  if (!visible) return null
  const sheet = (
    <View className="pl-sheet">
      <View className="pl-sheet__backdrop" onClick={onClose} aria-hidden />
      <View className="pl-sheet__panel" {...a11y('dialog', { 'aria-modal': true, 'aria-label': title })}>
        <View className="pl-sheet__head">
          <Text className="pl-sheet__title" {...a11y('heading', { 'aria-level': 2 })}>
            {title}
          </Text>
          <Text className="pl-sheet__close" onClick={onClose} {...a11y('button', { 'aria-label': '关闭' })}>
            ×
          </Text>
        </View>
        {children}
      </View>
    </View>
  )
  return process.env.TARO_ENV === 'h5' && typeof document !== 'undefined' ? createPortal(sheet, document.body) : sheet
}
