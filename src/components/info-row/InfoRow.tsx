import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import './info-row.scss'

interface Props {
  label: string
  /** Text; null/undefined/blank for a fact nobody provided: the row is then not shown at all. */
  value?: string | null
  children?: ReactNode
  /** Extra controls on the right (拨打, 复制...). */
  actions?: ReactNode
}

/** One labelled fact. A fact nobody provided is left out, never shown as a placeholder. */
export default function InfoRow({ label, value, children, actions }: Props) {
  if (!children && (value === null || value === undefined || value.trim() === '')) return null
  return (
    <View className="pl-info-row">
      <Text className="pl-info-row__label">{label}</Text>
      <View className="pl-info-row__body">
        {children ?? <Text className="pl-info-row__value">{value}</Text>}
        {actions ? <View className="pl-info-row__actions">{actions}</View> : null}
      </View>
    </View>
  )
}
