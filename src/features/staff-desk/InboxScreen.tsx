import { useEffect } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, Tabs } from '@nutui/nutui-react-taro'
import { REQUEST_TYPES, REQUEST_TYPE_LABELS, STAFF_QUEUES, STAFF_QUEUE_LABELS, formatQueueCount, type RequestType } from '@/types/service'
import { type ZoneId } from '@/types/content'
import { useZoneCatalog } from '@/features/zones/catalog-store'
import StatusTag, { stageOf } from '@/components/request/StatusTag'
import DeadlineText from '@/components/request/DeadlineText'
import EmptyState from '@/components/status/EmptyState'
import ErrorState from '@/components/status/ErrorState'
import PageSkeleton from '@/components/status/PageSkeleton'
import { STAFF_STAGE_LABELS } from './internal/labels'
import { formatChinaTime } from '@/types/china-time'
import { useNow } from '@/lib/use-now'
import { a11y } from '@/lib/a11y'
import { INBOX_POLL_MS, useInbox, type Queue } from './inbox-store'
import { usePolling } from '@/lib/use-polling'
import { isAdmin, useStaffGuard } from './internal/guard'
import { openConsole, openDashboard, openShare, openStaffRequest } from './internal/navigation'
import { StaffBar } from './internal/StaffBar'
import StaffShortcuts from '@/features/staff-projects/StaffShortcuts'
import { SelectButton } from './internal/SelectButton'
import '@/styles/service.scss'
import './internal/staff.scss'
import './inbox-screen.scss'

const TYPE_OPTIONS = REQUEST_TYPES.map((t) => ({ value: t, label: REQUEST_TYPE_LABELS[t] }))

export default function InboxScreen() {
  const session = useStaffGuard()
  const inbox = useInbox()
  const zones = useZoneCatalog((s) => s.zones)
  const parks = useZoneCatalog((s) => s.parks)
  const now = useNow(30_000)

  useDidShow(() => {
    if (!session) return
    void useZoneCatalog.getState().load()
    void useInbox.getState().refresh()
  })
  usePullDownRefresh(() => {
    void useInbox
      .getState()
      .refresh()
      .finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => void useInbox.getState().loadMore())
  // New requests show up while the inbox is open, without a pull-down.
  usePolling(() => void useInbox.getState().poll(), INBOX_POLL_MS, Boolean(session))

  const zoneFilter = session ? (isAdmin(session) ? inbox.zoneId : session.staff.zoneId) : null
  // The park filter lists the chosen zone's parks.
  useEffect(() => {
    void useZoneCatalog.getState().loadParks(zoneFilter)
  }, [zoneFilter])

  if (!session) return <View className="svc-root" />

  const admin = isAdmin(session)
  const parkOptions = parks.filter((p) => !zoneFilter || p.zoneId === zoneFilter).map((p) => ({ value: p.id, label: p.name }))
  const zoneOptions = zones.map((z) => ({ value: z.id, label: z.name }))

  let list
  if (inbox.status === 'idle' || inbox.status === 'loading') list = <PageSkeleton cards={3} rows={2} />
  else if (inbox.status === 'error')
    list = <ErrorState message={inbox.error ?? '加载失败'} actionText="重试" onRetry={() => void inbox.refresh()} />
  else if (!inbox.items.length)
    list = (
      <EmptyState
        title={`「${STAFF_QUEUE_LABELS[inbox.queue]}」里没有请求`}
        description={inbox.queue === 'new' ? '新的企业需求会出现在这里。' : '换个队列或筛选条件看看。'}
      />
    )
  else
    list = (
      <>
        <View role="list" aria-label={`${STAFF_QUEUE_LABELS[inbox.queue]}，共 ${formatQueueCount(inbox)} 条`}>
          {inbox.items.map((item) => (
            <View key={item.id} role="listitem" className="svc-card stf-row" onClick={() => openStaffRequest(item.id)}>
              <View className="svc-row">
                <Text className="stf-row__ticket">{item.ticketNo}</Text>
                <StatusTag stage={stageOf(item)} labels={STAFF_STAGE_LABELS} />
              </View>
              <View className="stf-row__main">
                <Text className="stf-row__type">{REQUEST_TYPE_LABELS[item.type]}</Text>
                {item.escalated ? <Text className="stf-row__escalated">督办</Text> : null}
              </View>
              <Text className="stf-row__company">{item.company}</Text>
              <Text className="stf-row__contact">{`${item.contactName} ${item.mobileMasked}`}</Text>
              <View className="svc-row stf-row__meta">
                <Text className="svc-muted">{item.assignee ? `负责人：${item.assignee.displayName}` : '未指派'}</Text>
                <DeadlineText request={item} now={now} prefix="首次响应 " />
              </View>
              <Text className="svc-muted">{`提交于 ${formatChinaTime(item.createdAt, now)}`}</Text>
            </View>
          ))}
        </View>
        {/* After the list, not in it: a list may only hold list items. */}
        <View className="stf-more" aria-live="polite">
          {inbox.loadingMore ? (
            <Text className="svc-muted">正在加载…</Text>
          ) : inbox.nextCursor ? (
            <Button size="small" fill="outline" onClick={() => void inbox.loadMore()}>
              加载更多
            </Button>
          ) : (
            <Text className="svc-muted">{`已显示全部 ${inbox.items.length} 条`}</Text>
          )}
        </View>
      </>
    )

  return (
    <View className="svc-root">
      <StaffBar
        session={session}
        links={[
          { label: '数据看板', onClick: openDashboard },
          { label: '内容管理', onClick: openConsole },
          { label: '我的分享码', onClick: openShare },
        ]}
      />
      <StaffShortcuts />
      <View className="stf-tabs">
        <Tabs value={inbox.queue} onChange={(value) => void inbox.setQueue(value as Queue)} activeType="line" autoHeight>
          {STAFF_QUEUES.map((queue) => (
            <Tabs.TabPane key={queue} title={STAFF_QUEUE_LABELS[queue]} value={queue} />
          ))}
        </Tabs>
      </View>
      <View className="stf-filters" role="group" aria-label="筛选">
        {admin ? (
          <SelectButton
            label="开发区"
            allLabel="全部开发区"
            options={zoneOptions}
            value={inbox.zoneId}
            onChange={(value) => void inbox.setFilters({ zoneId: value as ZoneId | null, parkId: null })}
          />
        ) : null}
        <SelectButton
          label="园区"
          allLabel="全部园区"
          options={parkOptions}
          value={inbox.parkId}
          onChange={(value) => void inbox.setFilters({ parkId: value })}
        />
        <SelectButton
          label="需求类型"
          allLabel="全部类型"
          options={TYPE_OPTIONS}
          value={inbox.type}
          onChange={(value) => void inbox.setFilters({ type: value as RequestType | null })}
        />
      </View>
      {inbox.status === 'ready' ? (
        <View className="stf-count" {...a11y('status')}>
          <Text className="stf-count__total">{`「${STAFF_QUEUE_LABELS[inbox.queue]}」共 ${formatQueueCount(inbox)} 条`}</Text>
          {inbox.arrived > 0 ? <Text className="stf-count__new">{`新到 ${inbox.arrived} 条`}</Text> : null}
        </View>
      ) : null}
      {inbox.status === 'ready' && inbox.error ? (
        <Text className="svc-alert svc-alert--error" {...a11y('alert')}>
          {inbox.error}
        </Text>
      ) : null}
      {list}
    </View>
  )
}
