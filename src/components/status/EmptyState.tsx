import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { a11y } from '@/lib/a11y'
import './status.scss'

interface Props {
  title: string
  description?: string
  action?: ReactNode
}

/** Nothing to show: explain why and, when possible, what to do next. */
export default function EmptyState({ title, description, action }: Props) {
  return (
    <View className="pl-card pl-status" {...a11y('status')}>
      <View className="pl-status__icon" aria-hidden>
        <View className="pl-status__icon-box" />
      </View>
      <Text className="pl-status__title">{title}</Text>
      {description ? <Text className="pl-status__text">{description}</Text> : null}
      {action ? <View className="pl-status__action">{action}</View> : null}
    </View>
  )
}
