import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { PENDING_TEXT } from '@/lib/format'
import './info-row.scss'

interface Props {
  label: string
  /** Text, or null/undefined for a fact the sources do not give (shows 待补充). */
  value?: string | null
  children?: ReactNode
  /** Extra controls on the right (拨打, 复制...). */
  actions?: ReactNode
}

/** One labelled fact; missing facts read 待补充 instead of disappearing. */
export default function InfoRow({ label, value, children, actions }: Props) {
  const pending = !children && (value === null || value === undefined || value === '' || value === PENDING_TEXT)
  return (
    <View className="pl-info-row">
      <Text className="pl-info-row__label">{label}</Text>
      <View className="pl-info-row__body">
        {children ?? <Text className={`pl-info-row__value${pending ? ' pl-pending' : ''}`}>{pending ? PENDING_TEXT : value}</Text>}
        {actions ? <View className="pl-info-row__actions">{actions}</View> : null}
      </View>
    </View>
  )
}
