import { useEffect, useMemo, useState } from 'react'
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useShallow } from 'zustand/react/shallow'
import type { ParkCard } from '@/types/content-api'
import type { ZoneServiceStats } from '@/types/service'
import { MAX_COMPARE, MIN_COMPARE, useCompare, type CompareItem } from './compare-store'
import { useParkProfiles } from './profiles-store'
import { useServiceStats } from '@/features/zones/service-stats-store'
import { fetchParks } from './api'
import { currentShareRef, recordShareVisit, sharePath, shareQuery } from '@/features/sharing/share'
import { a11y } from '@/lib/a11y'
import { EMPTY_CELL, compareRows } from './internal/compare-table'
import { readList, readParam } from '@/lib/query'
import { usePageTitle } from '@/lib/use-page-title'
import { ROUTES, navigate, openPark } from '@/lib/routes'
import BottomBar from '@/components/bottom-bar/BottomBar'
import ParkPicker from './internal/ParkPicker'
import PageSkeleton from '@/components/status/PageSkeleton'
import ErrorState from '@/components/status/ErrorState'
import EmptyState from '@/components/status/EmptyState'
import OfflineNotice from '@/components/status/OfflineNotice'
import './compare-screen.scss'

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' })
/** Also in the page's index.config.ts: the title every visit shows, whatever page was open before. */
const COMPARE_TITLE = '园区对比'

export default function CompareScreen() {
  const { params } = useRouter()
  const linkIds = useMemo(() => readList(params, 'ids').slice(0, MAX_COMPARE), [params])
  const ref = readParam(params, 'ref')
  const tray = useCompare((state) => state.items)
  // A shared link shows its own parks until the visitor edits the selection.
  const [fromLink, setFromLink] = useState(linkIds.length > 0)
  const ids = useMemo(() => (fromLink ? linkIds : tray.map((item) => item.id)), [fromLink, linkIds, tray])
  const idsKey = ids.join(',')
  const [picking, setPicking] = useState(false)
  usePageTitle(COMPARE_TITLE)

  const profiles = useParkProfiles(useShallow((state) => ids.map((id) => state.profiles[id])))
  const loads = useParkProfiles(useShallow((state) => ids.map((id) => state.loads[id])))
  const statsByZone = useServiceStats((state) => state.byZone)
  // The picker's parks: the directory's first page, fetched when it first opens.
  const [catalog, setCatalog] = useState<ParkCard[] | null>(null)

  useEffect(() => {
    for (const id of ids) void useParkProfiles.getState().load(id)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [idsKey])

  useEffect(() => {
    if (ref && linkIds.length) recordShareVisit('pages/compare/index', linkIds.join(','), ref)
  }, [ref, linkIds])

  const details = profiles.map((profile) => profile?.detail).filter((detail): detail is NonNullable<typeof detail> => Boolean(detail))
  const zoneIds = Array.from(new Set(details.map((detail) => detail.zone.id)))
  useEffect(() => {
    for (const zoneId of zoneIds) void useServiceStats.getState().load(zoneId)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [zoneIds.join(',')])

  useShareAppMessage(() => ({
    title: details.length ? `园区对比：${details.map((detail) => detail.park.name).join(' vs ')}` : '园区通 · 园区对比',
    path: sharePath(ROUTES.compare, { ids: idsKey || undefined }, currentShareRef()),
  }))
  useShareTimeline(() => ({
    title: details.length ? `园区对比：${details.map((detail) => detail.park.name).join(' vs ')}` : '园区通 · 园区对比',
    query: shareQuery({ ids: idsKey || undefined }, currentShareRef()),
  }))

  const stats = useMemo(() => {
    const out: Record<string, ZoneServiceStats | undefined> = {}
    for (const [zoneId, entry] of Object.entries(statsByZone)) out[zoneId] = entry.status === 'ready' ? entry.stats : undefined
    return out
  }, [statsByZone])
  const rows = useMemo(() => compareRows(details, stats), [details, stats])

  /** Editing a shared comparison turns it into the visitor's own tray. */
  const ownTray = (): void => {
    if (!fromLink) return
    const items: CompareItem[] = ids.map((id, index) => {
      const detail = profiles[index]?.detail
      return { id, name: detail?.park.name ?? id, zoneName: detail?.zone.name ?? '' }
    })
    useCompare.getState().replace(items)
    setFromLink(false)
  }

  const remove = (id: string) => {
    ownTray()
    useCompare.getState().remove(id)
  }

  const togglePicked = (park: ParkCard) => {
    ownTray()
    const outcome = useCompare.getState().toggle({ id: park.id, name: park.name, zoneName: park.zoneName })
    if (outcome === 'full') toast(`最多对比 ${MAX_COMPARE} 个园区`)
  }

  const openPicker = () => {
    if (!catalog) {
      fetchParks({ limit: 50 })
        .then((page) => setCatalog(page.items))
        .catch(() => setCatalog(null))
    }
    setPicking(true)
  }

  const missing = ids.filter((_, index) => !profiles[index])
  const failed = ids.filter((_, index) => !profiles[index] && loads[index]?.status === 'error')
  const offline = loads.some((load) => load?.offline)

  let body
  if (ids.length < MIN_COMPARE) {
    body = (
      <EmptyState
        title={ids.length === 0 ? '还没有选择园区' : `再选 ${MIN_COMPARE - ids.length} 个园区即可对比`}
        description="可对比 2–3 个园区的面积、投资、产业、可用空间、政策和服务。"
        action={
          <Button type="primary" onClick={openPicker}>
            添加园区
          </Button>
        }
      />
    )
  } else if (failed.length > 0) {
    body = (
      <ErrorState
        message={loads.find((load) => load?.status === 'error')?.error}
        onRetry={() => failed.forEach((id) => void useParkProfiles.getState().load(id))}
      />
    )
  } else if (missing.length > 0) {
    body = <PageSkeleton cards={2} label="正在加载对比数据" />
  } else {
    body = (
      <View className="compare__table pl-card" {...a11y('table', { 'aria-label': '园区对比表' })}>
        <View className="compare__row compare__row--head" {...a11y('row')}>
          <View className="compare__label" {...a11y('columnheader')}>
            <Text>园区</Text>
          </View>
          {details.map((detail) => (
            <View key={detail.park.id} className="compare__cell compare__cell--head" {...a11y('columnheader')}>
              <Text className="compare__park" onClick={() => openPark(detail.park.id)} {...a11y('link')}>
                {detail.park.name}
              </Text>
              <Text
                className="compare__remove"
                onClick={() => remove(detail.park.id)}
                {...a11y('button', { 'aria-label': `移除${detail.park.name}` })}
              >
                移除
              </Text>
            </View>
          ))}
        </View>
        {rows.map((row) => (
          <View key={row.label} className="compare__row" {...a11y('row')}>
            <View className="compare__label" {...a11y('rowheader')}>
              <Text>{row.label}</Text>
            </View>
            {row.cells.map((lines, index) => (
              <View key={details[index].park.id} className="compare__cell" {...a11y('cell')}>
                {lines.length === 0 ? (
                  <Text className="compare__line compare__line--empty" aria-label="无">
                    {EMPTY_CELL}
                  </Text>
                ) : (
                  lines.map((line, lineIndex) => (
                    <Text key={lineIndex} className="compare__line">
                      {line}
                    </Text>
                  ))
                )}
              </View>
            ))}
          </View>
        ))}
      </View>
    )
  }

  return (
    <View className="compare pl-page pl-page--with-bar">
      {offline ? <OfflineNotice /> : null}
      {ids.length > 0 && ids.length < MIN_COMPARE ? (
        <View className="compare__chips">
          {ids.map((id, index) => (
            <View key={id} className="compare__chip">
              <Text className="compare__chip-name">
                {profiles[index]?.detail.park.name ?? tray.find((item) => item.id === id)?.name ?? id}
              </Text>
              <Text
                className="compare__chip-x"
                onClick={() => remove(id)}
                {...a11y('button', { 'aria-label': `移除${profiles[index]?.detail.park.name ?? id}` })}
              >
                ×
              </Text>
            </View>
          ))}
          {ids.length < MAX_COMPARE ? (
            <Text className="compare__add" onClick={openPicker} {...a11y('button', { 'aria-label': '添加园区' })}>
              + 添加
            </Text>
          ) : null}
        </View>
      ) : null}
      {body}
      {ids.length >= MIN_COMPARE && ids.length < MAX_COMPARE ? (
        <Text className="compare__add compare__add--below" onClick={openPicker} {...a11y('button', { 'aria-label': '添加园区' })}>
          + 添加园区（最多 {MAX_COMPARE} 个）
        </Text>
      ) : null}
      <Text className="pl-muted compare__note">
        对比内容来自各开发区公开报道和开发区填报；“—”表示该园区没有这项信息，没有任何园区提供的项目不列出。
      </Text>

      <ParkPicker visible={picking} parks={catalog ?? []} selected={ids} onToggle={togglePicked} onClose={() => setPicking(false)} />

      <BottomBar
        primary={
          <Button type="primary" size="large" block onClick={() => navigate(ROUTES.parks)}>
            浏览更多园区
          </Button>
        }
      >
        {null}
      </BottomBar>
    </View>
  )
}
