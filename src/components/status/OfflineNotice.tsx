import { View, Text } from '@tarojs/components'
import { a11y } from '@/lib/a11y'
import { formatAge } from '@/lib/format'
import './status.scss'

interface Props {
  savedAt?: number | null
  onRetry?: () => void
}

/** Shown above cached content after a refresh failed: subtle, but says the data may be old. */
export default function OfflineNotice({ savedAt, onRetry }: Props) {
  return (
    <View className="pl-offline" {...a11y('status')}>
      <Text className="pl-offline__badge">离线内容</Text>
      <Text className="pl-offline__text">
        网络不可用{savedAt ? `，显示${formatAge(savedAt)}保存的内容` : '，显示本机保存的内容'}
      </Text>
      {onRetry ? (
        <Text className="pl-offline__retry" onClick={onRetry} {...a11y('button', { 'aria-label': '重试，加载最新内容' })}>
          重试
        </Text>
      ) : null}
    </View>
  )
}
