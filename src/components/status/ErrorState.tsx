import { View, Text } from '@tarojs/components'
import { a11y } from '@/lib/a11y'
import './status.scss'

interface Props {
  message?: string | null
  onRetry: () => void
  title?: string
  /** The button's words when it does something other than reload (e.g. 返回). */
  actionText?: string
  /** Other ways on when retrying will not help (a park that no longer exists): 返回首页, 浏览园区. */
  links?: Array<{ label: string; onClick: () => void }>
}

/** A failed first load: say what happened and offer one clear retry. */
export default function ErrorState({ message, onRetry, title = '加载失败', actionText = '重新加载', links = [] }: Props) {
  return (
    <View className="pl-card pl-status" {...a11y('alert')}>
      <View className="pl-status__icon pl-status__icon--error" aria-hidden>!</View>
      <Text className="pl-status__title">{title}</Text>
      <Text className="pl-status__text">{message || '网络不太稳定，请稍后重试'}</Text>
      <Text className="pl-btn pl-btn--solid pl-btn--large pl-status__action" onClick={onRetry} {...a11y('button')}>
        {actionText}
      </Text>
      {links.length ? (
        <View className="pl-status__links">
          {links.map((link) => (
            <Text key={link.label} className="pl-btn pl-btn--outline pl-status__link" onClick={link.onClick} {...a11y('button')}>
              {link.label}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  )
}
