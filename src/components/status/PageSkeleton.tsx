import { View } from '@tarojs/components'
import { Skeleton } from '@nutui/nutui-react-taro'
import { a11y } from '@/lib/a11y'

/** Grey placeholders shaped like cards while the first load runs. */
export default function PageSkeleton({ cards = 3, label = '正在加载' }: { cards?: number; label?: string }) {
  return (
    <View {...a11y('status', { 'aria-label': label, 'aria-busy': true })} className="pl-skeleton">
      {Array.from({ length: cards }, (_, index) => (
        <View key={index} className="pl-card">
          <Skeleton rows={3} animated />
        </View>
      ))}
    </View>
  )
}
