import { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { useShallow } from 'zustand/react/shallow'
import { useFavourites } from '@/features/favourites/favourites-store'
import { useSession } from '@/features/session/session-store'
import { toParkCard, useParkProfiles } from '@/features/parks/profiles-store'
import { useCompare } from '@/features/parks/compare-store'
import { a11y } from '@/lib/a11y'
import { ROUTES, navigate, openCompare, openPark } from '@/lib/routes'
import ParkCard from '@/features/parks/ParkCard'
import Section from '@/components/section/Section'
import ErrorState from '@/components/status/ErrorState'
import { SkeletonLines } from '@/components/status/PageSkeleton'
import OfflineNotice from '@/components/status/OfflineNotice'
import './index.scss'

export default function Mine() {
  const favourites = useFavourites(
    useShallow((state) => ({ items: state.items, status: state.status, error: state.error, offline: state.offline })),
  )
  const investor = useSession((state) => state.investor)
  const staff = useSession((state) => state.staff)
  const recent = useParkProfiles(
    useShallow((state) => state.recent.map((id) => state.profiles[id]?.detail).filter((detail): detail is NonNullable<typeof detail> => Boolean(detail))),
  )
  const compareCount = useCompare((state) => state.items.length)

  // 关注 lives on the server: sign in (WeChat or guest) and refresh each time the tab shows.
  useDidShow(() => {
    void useFavourites.getState().load()
  })

  const identity = staff
    ? `工作人员 · ${staff.staff.displayName}`
    : investor
      ? investor.investor.kind === 'wechat'
        ? '微信用户'
        : '访客'
      : '未登录'

  const links: Array<{ title: string; desc?: string; onClick: () => void }> = [
    { title: '我的服务请求', desc: '查看店小二办理进度', onClick: () => navigate(ROUTES.requests) },
    { title: '政策匹配', desc: '看看能享受哪些政策', onClick: () => navigate(ROUTES.match) },
    { title: '园区对比', desc: compareCount ? `已选 ${compareCount} 个` : '最多 3 个园区', onClick: () => openCompare() },
    { title: '隐私政策', onClick: () => navigate(ROUTES.privacy) },
    { title: '工作人员入口', desc: '店小二、主管登录', onClick: () => navigate(ROUTES.staffLogin) },
  ]

  return (
    <View className="mine pl-page">
      <View className="mine__header">
        <View className="mine__avatar" aria-hidden>
          <Text>园</Text>
        </View>
        <View className="mine__who">
          <Text className="mine__name">{identity}</Text>
          <Text className="mine__sub">{investor ? `编号 ${investor.investor.id.slice(-6)}` : '登录后可关注园区、提交服务需求'}</Text>
        </View>
      </View>

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
          <View className="mine__empty">
            <Text className="pl-muted">还没有关注的园区。在园区详情页点“关注”，这里会列出来。</Text>
            <Text className="pl-link mine__empty-link" onClick={() => navigate(ROUTES.parks)} {...a11y('link')}>
              去看看园区 ›
            </Text>
          </View>
        ) : null}
        {favourites.items.map((park) => (
          <ParkCard key={park.id} park={park} variant="row" onOpen={openPark} />
        ))}
      </Section>

      {recent.length > 0 ? (
        <Section title="最近浏览" extra="离线也可查看">
          {recent.slice(0, 5).map((detail) => (
            <ParkCard key={detail.park.id} park={toParkCard(detail)} variant="row" onOpen={openPark} />
          ))}
        </Section>
      ) : null}

      <View className="mine__links pl-card">
        {links.map((link) => (
          <View
            key={link.title}
            className="mine__link"
            onClick={link.onClick}
            {...a11y('link', { 'aria-label': link.desc ? `${link.title}，${link.desc}` : link.title })}
          >
            <Text className="mine__link-title">{link.title}</Text>
            <Text className="mine__link-desc">{link.desc ? `${link.desc} ›` : '›'}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
