import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { LoadState } from '@/lib/load-status'
import BottomBar from '@/components/bottom-bar/BottomBar'
import { goHome, navigate } from '@/lib/routes'
import ErrorState from './ErrorState'
import PageSkeleton from './PageSkeleton'

interface Props {
  /** The id from the link; a link without one cannot load anything. */
  id: string
  /** 园区 / 政策: what the page shows, for the messages. */
  noun: string
  /** Where to send someone whose link is incomplete. */
  listRoute: string
  loadState: LoadState | undefined
  onRetry: () => void
  skeletonCards: number
}

/** What a detail page shows before it has its record: an incomplete link, a failed first load, or a skeleton. */
export default function DetailFallback({ id, noun, listRoute, loadState, onRetry, skeletonCards }: Props) {
  if (!id) {
    return (
      <View className="pl-page">
        <ErrorState
          title="链接不完整"
          message={`没有找到要查看的${noun}，请从${noun}列表进入。`}
          onRetry={() => void Taro.reLaunch({ url: listRoute })}
        />
      </View>
    )
  }
  return (
    <View className="pl-page">
      {loadState?.status === 'error' ? (
        <ErrorState
          message={loadState.error}
          onRetry={onRetry}
          links={[
            { label: '返回首页', onClick: goHome },
            { label: `浏览${noun}`, onClick: () => navigate(listRoute) },
          ]}
        />
      ) : (
        <PageSkeleton cards={skeletonCards} label={`正在加载${noun}信息`} />
      )}
      <BottomBar>{null}</BottomBar>
    </View>
  )
}
