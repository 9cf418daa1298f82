import { View } from '@tarojs/components'
import { a11y } from '@/lib/a11y'
import './status.scss'

/** Grey bars shaped like `rows` lines of text; CSS only, no component library in the main package. */
export function SkeletonLines({ rows = 3 }: { rows?: number }) {
  return (
    <View className="pl-skeleton__lines" aria-hidden>
      {Array.from({ length: rows }, (_, index) => (
        <View key={index} className="pl-skeleton__line" />
      ))}
    </View>
  )
}

/** Grey placeholders shaped like cards while the first load runs. */
export default function PageSkeleton({ cards = 3, rows = 3, label = '正在加载' }: { cards?: number; rows?: number; label?: string }) {
  return (
    <View {...a11y('status', { 'aria-label': label, 'aria-busy': true })} className="pl-skeleton">
      {Array.from({ length: cards }, (_, index) => (
        <View key={index} className="pl-card">
          <SkeletonLines rows={rows} />
        </View>
      ))}
    </View>
  )
}
