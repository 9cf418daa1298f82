import { useEffect, useMemo } from 'react'
import Taro, { useLoad, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { useShallow } from 'zustand/react/shallow'
import type { SpaceType } from '@/types/content'
import { SPACE_TYPES, SPACE_TYPE_LABELS } from '@/types/vocabulary'
import { AREA_RANGES, useSpaces } from './spaces-store'
import { useZoneCatalog } from '@/features/zones/catalog-store'
import ZonePicker from '@/features/zones/ZonePicker'
import { a11y } from '@/lib/a11y'
import { readParam } from '@/lib/query'
import { openService, openSpace } from '@/lib/routes'
import ChipGroup from '@/components/chip-group/ChipGroup'
import EmptyState from '@/components/status/EmptyState'
import ErrorState from '@/components/status/ErrorState'
import PageSkeleton from '@/components/status/PageSkeleton'
import SpaceCard from './SpaceCard'
import './spaces-screen.scss'

const ANY = 'any'

/** 载体: land, 标准厂房 and offices across zones, filtered, paged. */
export default function SpacesScreen() {
  const state = useSpaces(
    useShallow((s) => ({
      filters: s.filters,
      items: s.items,
      total: s.total,
      status: s.status,
      error: s.error,
      nextCursor: s.nextCursor,
      loadingMore: s.loadingMore,
      moreError: s.moreError,
    })),
  )
  const { setFilters, updateFilters, refresh, loadMore } = useSpaces.getState()
  const zones = useZoneCatalog((s) => s.zones)
  const zonesLoading = useZoneCatalog((s) => s.status === 'loading')
  const { filters } = state

  useLoad((params) => {
    void setFilters({ zoneId: readParam(params, 'zoneId'), parkId: readParam(params, 'parkId') })
  })
  useEffect(() => {
    void useZoneCatalog.getState().load()
  }, [])
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => void loadMore())

  const typeOptions = useMemo(
    () => [{ value: ANY, label: '全部类型' }, ...SPACE_TYPES.map((type) => ({ value: type as string, label: SPACE_TYPE_LABELS[type] }))],
    [],
  )
  const areaOptions = useMemo(
    () => [{ value: ANY, label: '面积不限' }, ...AREA_RANGES.map((range) => ({ value: range.label, label: range.label }))],
    [],
  )
  const areaValue = AREA_RANGES.find((range) => range.min === filters.minArea && range.max === filters.maxArea)?.label ?? ANY
  const parkName = filters.parkId ? state.items.find((space) => space.parkId === filters.parkId)?.parkName : undefined

  return (
    <View className="spaces pl-page">
      <View className="pl-card">
        <Text className="pl-title" {...a11y('heading', { 'aria-level': 1 })}>
          载体：土地、厂房、写字楼
        </Text>
        <Text className="pl-muted spaces__intro">各开发区公开的可用空间，点开可预约看厂、看地。</Text>
      </View>

      <View className="spaces__filters">
        <ZonePicker
          label="开发区"
          zones={zones}
          value={filters.zoneId ?? null}
          allLabel="全部"
          loading={zonesLoading}
          onOpenList={() => void useZoneCatalog.getState().load()}
          onChange={(zoneId) => void updateFilters({ zoneId: zoneId ?? undefined, parkId: undefined })}
        />
        {filters.parkId ? (
          <View className="spaces__park">
            <Text className="pl-muted">{`园区：${parkName ?? filters.parkId}`}</Text>
            <Text className="pl-link spaces__park-clear" onClick={() => void updateFilters({ parkId: undefined })} {...a11y('button')}>
              看全部园区
            </Text>
          </View>
        ) : null}
        <ChipGroup
          label="载体类型"
          options={typeOptions}
          value={filters.type ?? ANY}
          onChange={(value) => void updateFilters({ type: value === ANY ? undefined : (value as SpaceType) })}
          scroll
        />
        <ChipGroup
          label="面积"
          options={areaOptions}
          value={areaValue}
          onChange={(value) => {
            const range = AREA_RANGES.find((candidate) => candidate.label === value)
            void updateFilters({ minArea: range?.min, maxArea: range?.max })
          }}
          scroll
        />
        <Text
          className={`pl-chip spaces__available${filters.available ? ' pl-chip--active' : ''}`}
          onClick={() => void updateFilters({ available: !filters.available })}
          {...a11y('checkbox', { 'aria-checked': Boolean(filters.available), 'aria-label': '只看可租、可售' })}
        >
          只看可租、可售
        </Text>
      </View>

      {state.status === 'loading' && state.items.length === 0 ? <PageSkeleton cards={2} /> : null}
      {state.status === 'error' ? <ErrorState message={state.error} onRetry={() => void refresh()} /> : null}
      {state.status === 'ready' && state.items.length === 0 ? (
        <EmptyState
          title="没有符合条件的载体"
          description="换个开发区或放宽条件试试；也可以请店小二帮您找合适的土地和厂房。"
          action={
            <Text
              className="pl-btn pl-btn--solid pl-btn--large"
              onClick={() => openService({ zoneId: filters.zoneId, parkId: filters.parkId, type: 'site' })}
              {...a11y('button')}
            >
              请店小二帮我找
            </Text>
          }
        />
      ) : null}

      {state.items.length > 0 ? (
        <>
          <Text className="pl-muted spaces__count" {...a11y('status')}>{`共 ${state.total} 处载体`}</Text>
          <View className="pl-card spaces__list" {...a11y('list', { 'aria-label': '载体列表' })}>
            {state.items.map((space) => (
              <View key={space.id} {...a11y('listitem')}>
                <SpaceCard space={space} onOpen={openSpace} showPlace={!filters.parkId} />
              </View>
            ))}
          </View>
          <View className="spaces__footer" {...a11y('status')}>
            {state.loadingMore ? <Text className="pl-muted">正在加载更多…</Text> : null}
            {!state.loadingMore && (state.moreError || state.nextCursor) ? (
              <Text className="pl-btn" onClick={() => void loadMore()} {...a11y('button')}>
                {state.moreError ? '加载失败，点击重试' : '加载更多'}
              </Text>
            ) : null}
            {!state.nextCursor && state.status === 'ready' ? <Text className="pl-muted">没有更多了</Text> : null}
          </View>
        </>
      ) : null}
    </View>
  )
}
