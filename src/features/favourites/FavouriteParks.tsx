import { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { useShallow } from 'zustand/react/shallow'
import { a11y } from '@/lib/a11y'
import { ROUTES, navigate, openPark } from '@/lib/routes'
import Section from '@/components/section/Section'
import ErrorState from '@/components/status/ErrorState'
import { SkeletonLines } from '@/components/status/PageSkeleton'
import OfflineNotice from '@/components/status/OfflineNotice'
import ParkCard from '@/features/parks/ParkCard'
import { useFavourites } from './favourites-store'
import './favourite-parks.scss'

/** 关注的园区 on the 我的 tab: the list lives on the server, so it signs in (WeChat or guest) and refreshes each time the tab shows. */
export default function FavouriteParks() {
  const favourites = useFavourites(
    useShallow((state) => ({ items: state.items, status: state.status, error: state.error, offline: state.offline })),
  )

  useDidShow(() => {
    void useFavourites.getState().load()
  })

  return (
    <Section title="关注的园区" extra={favourites.items.length ? `${favourites.items.length} 个` : undefined}>
      {favourites.offline ? <OfflineNotice onRetry={() => void useFavourites.getState().load()} /> : null}
      {favourites.status === 'loading' && favourites.items.length === 0 ? (
        <View {...a11y('status', { 'aria-label': '正在加载关注的园区' })}>
          <SkeletonLines rows={2} />
        </View>
      ) : null}
      {favourites.status === 'error' && favourites.items.length === 0 ? (
        <ErrorState title="关注列表加载失败" message={favourites.error} onRetry={() => void useFavourites.getState().load()} />
      ) : null}
      {favourites.status === 'ready' && favourites.items.length === 0 ? (
        <View className="favourites__empty">
          <Text className="pl-muted">还没有关注的园区。在园区详情页点“关注”，这里会列出来。</Text>
          <Text className="pl-link favourites__empty-link" onClick={() => navigate(ROUTES.parks)} {...a11y('link')}>
            去看看园区 ›
          </Text>
        </View>
      ) : null}
      {favourites.items.map((park) => (
        <ParkCard key={park.id} park={park} variant="row" onOpen={openPark} />
      ))}
    </Section>
  )
}
