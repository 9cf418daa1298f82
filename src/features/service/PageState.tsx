import { View, Text } from '@tarojs/components'
import { Button, Skeleton } from '@nutui/nutui-react-taro'
import type { ReactNode } from 'react'
import './service.scss'

/** Placeholder blocks shaped like the content, so nothing jumps when it arrives. */
export function LoadingState({ blocks = 2, rows = 3 }: { blocks?: number; rows?: number }) {
  return (
    <View aria-busy="true" aria-label="正在加载">
      {Array.from({ length: blocks }, (_, i) => (
        <View key={i} className="svc-skeleton">
          <Skeleton rows={rows} animated />
        </View>
      ))}
    </View>
  )
}

export function ErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <View className="svc-state" role="alert">
      <View className="svc-state__icon svc-state__icon--error" aria-hidden="true">
        !
      </View>
      <Text className="svc-state__title">加载失败</Text>
      <Text className="svc-state__text">{message}</Text>
      <Button type="primary" fill="outline" onClick={onRetry}>
        重试
      </Button>
    </View>
  )
}

export function EmptyState({ title, text, action }: { title: string; text?: string; action?: ReactNode }) {
  return (
    <View className="svc-state">
      <View className="svc-state__icon" aria-hidden="true">
        ○
      </View>
      <Text className="svc-state__title">{title}</Text>
      {text ? <Text className="svc-state__text">{text}</Text> : null}
      {action}
    </View>
  )
}
