import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { a11y } from '@/lib/a11y'
import './section.scss'

interface Props {
  title: string
  /** e.g. 共 5 个 */
  extra?: string
  moreText?: string
  onMore?: () => void
  children: ReactNode
  /** Render without the white card (for lists of cards). */
  plain?: boolean
}

/** A titled block of a page: white card, title on the left, optional 更多 on the right. */
export default function Section({ title, extra, moreText = '查看全部', onMore, children, plain }: Props) {
  return (
    <View className={plain ? 'pl-section pl-section--plain' : 'pl-section pl-card'}>
      <View className="pl-section__head">
        <Text className="pl-section__title" {...a11y('heading', { 'aria-level': 2 })}>
          {title}
        </Text>
        {extra ? <Text className="pl-section__extra">{extra}</Text> : null}
        {onMore ? (
          <Text className="pl-section__more" onClick={onMore} {...a11y('link', { 'aria-label': `${title}，${moreText}` })}>
            {moreText} ›
          </Text>
        ) : null}
      </View>
      {children}
    </View>
  )
}
