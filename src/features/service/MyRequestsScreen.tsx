import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { REQUEST_TYPE_LABELS, type RequestLink } from '@/types/service'
import { PROJECT_STAGE_LABELS } from '@/types/project-stages'
import { useMyRequests } from './my-requests-store'
import { STATUS_GROUPS, STATUS_GROUP_LABELS, inStatusGroup } from '@/types/request-status'
import ChipGroup from '@/components/chip-group/ChipGroup'
import StatusTag, { stageOf } from '@/components/request/StatusTag'
import DeadlineText from '@/components/request/DeadlineText'
import EmptyState from '@/components/status/EmptyState'
import ErrorState from '@/components/status/ErrorState'
import PageSkeleton from '@/components/status/PageSkeleton'
import { formatChinaTime } from '@/types/china-time'
import { openRequest, openService } from '@/lib/routes'
import { useNow } from '@/lib/use-now'
import { a11y } from '@/lib/a11y'
import '@/styles/service.scss'
import './my-requests-screen.scss'

/** Where a request came from: a followed project's stage, or an answer to a zone's survey. */
const describeLink = (link: RequestLink) =>
  link.kind === 'project' ? `关联项目：${link.projectName} · ${PROJECT_STAGE_LABELS[link.stage]}` : `来自问卷：${link.surveyTitle}`

export default function MyRequestsScreen() {
  const items = useMyRequests((s) => s.items)
  const status = useMyRequests((s) => s.status)
  const error = useMyRequests((s) => s.error)
  const group = useMyRequests((s) => s.group)
  const setGroup = useMyRequests((s) => s.setGroup)
  const load = useMyRequests((s) => s.load)
  const now = useNow(30_000)

  useDidShow(() => void load())
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  const visible = items.filter((item) => inStatusGroup(item.status, group))
  // Fixed labels (no counts): the chips keep their size while the list loads.
  const groupOptions = STATUS_GROUPS.map((g) => ({ value: g, label: STATUS_GROUP_LABELS[g] }))

  const newRequestButton = (
    <Button type="primary" onClick={() => openService()}>
      找店小二
    </Button>
  )

  let body
  if (status === 'idle' || status === 'loading') body = <PageSkeleton cards={3} rows={2} />
  else if (status === 'error') body = <ErrorState message={error ?? '加载失败'} actionText="重试" onRetry={() => void load()} />
  else if (!items.length)
    body = <EmptyState title="还没有服务请求" description="项目落地遇到问题？找店小二，开发区工作人员 24 小时内响应。" action={newRequestButton} />
  else if (!visible.length) body = <EmptyState title={`没有${STATUS_GROUP_LABELS[group]}的请求`} description="切换上方筛选查看其他请求。" />
  else
    body = (
      <View role="list" aria-label="服务请求列表">
        {visible.map((item) => (
          <View
            key={item.id}
            role="listitem"
            className="svc-card svc-req"
            aria-label={`${item.ticketNo}，${REQUEST_TYPE_LABELS[item.type]}，${item.company}`}
            onClick={() => openRequest(item.id)}
          >
            <View className="svc-row">
              <Text className="svc-req__ticket">{item.ticketNo}</Text>
              <StatusTag stage={stageOf(item)} />
            </View>
            <Text className="svc-req__type">{REQUEST_TYPE_LABELS[item.type]}</Text>
            <Text className="svc-req__company">{item.company}</Text>
            {item.link ? <Text className="svc-muted svc-req__link">{describeLink(item.link)}</Text> : null}
            <View className="svc-row svc-req__meta">
              <Text className="svc-muted">{`提交于 ${formatChinaTime(item.createdAt, now)}`}</Text>
              {!item.firstRespondedAt && item.status !== 'withdrawn' ? <DeadlineText request={item} now={now} prefix="响应" /> : null}
            </View>
          </View>
        ))}
      </View>
    )

  return (
    <View className="svc-root">
      <View className="svc-req-filter">
        <ChipGroup label="按状态筛选" options={groupOptions} value={group} onChange={setGroup} />
      </View>
      {status === 'ready' && error ? <Text className="svc-alert svc-alert--error" {...a11y('alert')}>{`刷新失败：${error}`}</Text> : null}
      {body}
      {status === 'ready' && items.length ? (
        <View className="svc-req-new">
          <Button block type="primary" fill="outline" onClick={() => openService()}>
            再提一个需求
          </Button>
        </View>
      ) : null}
    </View>
  )
}
