import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import {
  PROJECT_STAGES,
  PROJECT_STAGE_LABELS,
  SCHEDULE_LABELS,
  STAGE_STATE_LABELS,
  OVERDUE_LABEL,
  type Schedule,
} from '@/types/project-stages'
import type { StaffProjectCard } from '@/types/projects'
import ChipGroup from '@/components/chip-group/ChipGroup'
import EmptyState from '@/components/status/EmptyState'
import ErrorState from '@/components/status/ErrorState'
import PageSkeleton from '@/components/status/PageSkeleton'
import { useZoneCatalog } from '@/features/zones/catalog-store'
import { a11y } from '@/lib/a11y'
import { ROUTES, navigate } from '@/lib/routes'
import { useBoard } from './board-store'
import { useStaffSession } from './staff-guard'
import '@/styles/service.scss'
import './board-screen.scss'
import './desk.scss'

const ALL = 'all'
const SCHEDULE_OPTIONS = [
  { value: ALL, label: '全部' },
  ...(['red', 'amber', 'green'] as const).map((value) => ({ value, label: SCHEDULE_LABELS[value] })),
]
const STAGE_OPTIONS = [{ value: ALL, label: '全部阶段' }, ...PROJECT_STAGES.map((value) => ({ value, label: PROJECT_STAGE_LABELS[value] }))]
const STATE_OPTIONS = [
  { value: ALL, label: '全部状态' },
  ...(['not_started', 'in_progress', 'blocked'] as const).map((value) => ({ value, label: STAGE_STATE_LABELS[value] })),
]

const stateText = (card: StaffProjectCard) =>
  card.currentStage === null
    ? '已全部完成'
    : `${PROJECT_STAGE_LABELS[card.currentStage]} · ${card.overdue && card.currentState !== 'blocked' ? OVERDUE_LABEL : STAGE_STATE_LABELS[card.currentState!]}`

function ProjectRow({ card }: { card: StaffProjectCard }) {
  const lines = [
    card.overdueStages.length ? `逾期：${card.overdueStages.map((stage) => PROJECT_STAGE_LABELS[stage]).join('、')}` : null,
    card.blockedStages.length ? `受阻：${card.blockedStages.map((stage) => PROJECT_STAGE_LABELS[stage]).join('、')}` : null,
    card.nextDue ? `下一节点：${PROJECT_STAGE_LABELS[card.nextDue.stage]} ${card.nextDue.plannedDate}` : '尚未排定计划日期',
  ].filter((line): line is string => line !== null)
  return (
    <View
      role="listitem"
      className={`svc-card brd-row brd-row--${card.schedule}`}
      onClick={() => navigate(ROUTES.staffProject, { id: card.id })}
      aria-label={`${card.name}，${SCHEDULE_LABELS[card.schedule]}，${stateText(card)}`}
    >
      <View className="svc-row">
        <Text className="svc-strong brd-row__name">{card.name}</Text>
        <Text className={`brd-flag brd-flag--${card.schedule}`}>{SCHEDULE_LABELS[card.schedule]}</Text>
      </View>
      <Text className="svc-muted">{[card.parkName ?? card.zoneName, card.partner].filter(Boolean).join(' · ')}</Text>
      <Text className="brd-row__state">{stateText(card)}</Text>
      {lines.map((line) => (
        <Text
          key={line}
          className={`svc-muted brd-row__line${line.startsWith('逾期') || line.startsWith('受阻') ? ' svc-tone--danger' : ''}`}
        >
          {line}
        </Text>
      ))}
      <Text className="svc-muted brd-row__line">{`包挂领导：${card.leader?.displayName ?? '未指定'} · 专班 ${card.teamSize} 人`}</Text>
    </View>
  )
}

/** 督考看板: every project of the zone, red/amber/green by schedule, the overdue ones first. */
export default function BoardScreen() {
  const session = useStaffSession()
  const board = useBoard((s) => s.board)
  const status = useBoard((s) => s.status)
  const error = useBoard((s) => s.error)
  const filters = useBoard((s) => s.filters)
  const parks = useZoneCatalog((s) => s.parks)

  useDidShow(() => {
    if (!session) return
    void useZoneCatalog.getState().load()
    void useBoard.getState().load()
  })
  usePullDownRefresh(() => {
    void useBoard
      .getState()
      .load()
      .finally(() => Taro.stopPullDownRefresh())
  })
  if (!session) return <View className="svc-root" />

  const setFilters = useBoard.getState().setFilters
  const zoneParks = parks.filter((park) => !session.staff.zoneId || park.zoneId === session.staff.zoneId)
  const leaders = [...new Map((board?.items ?? []).flatMap((card) => (card.leader ? [[card.leader.id, card.leader]] : []))).values()]
  const counts = board?.counts

  return (
    <View className="svc-root">
      <View className="svc-card brd-head">
        <View className="svc-row">
          <Text className="svc-card__title">项目督考</Text>
          <View className="brd-links">
            <Text className="svc-link brd-link" {...a11y('link')} onClick={() => navigate(ROUTES.staffWeekly)}>
              督考周报
            </Text>
            <Text className="svc-link brd-link" {...a11y('link')} onClick={() => navigate(ROUTES.staffInbox)}>
              工作台
            </Text>
          </View>
        </View>
        {counts ? (
          <Text className="svc-muted" {...a11y('status')}>
            {`共 ${counts.total} 个项目 · 滞后 ${counts.red} · 临近 ${counts.amber} · 正常 ${counts.green} · 有逾期 ${counts.overdue}`}
          </Text>
        ) : null}
      </View>

      <View className="svc-card">
        <ChipGroup
          label="进度"
          options={SCHEDULE_OPTIONS}
          value={filters.schedule ?? ALL}
          onChange={(value) => void setFilters({ schedule: value === ALL ? undefined : (value as Schedule) })}
        />
        <Text
          className={`pl-chip${filters.overdue ? ' pl-chip--active' : ''}`}
          {...a11y('checkbox', { 'aria-checked': Boolean(filters.overdue) })}
          onClick={() => void setFilters({ overdue: filters.overdue ? undefined : 'true' })}
        >
          只看逾期
        </Text>
        <ChipGroup
          label="当前阶段"
          scroll
          options={STAGE_OPTIONS}
          value={filters.stage ?? ALL}
          onChange={(value) => void setFilters({ stage: value === ALL ? undefined : (value as (typeof PROJECT_STAGES)[number]) })}
        />
        <ChipGroup
          label="阶段状态"
          options={STATE_OPTIONS}
          value={filters.state ?? ALL}
          onChange={(value) => void setFilters({ state: value === ALL ? undefined : (value as 'not_started' | 'in_progress' | 'blocked') })}
        />
        {zoneParks.length ? (
          <ChipGroup
            label="园区"
            scroll
            options={[{ value: ALL, label: '全部园区' }, ...zoneParks.map((park) => ({ value: park.id, label: park.name }))]}
            value={filters.parkId ?? ALL}
            onChange={(value) => void setFilters({ parkId: value === ALL ? undefined : value })}
          />
        ) : null}
        {leaders.length || filters.leaderId ? (
          <ChipGroup
            label="包挂领导"
            scroll
            options={[{ value: ALL, label: '全部领导' }, ...leaders.map((leader) => ({ value: leader.id, label: leader.displayName }))]}
            value={filters.leaderId ?? ALL}
            onChange={(value) => void setFilters({ leaderId: value === ALL ? undefined : value })}
          />
        ) : null}
      </View>

      {status === 'error' && !board ? (
        <ErrorState message={error} onRetry={() => void useBoard.getState().load()} />
      ) : !board ? (
        <PageSkeleton cards={3} label="正在加载督考看板" />
      ) : board.items.length === 0 ? (
        <EmptyState title="没有符合条件的项目" description="换一个筛选条件看看。" />
      ) : (
        <View role="list" aria-label="项目" aria-busy={status === 'loading'}>
          {board.items.map((card) => (
            <ProjectRow key={card.id} card={card} />
          ))}
        </View>
      )}
    </View>
  )
}
