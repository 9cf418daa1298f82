import { useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { View, Text, Picker } from '@tarojs/components'
import { REQUEST_TYPE_LABELS } from '@/types/service'
import type { ZoneId } from '@/types/content'
import { useZoneCatalog } from '@/features/zones/catalog-store'
import ChipGroup from '@/components/chip-group/ChipGroup'
import DeadlineText from '@/components/request/DeadlineText'
import ErrorState from '@/components/status/ErrorState'
import PageSkeleton from '@/components/status/PageSkeleton'
import { STAFF_STATUS_LABELS } from './internal/labels'
import { formatMinutes } from '@/components/request/countdown'
import { formatChinaDate } from '@/types/china-time'
import { useNow } from '@/lib/use-now'
import { a11y } from '@/lib/a11y'
import { PERIODS, periodRange, useDashboard, type PeriodDays } from './dashboard-store'
import { isAdmin, useStaffGuard } from './internal/guard'
import { backToInbox, openShare, openStaffRequest } from './internal/navigation'
import { formatShare } from '@/lib/format'
import { rankCounts, referralRows } from './internal/figures'
import { StaffBar } from './internal/StaffBar'
import '@/styles/service.scss'
import './internal/staff.scss'
import './dashboard-screen.scss'

type PeriodChoice = `${PeriodDays}` | 'custom'
const PERIOD_OPTIONS: { value: PeriodChoice; label: string }[] = [
  ...PERIODS.map((d) => ({ value: `${d}` as PeriodChoice, label: `近${d}天` })),
  { value: 'custom', label: '自定义' },
]

function Bars({ rows, total }: { rows: { key: string; label: string; count: number }[]; total: number }) {
  if (!rows.length) return <Text className="svc-muted">暂无数据</Text>
  return (
    <View role="list">
      {rows.map((row) => (
        <View key={row.key} role="listitem" className="stf-bar" aria-label={`${row.label} ${row.count} 件`}>
          <View className="svc-row">
            <Text className="stf-bar__label">{row.label}</Text>
            <Text className="stf-bar__count">{row.count}</Text>
          </View>
          <View className="stf-bar__track" aria-hidden="true">
            <View className="stf-bar__fill" style={{ width: `${total ? Math.max(2, (row.count / total) * 100) : 0}%` }} />
          </View>
        </View>
      ))}
    </View>
  )
}

export default function DashboardScreen() {
  const session = useStaffGuard()
  const dash = useDashboard()
  const zones = useZoneCatalog((s) => s.zones)
  const parks = useZoneCatalog((s) => s.parks)
  const now = useNow(60_000)
  const [custom, setCustom] = useState(() => periodRange({ kind: 'days', days: 30 }))

  useDidShow(() => {
    if (!session) return
    void useZoneCatalog.getState().load()
    // Park names of shared links (the staff member's zone; admins see ids of other zones' parks).
    void useZoneCatalog.getState().loadParks(session.staff.zoneId)
    void useDashboard.getState().load()
  })
  usePullDownRefresh(() => {
    void useDashboard
      .getState()
      .load()
      .finally(() => Taro.stopPullDownRefresh())
  })

  if (!session) return <View className="svc-root" />

  const periodChoice: PeriodChoice = dash.period.kind === 'days' ? (`${dash.period.days}` as PeriodChoice) : 'custom'
  const onPeriod = (choice: PeriodChoice) => {
    if (choice === 'custom') void dash.setPeriod({ kind: 'range', ...custom })
    else void dash.setPeriod({ kind: 'days', days: Number(choice) as PeriodDays })
  }
  const setRange = (patch: Partial<{ from: string; to: string }>) => {
    const next = { ...custom, ...patch }
    // Keep from ≤ to whichever end moved.
    if (next.from > next.to) {
      if (patch.from) next.to = next.from
      else next.from = next.to
    }
    setCustom(next)
    void dash.setPeriod({ kind: 'range', ...next })
  }

  const data = dash.data
  const statusRows = data ? rankCounts(data.byStatus, STAFF_STATUS_LABELS) : []
  const typeRows = data ? rankCounts(data.byType, REQUEST_TYPE_LABELS) : []
  const parkRows = data
    ? [
        ...[...data.byPark].sort((a, b) => b.count - a.count).map((p) => ({ key: p.parkId ?? 'none', label: p.parkName, count: p.count })),
        ...(data.byParkOther
          ? [{ key: 'other', label: `其他（${data.byParkOther.parkCount} 个园区）`, count: data.byParkOther.count }]
          : []),
      ]
    : []
  const referrals = referralRows(data?.referrals, Object.fromEntries(parks.map((park) => [park.id, park.name])))

  return (
    <View className="svc-root">
      <StaffBar
        session={session}
        links={[
          { label: '返回工作台', onClick: backToInbox },
          { label: '我的分享码', onClick: openShare },
        ]}
      />

      <View className="svc-card">
        <Text className="svc-card__title">统计周期</Text>
        <ChipGroup label="统计周期" options={PERIOD_OPTIONS} value={periodChoice} onChange={onPeriod} />
        {periodChoice === 'custom' ? (
          <View className="stf-range">
            <Picker mode="date" value={custom.from} end={custom.to} onChange={(e) => setRange({ from: String(e.detail.value) })}>
              <View className="stf-range__field" role="button" aria-label={`开始日期 ${custom.from}`}>
                <Text className="svc-muted">开始</Text>
                <Text>{custom.from}</Text>
              </View>
            </Picker>
            <Text aria-hidden="true">至</Text>
            <Picker mode="date" value={custom.to} start={custom.from} onChange={(e) => setRange({ to: String(e.detail.value) })}>
              <View className="stf-range__field" role="button" aria-label={`结束日期 ${custom.to}`}>
                <Text className="svc-muted">结束</Text>
                <Text>{custom.to}</Text>
              </View>
            </Picker>
          </View>
        ) : null}
        {isAdmin(session) ? (
          <View className="stf-zone">
            <Text className="stf-section-note">开发区</Text>
            <ChipGroup
              label="开发区"
              options={[{ value: 'all', label: '全部' }, ...zones.map((z) => ({ value: z.id, label: z.shortName }))]}
              value={dash.zoneId ?? 'all'}
              onChange={(v) => void dash.setZone(v === 'all' ? null : (v as ZoneId))}
            />
          </View>
        ) : null}
        {data ? (
          <Text className="svc-muted stf-period">{`${formatChinaDate(`${data.from}T00:00:00+08:00`, now)} – ${formatChinaDate(`${data.to}T00:00:00+08:00`, now)}`}</Text>
        ) : null}
      </View>

      {dash.status === 'error' ? (
        <ErrorState message={dash.error ?? '加载失败'} actionText="重试" onRetry={() => void dash.load()} />
      ) : !data ? (
        <PageSkeleton cards={4} />
      ) : (
        <View className={dash.status === 'loading' ? 'stf-dash stf-dash--stale' : 'stf-dash'} aria-busy={dash.status === 'loading'}>
          <View className="stf-kpis">
            <View className="stf-kpi">
              <Text className="stf-kpi__value">{data.total}</Text>
              <Text className="stf-kpi__label">请求总数</Text>
            </View>
            <View className="stf-kpi">
              <Text className="stf-kpi__value">{formatShare(data.firstResponse.within24hShare)}</Text>
              <Text className="stf-kpi__label">24小时内响应</Text>
            </View>
            <View className="stf-kpi">
              <Text className="stf-kpi__value">{formatMinutes(data.firstResponse.medianMinutes)}</Text>
              <Text className="stf-kpi__label">首次响应中位数</Text>
            </View>
            <View className="stf-kpi">
              <Text className="stf-kpi__value">{formatMinutes(data.firstResponse.p90Minutes)}</Text>
              <Text className="stf-kpi__label">首次响应 P90</Text>
            </View>
            <View className="stf-kpi">
              <Text className="stf-kpi__value">{formatShare(data.resolutionWithinTargetShare)}</Text>
              <Text className="stf-kpi__label">按时办结率</Text>
            </View>
            <View className="stf-kpi">
              <Text className="stf-kpi__value">{formatShare(data.satisfactionShare)}</Text>
              <Text className="stf-kpi__label">{`满意度（${data.ratedCount} 条评价）`}</Text>
            </View>
          </View>
          <Text className="stf-footnote">满意度 = 评价为“非常满意”或“满意”的占比。</Text>

          <View className="svc-card">
            <Text className="svc-card__title">{`已超时未响应（${data.overdue.length}）`}</Text>
            {data.overdue.length ? (
              <View role="list">
                {data.overdue.map((item) => (
                  <View key={item.id} role="listitem" className="stf-overdue" onClick={() => openStaffRequest(item.id)}>
                    <View className="svc-row">
                      <Text className="svc-strong">{item.ticketNo}</Text>
                      <DeadlineText request={item} now={now} />
                    </View>
                    <Text className="svc-muted">{`${REQUEST_TYPE_LABELS[item.type]} · ${item.company} · ${item.assignee?.displayName ?? '未指派'}`}</Text>
                  </View>
                ))}
              </View>
            ) : (
              <Text className="svc-muted">没有超时未响应的请求。</Text>
            )}
          </View>

          <View className="svc-card">
            <Text className="svc-card__title">按状态</Text>
            <Bars rows={statusRows} total={data.total} />
          </View>
          <View className="svc-card">
            <Text className="svc-card__title">按需求类型</Text>
            <Bars rows={typeRows} total={data.total} />
          </View>
          <View className="svc-card">
            <Text className="svc-card__title">按园区</Text>
            <Bars rows={parkRows} total={data.total} />
          </View>
          <View className="svc-card">
            <Text className="svc-card__title">{`分享带来的访客（${referrals.staffTotal}）`}</Text>
            <Text className="svc-muted">工作人员分享的页面被打开的次数</Text>
            <Bars rows={referrals.byStaff} total={referrals.staffTotal} />
            {referrals.otherVisits > 0 ? (
              <Text className="svc-muted stf-referrals__other">{`另有 ${referrals.otherVisits} 次来自企业转发或无法识别的分享码，未计入工作人员。`}</Text>
            ) : null}
          </View>
          <View className="svc-card">
            <Text className="svc-card__title">被打开的分享页面</Text>
            <Bars rows={referrals.byPage} total={referrals.total} />
          </View>
        </View>
      )}
      {dash.status === 'ready' ? null : (
        <Text className="stf-sr" {...a11y('status')}>
          {dash.status === 'loading' ? '正在更新' : ''}
        </Text>
      )}
    </View>
  )
}
