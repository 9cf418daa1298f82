import { View, Text } from '@tarojs/components'
import { useSession } from '@/features/session/session-store'
import FavouriteParks from '@/features/favourites/FavouriteParks'
import RecentParks from '@/features/parks/RecentParks'
import { useCompare } from '@/features/parks/compare-store'
import { a11y } from '@/lib/a11y'
import { ROUTES, navigate, openCompare } from '@/lib/routes'
import './index.scss'

export default function Mine() {
  const investor = useSession((state) => state.investor)
  const staff = useSession((state) => state.staff)
  const compareCount = useCompare((state) => state.items.length)

  const identity = staff
    ? `工作人员 · ${staff.staff.displayName}`
    : investor
      ? investor.investor.kind === 'wechat'
        ? '微信用户'
        : '访客'
      : '未登录'

  const links: Array<{ title: string; desc?: string; onClick: () => void }> = [
    { title: '我的服务请求', desc: '查看店小二办理进度', onClick: () => navigate(ROUTES.requests) },
    // A page of its own: the lists load there, keeping this tab light (main package, first screen).
    { title: '我的项目与问卷', desc: '项目进度、开发区问卷', onClick: () => navigate(ROUTES.following) },
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
          <Text className="mine__sub">
            {staff
              ? '工作人员账号'
              : investor
                ? investor.investor.kind === 'wechat'
                  ? '关注的园区和服务请求随微信账号保存'
                  : '关注的园区和服务请求保存在本机'
                : '登录后可关注园区、提交服务需求'}
          </Text>
        </View>
      </View>

      <FavouriteParks />
      <RecentParks />

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
