import { useEffect, useMemo, useState } from 'react'
import Taro, { useDidShow, useLoad, usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { useShallow } from 'zustand/react/shallow'
import { type PolicyCategory, type ZoneId } from '@/types/content'
import { POLICY_CATEGORIES, POLICY_CATEGORY_LABELS, isZoneIdLike } from '@/types/vocabulary'
import { policyFiltersKey, usePolicies } from './list-store'
import { useHome } from '@/features/home/home-store'
import ZonePicker from '@/features/zones/ZonePicker'
import { useZoneChoices } from '@/features/zones/use-zone-choices'
import { a11y } from '@/lib/a11y'
import { readParam } from '@/lib/query'
import { ROUTES, navigate, openPolicy } from '@/lib/routes'
import ChipGroup from '@/components/chip-group/ChipGroup'
import PolicyCard from './PolicyCard'
import SearchField from '@/components/search-field/SearchField'
import PageSkeleton from '@/components/status/PageSkeleton'
import ErrorState from '@/components/status/ErrorState'
import EmptyState from '@/components/status/EmptyState'
import OfflineNotice from '@/components/status/OfflineNotice'
import './policies-screen.scss'

const ANY = 'any'

export default function PoliciesScreen() {
  const state = usePolicies(
    useShallow((store) => ({
      filters: store.filters,
      items: store.items,
      status: store.status,
      error: store.error,
      offline: store.offline,
      savedAt: store.cache.find((entry) => entry.key === policyFiltersKey(store.filters))?.savedAt ?? null,
    })),
  )
  const { updateFilters, load } = usePolicies.getState()
  const zoneChoices = useZoneChoices()
  const [keyword, setKeyword] = useState(state.filters.q ?? '')
  const { filters } = state

  useLoad((params) => {
    const zoneId = readParam(params, 'zoneId')
    const category = readParam(params, 'category')
    if (zoneId || category) {
      void updateFilters({
        zoneId: isZoneIdLike(zoneId) ? zoneId : undefined,
        category: (POLICY_CATEGORIES as readonly string[]).includes(category ?? '') ? (category as PolicyCategory) : undefined,
      })
    } else {
      void load()
    }
    if (!useHome.getState().data) void useHome.getState().load()
  })

  // The zone picked on the home tab meanwhile (carried over) loads when this tab shows again.
  useDidShow(() => void usePolicies.getState().loadIfStale())

  useEffect(() => setKeyword(filters.q ?? ''), [filters.q])

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  const categoryOptions = useMemo(
    () => [
      { value: ANY, label: '全部' },
      ...POLICY_CATEGORIES.map((category) => ({ value: category as string, label: POLICY_CATEGORY_LABELS[category] })),
    ],
    [],
  )
  const expiredCount = state.items.filter((policy) => policy.expired).length

  return (
    <View className="policies pl-page">
      <View className="policies__search">
        <SearchField
          label="搜索政策"
          placeholder="搜索政策名称、内容"
          value={keyword}
          onChange={setKeyword}
          onSearch={(value) => void updateFilters({ q: value })}
          onClear={() => void updateFilters({ q: undefined })}
        />
      </View>

      {/* Named by what it shows, so the spoken name matches the screen. */}
      <View className="policies__match" onClick={() => navigate(ROUTES.match, { zoneId: filters.zoneId })} {...a11y('link')}>
        <View className="policies__match-text">
          <Text className="policies__match-title">政策匹配</Text>
          <Text className="policies__match-sub">填写项目情况，逐条说明能否享受、为什么</Text>
        </View>
        <Text className="pl-btn pl-btn--solid">去匹配</Text>
      </View>

      <View className="policies__filters">
        <ChipGroup
          label="政策类别"
          options={categoryOptions}
          value={filters.category ?? ANY}
          onChange={(value) => void updateFilters({ category: value === ANY ? undefined : (value as PolicyCategory) })}
          scroll
        />
        <View className="policies__zones">
          <ZonePicker
            label="区域"
            allLabel="全部区域"
            zones={zoneChoices.zones}
            chips={zoneChoices.chips}
            total={zoneChoices.total}
            loading={zoneChoices.loading}
            onOpenList={zoneChoices.openList}
            value={filters.zoneId ?? null}
            onChange={(zoneId) => void updateFilters({ zoneId: (zoneId ?? undefined) as ZoneId | undefined })}
          />
        </View>
      </View>

      {state.offline ? <OfflineNotice savedAt={state.savedAt} onRetry={() => void load()} /> : null}
      {state.status === 'loading' && state.items.length === 0 ? <PageSkeleton cards={3} /> : null}
      {state.status === 'error' && state.items.length === 0 ? <ErrorState message={state.error} onRetry={() => void load()} /> : null}
      {state.status === 'ready' && state.items.length === 0 ? (
        <EmptyState
          title="没有找到相关政策"
          description="换个类别或关键词试试；也可以找店小二咨询适用政策。"
          action={
            <Text
              className="pl-btn pl-btn--outline pl-btn--large"
              onClick={() => void usePolicies.getState().updateFilters({ zoneId: undefined, category: undefined, q: undefined })}
              {...a11y('button')}
            >
              查看全部政策
            </Text>
          }
        />
      ) : null}

      {state.items.length > 0 ? (
        <Text className="pl-muted policies__count" {...a11y('status')}>
          共 {state.items.length} 条{expiredCount ? `，其中 ${expiredCount} 条已过期（排在最后）` : ''}
        </Text>
      ) : null}
      <View {...a11y('list', { 'aria-label': '政策列表' })}>
        {state.items.map((policy) => (
          <View key={policy.id} {...a11y('listitem')}>
            <PolicyCard policy={policy} onOpen={openPolicy} showZone={!filters.zoneId} />
          </View>
        ))}
      </View>
    </View>
  )
}
