import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { Button, Popup } from '@nutui/nutui-react-taro'
import { a11y } from '@/lib/a11y'
import './dialog.scss'

interface Props {
  visible: boolean
  /** Shown as the dialog's heading and its accessible name. */
  title: string
  /** A sentence under the title; `children` go below it (a form field…). */
  content?: string
  children?: ReactNode
  confirmText?: string
  cancelText?: string
  onConfirm?: () => void
  /** The cancel button and a tap on the overlay (when `dismissible`). */
  onCancel: () => void
  confirmDisabled?: boolean
  /** Replaces the two buttons (the privacy consent brings its own). */
  footer?: ReactNode
  dismissible?: boolean
}

/**
 * A centred confirm dialog on NutUI's Popup. Not NutUI's Dialog: its transition calls React's
 * findDOMNode (deprecated, warns on every open), while Popup hands its transition a ref.
 */
export default function Dialog({
  visible,
  title,
  content,
  children,
  confirmText = '确认',
  cancelText = '取消',
  onConfirm,
  onCancel,
  confirmDisabled,
  footer,
  dismissible = true,
}: Props) {
  return (
    <Popup
      visible={visible}
      position="center"
      round
      closeable={false}
      // A closed dialog leaves nothing behind (screen readers and the weapp page tree would still read it).
      destroyOnClose
      closeOnOverlayClick={dismissible}
      // Not onClose: Popup also calls it when `visible` turns false, i.e. after a confirm.
      onOverlayClick={() => {
        onCancel()
        return false
      }}
      className="pl-dialog"
    >
      {/* NutUI draws a title only on bottom sheets; this class also names the dialog on H5 (src/lib/h5-a11y). */}
      <Text className="pl-dialog__title nut-popup-title-title" {...a11y('heading', { 'aria-level': 2 })}>
        {title}
      </Text>
      <View className="pl-dialog__body">
        {content ? <Text className="pl-dialog__content">{content}</Text> : null}
        {children}
      </View>
      <View className="pl-dialog__footer">
        {footer ?? (
          <>
            <Button className="pl-dialog__button" fill="outline" onClick={onCancel}>
              {cancelText}
            </Button>
            <Button className="pl-dialog__button" type="primary" disabled={confirmDisabled} onClick={onConfirm}>
              {confirmText}
            </Button>
          </>
        )}
      </View>
    </Popup>
  )
}
