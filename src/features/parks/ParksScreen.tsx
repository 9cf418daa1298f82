import { useEffect, useMemo, useState } from 'react'
import Taro, { useLoad, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { useShallow } from 'zustand/react/shallow'
import { type SpaceType, type ZoneId } from '@/types/content'
import { SPACE_TYPES, SPACE_TYPE_LABELS, isZoneIdLike } from '@/types/vocabulary'
import { INDUSTRIES, INDUSTRY_LABELS, type IndustryId } from '@/types/industries'
import { MIN_AREA_PRESETS, activeFilterCount, useParkDirectory } from './directory-store'
import { useIndustries } from './industries-store'
import { useHome } from '@/features/home/home-store'
import { chainsInIndustry, useChains } from '@/features/chains/chains-store'
import ChainLinks from '@/features/chains/ChainLinks'
import ZonePicker from '@/features/zones/ZonePicker'
import { useZoneChoices } from '@/features/zones/use-zone-choices'
import { useCompare } from './compare-store'
import { a11y } from '@/lib/a11y'
import { formatSquareMeters } from '@/lib/format'
import { readParam } from '@/lib/query'
import { openCompare, openPark, openSpaces, openZone } from '@/lib/routes'
import FilterSheet from './internal/FilterSheet'
import ParkCard from './ParkCard'
import SearchField from '@/components/search-field/SearchField'
import PageSkeleton from '@/components/status/PageSkeleton'
import ErrorState from '@/components/status/ErrorState'
import EmptyState from '@/components/status/EmptyState'
import OfflineNotice from '@/components/status/OfflineNotice'
import './parks-screen.scss'

type Sheet = 'industry' | 'space' | 'area' | null
const ANY = 'any'

export default function ParksScreen() {
  const directory = useParkDirectory(
    useShallow((state) => ({
      filters: state.filters,
      items: state.items,
      total: state.total,
      status: state.status,
      error: state.error,
      offline: state.offline,
      nextCursor: state.nextCursor,
      loadingMore: state.loadingMore,
      moreError: state.moreError,
      savedAt: state.cache?.savedAt ?? null,
    })),
  )
  const { setFilters, updateFilters, refresh, loadMore } = useParkDirectory.getState()
  const zoneChoices = useZoneChoices()
  const compareCount = useCompare((state) => state.items.length)
  const [keyword, setKeyword] = useState(directory.filters.q ?? '')
  const [sheet, setSheet] = useState<Sheet>(null)
  const { filters } = directory

  // Deep links (H5 URL, reLaunch) may carry q and zoneId; the home tab hands them over through the store.
  useLoad((params) => {
    const q = readParam(params, 'q')
    const zoneId = readParam(params, 'zoneId')
    if (q || zoneId) {
      void setFilters({ q, zoneId: isZoneIdLike(zoneId) ? zoneId : undefined })
    } else if (useParkDirectory.getState().status === 'idle') {
      void refresh()
    }
    if (!useHome.getState().data) void useHome.getState().load()
  })

  // The search box follows filters changed elsewhere (home search).
  useEffect(() => setKeyword(filters.q ?? ''), [filters.q])

  const industryKey = filters.zoneId ?? ''
  const zoneIndustries = useIndustries((state) => state.byZone[industryKey])
  const chainCards = useChains((state) => state.lists[industryKey])
  // The chains of the chosen industry (链长制) sit above the parks in it.
  useEffect(() => {
    if (filters.industry) void useChains.getState().loadList(filters.zoneId)
  }, [filters.industry, filters.zoneId])
  const industryChains = filters.industry && chainCards ? chainsInIndustry(chainCards, filters.industry) : []
  const openSheet = (next: Exclude<Sheet, null>) => {
    if (next === 'industry') void useIndustries.getState().load(filters.zoneId)
    setSheet(next)
  }
  // One curated list, narrowed to the industries the chosen zone's parks are in (all of it until that loads).
  const industryOptions = useMemo(() => {
    const known = zoneIndustries?.status === 'ready' ? zoneIndustries.items : null
    const list = known
      ? known.map((industry) => ({ value: industry.id as string, label: `${industry.label}（${industry.parkCount}）` }))
      : INDUSTRIES.map((industry) => ({ value: industry.id as string, label: industry.label }))
    const chosen = filters.industry
    if (chosen && !list.some((option) => option.value === chosen)) list.push({ value: chosen, label: INDUSTRY_LABELS[chosen] })
    return [{ value: ANY, label: '不限' }, ...list]
  }, [zoneIndustries, filters.industry])
  const zoneName = filters.zoneId ? zoneChoices.zones.find((zone) => zone.id === filters.zoneId)?.name : undefined

  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })

  useReachBottom(() => {
    void loadMore()
  })

  const industryLabel = filters.industry ? INDUSTRY_LABELS[filters.industry] : '产业'
  const spaceLabel = filters.spaceType ? SPACE_TYPE_LABELS[filters.spaceType] : '空间类型'
  const areaLabel = filters.minArea ? `${formatSquareMeters(filters.minArea)}以上` : '面积'
  const filterCount = activeFilterCount(filters)

  const triggers: Array<{ key: Exclude<Sheet, null>; label: string; active: boolean; name: string }> = [
    { key: 'industry', label: industryLabel, active: Boolean(filters.industry), name: '主导产业' },
    { key: 'space', label: spaceLabel, active: Boolean(filters.spaceType), name: '空间类型' },
    { key: 'area', label: areaLabel, active: Boolean(filters.minArea), name: '最小面积' },
  ]

  const showSkeleton = directory.status === 'loading' && directory.items.length === 0
  const showError = directory.status === 'error' && directory.items.length === 0
  const showEmpty = directory.status === 'ready' && directory.items.length === 0

  return (
    <View className="parks pl-page">
      <View className="parks__search">
        <SearchField
          label="搜索园区"
          placeholder="搜索园区名称、产业、企业"
          value={keyword}
          onChange={setKeyword}
          onSearch={(value) => void updateFilters({ q: value })}
          onClear={() => void updateFilters({ q: undefined })}
        />
      </View>

      <View className="parks__zones">
        <ZonePicker
          label="开发区"
          allLabel="全部"
          zones={zoneChoices.zones}
          chips={zoneChoices.chips}
          total={zoneChoices.total}
          loading={zoneChoices.loading}
          onOpenList={zoneChoices.openList}
          value={filters.zoneId ?? null}
          onChange={(zoneId) => void updateFilters({ zoneId: (zoneId ?? undefined) as ZoneId | undefined })}
        />
      </View>

      <View className="parks__filters">
        {triggers.map((trigger) => (
          <View
            key={trigger.key}
            className={`parks__trigger${trigger.active ? ' parks__trigger--active' : ''}`}
            onClick={() => openSheet(trigger.key)}
            {...a11y('button', { 'aria-haspopup': 'dialog', 'aria-label': `${trigger.name}：${trigger.active ? trigger.label : '不限'}` })}
          >
            <Text className="parks__trigger-text">{trigger.label}</Text>
            <Text className="parks__trigger-caret" aria-hidden>
              ▾
            </Text>
          </View>
        ))}
      </View>

      <View className="parks__links">
        {filters.zoneId ? (
          <Text className="pl-link parks__link" onClick={() => filters.zoneId && openZone(filters.zoneId)} {...a11y('link')}>
            {`${zoneName ?? '开发区'}主页 ›`}
          </Text>
        ) : null}
        <Text className="pl-link parks__link" onClick={() => openSpaces({ zoneId: filters.zoneId })} {...a11y('link')}>
          找土地厂房 ›
        </Text>
      </View>

      {industryChains.length > 0 ? (
        <View className="pl-card parks__chains">
          <Text className="parks__chains-title">{`${filters.industry ? INDUSTRY_LABELS[filters.industry] : ''}相关产业链`}</Text>
          <ChainLinks chains={industryChains} showZone={!filters.zoneId} />
        </View>
      ) : null}

      {directory.status === 'ready' && directory.items.length > 0 ? (
        <View className="parks__summary">
          <Text className="pl-muted" {...a11y('status')}>
            共 {directory.total} 个园区
          </Text>
          {filterCount > 0 || filters.q ? (
            <Text className="pl-link parks__reset" onClick={() => void setFilters({})} {...a11y('button')}>
              清除筛选
            </Text>
          ) : null}
        </View>
      ) : null}

      {directory.offline ? <OfflineNotice savedAt={directory.savedAt} onRetry={() => void refresh()} /> : null}
      {showSkeleton ? <PageSkeleton cards={3} /> : null}
      {showError ? <ErrorState message={directory.error} onRetry={() => void refresh()} /> : null}
      {showEmpty ? (
        <EmptyState
          title="没有符合条件的园区"
          description="换个关键词或放宽筛选条件试试；也可以找店小二帮您推荐。"
          action={
            <Text className="pl-btn pl-btn--outline pl-btn--large" onClick={() => void setFilters({})} {...a11y('button')}>
              清除全部筛选
            </Text>
          }
        />
      ) : null}

      <View {...a11y('list', { 'aria-label': '园区列表' })}>
        {directory.items.map((park) => (
          <View key={park.id} {...a11y('listitem')}>
            <ParkCard park={park} onOpen={openPark} />
          </View>
        ))}
      </View>

      {directory.items.length > 0 ? (
        <View className="parks__footer" {...a11y('status')}>
          {directory.loadingMore ? <Text className="pl-muted">正在加载更多…</Text> : null}
          {!directory.loadingMore && directory.moreError ? (
            <Text className="pl-link" onClick={() => void loadMore()} {...a11y('button')}>
              加载失败，点击重试
            </Text>
          ) : null}
          {!directory.loadingMore && !directory.moreError && directory.nextCursor ? (
            <Text className="pl-link" onClick={() => void loadMore()} {...a11y('button')}>
              加载更多
            </Text>
          ) : null}
          {!directory.nextCursor && directory.status === 'ready' && !directory.offline ? (
            <Text className="pl-muted">没有更多了</Text>
          ) : null}
        </View>
      ) : null}

      {compareCount > 0 ? (
        <View className="parks__compare" onClick={() => openCompare()} {...a11y('link', { 'aria-label': `对比 ${compareCount} 个园区` })}>
          <Text aria-hidden>对比 {compareCount}</Text>
        </View>
      ) : null}

      <FilterSheet
        visible={sheet === 'industry'}
        title="主导产业"
        hint={filters.zoneId ? `${zoneName ?? '所选开发区'}的园区所在的产业（园区数）` : '统一产业目录（括号内为园区数）'}
        options={industryOptions}
        value={filters.industry ?? ANY}
        onChange={(value) => void updateFilters({ industry: value === ANY ? undefined : (value as IndustryId) })}
        onClose={() => setSheet(null)}
      />
      <FilterSheet
        visible={sheet === 'space'}
        title="空间类型"
        hint="筛选有可用土地、标准厂房或写字楼的园区"
        options={[{ value: ANY, label: '不限' }, ...SPACE_TYPES.map((type) => ({ value: type as string, label: SPACE_TYPE_LABELS[type] }))]}
        value={filters.spaceType ?? ANY}
        onChange={(value) => void updateFilters({ spaceType: value === ANY ? undefined : (value as SpaceType) })}
        onClose={() => setSheet(null)}
      />
      <FilterSheet
        visible={sheet === 'area'}
        title="最小面积"
        hint="至少有一处可用空间达到该面积（1 亩约 667 平方米）"
        options={[
          { value: ANY, label: '不限' },
          ...MIN_AREA_PRESETS.map((m2) => ({ value: String(m2), label: `${formatSquareMeters(m2)}以上` })),
        ]}
        value={filters.minArea ? String(filters.minArea) : ANY}
        onChange={(value) => void updateFilters({ minArea: value === ANY ? undefined : Number(value) })}
        onClose={() => setSheet(null)}
      />
    </View>
  )
}
