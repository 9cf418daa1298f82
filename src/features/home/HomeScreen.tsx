import { useEffect, useMemo, useState } from 'react'
import Taro, { useLoad, usePullDownRefresh } from '@tarojs/taro'
import { ScrollView, View, Text } from '@tarojs/components'
import { useShallow } from 'zustand/react/shallow'
import { selectHomeView, useHome, type ZoneFilter } from './home-store'
import { useParkDirectory } from '@/features/parks/directory-store'
import { recordShareVisit } from '@/features/sharing/share'
import { refFromScene } from '@/types/share-code'
import { readParam } from '@/lib/query'
import { a11y } from '@/lib/a11y'
import { useAfterFirstPaint } from '@/lib/use-after-first-paint'
import { ROUTES, navigate, openPark, openPolicy, openService, openSpaces, openZone } from '@/lib/routes'
import ParkCard from '@/features/parks/ParkCard'
import ZonePicker from '@/features/zones/ZonePicker'
import { useZoneChoices } from '@/features/zones/use-zone-choices'
import { usePolicies } from '@/features/policies/list-store'
import PolicyCard from '@/features/policies/PolicyCard'
import ProjectItem from '@/components/project-item/ProjectItem'
import SearchField from '@/components/search-field/SearchField'
import Section from '@/components/section/Section'
import FigureStat from '@/components/figure-stat/FigureStat'
import PageSkeleton from '@/components/status/PageSkeleton'
import ErrorState from '@/components/status/ErrorState'
import EmptyState from '@/components/status/EmptyState'
import OfflineNotice from '@/components/status/OfflineNotice'
import './home-screen.scss'

export default function HomeScreen() {
  const { data, status, error, offline, savedAt, selectedZone, load, selectZone } = useHome(
    useShallow((state) => ({
      data: state.data,
      status: state.status,
      error: state.error,
      offline: state.offline,
      savedAt: state.savedAt,
      selectedZone: state.selectedZone,
      load: state.load,
      selectZone: state.selectZone,
    })),
  )
  const [keyword, setKeyword] = useState('')
  const [summaryOpen, setSummaryOpen] = useState(false)

  // Cached content is already on screen (persisted store); this refreshes it.
  useEffect(() => {
    void load()
  }, [load])

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  // A colleague's own link (?ref=) or 小程序码 (?scene=r%3D…) opens 首页: count the visit for them.
  useLoad((params) => {
    const ref = readParam(params, 'ref') ?? refFromScene(readParam(params, 'scene'))
    if (ref) recordShareVisit('pages/index/index', 'home', ref)
  })

  const view = useMemo(() => (data ? selectHomeView(data, selectedZone) : null), [data, selectedZone])
  const zoneChoices = useZoneChoices()
  const zoneId = selectedZone === 'all' ? undefined : selectedZone
  // The park lists, projects and policies below the first screen render right after it.
  const showBelowFold = useAfterFirstPaint(view !== null)

  const search = (text: string) => {
    const q = text.trim()
    void useParkDirectory.getState().setFilters(q ? { q } : {})
    navigate(ROUTES.parks)
  }

  const selectZoneAndReset = (zone: ZoneFilter) => {
    // A zone beyond the home tab's first ones: the home answer has no card for it, its page has everything.
    if (zone !== 'all' && !data?.zones.some((candidate) => candidate.id === zone)) {
      openZone(zone)
      return
    }
    selectZone(zone)
    setSummaryOpen(false)
  }

  const openPolicyLibrary = () => {
    void usePolicies.getState().updateFilters({ zoneId, category: undefined, q: undefined })
    navigate(ROUTES.policies)
  }

  return (
    <View className="home">
      <View className="home__hero">
        <Text className="home__brand" {...a11y('heading', { 'aria-level': 1 })}>
          园区通
        </Text>
        <Text className="home__slogan">山东开发区招商服务平台 · 找园区、查政策、提需求</Text>
        <View className="home__search">
          <SearchField
            tone="onDark"
            label="搜索园区"
            placeholder="搜索园区、产业、企业"
            value={keyword}
            onChange={setKeyword}
            onSearch={search}
          />
        </View>
      </View>

      <View className="home__body">
        {data ? (
          <View className="home__zones">
            <ZonePicker
              label="开发区"
              allLabel="全部"
              zones={zoneChoices.zones}
              chips={zoneChoices.chips}
              total={zoneChoices.total}
              loading={zoneChoices.loading}
              onOpenList={zoneChoices.openList}
              value={selectedZone === 'all' ? null : selectedZone}
              onChange={(zone) => selectZoneAndReset(zone ?? 'all')}
            />
          </View>
        ) : null}

        {offline && data ? <OfflineNotice savedAt={savedAt} onRetry={() => void load()} /> : null}

        {!data && status === 'error' ? <ErrorState message={error} onRetry={() => void load()} /> : null}
        {!data && status !== 'error' ? <PageSkeleton cards={3} /> : null}

        {view ? (
          <>
            {view.zone ? (
              <View className="pl-card home__zone">
                <View className="home__zone-head">
                  <Text className="pl-title">{view.zone.name}</Text>
                  <Text
                    className="pl-link home__zone-open"
                    onClick={() => view.zone && openZone(view.zone.id)}
                    {...a11y('link', { 'aria-label': `${view.zone.name}主页` })}
                  >
                    开发区主页 ›
                  </Text>
                </View>
                <Text className={`pl-text home__zone-summary${summaryOpen ? ' home__zone-summary--open' : ' pl-clamp-3'}`}>
                  {view.zone.summary}
                </Text>
                <Text
                  className="pl-link home__zone-toggle"
                  onClick={() => setSummaryOpen(!summaryOpen)}
                  {...a11y('button', { 'aria-expanded': summaryOpen })}
                >
                  {summaryOpen ? '收起简介' : '展开简介'}
                </Text>
                {view.zone.figures.length > 0 ? (
                  <View className="home__zone-figures">
                    {view.zone.figures.slice(0, 4).map((figure, index) => (
                      <View key={`${figure.label}-${index}`} className="home__zone-figure">
                        <FigureStat figure={figure} size="medium" />
                      </View>
                    ))}
                  </View>
                ) : null}
                {view.zone.leadingIndustries.length > 0 ? (
                  <View className="pl-tags" role="group" aria-label="主导产业">
                    {view.zone.leadingIndustries.map((industry) => (
                      <Text key={industry} className="pl-tag">
                        {industry}
                      </Text>
                    ))}
                  </View>
                ) : null}
              </View>
            ) : null}

            {/* Named by what it shows (找店小二 … 立即咨询): an aria-label of other words would not match the screen. */}
            <View className="home__service" onClick={() => openService({ zoneId })} {...a11y('link')}>
              <View className="home__service-text">
                <Text className="home__service-title">找店小二</Text>
                <Text className="home__service-sub">专人对接选址、审批、融资、用工等需求，进度可随时查看</Text>
              </View>
              <Text className="pl-btn pl-btn--solid home__service-btn">立即咨询</Text>
            </View>

            <View className="home__entries">
              {[
                {
                  label: '找载体',
                  hint: view.spaceCount ? `${view.spaceCount} 处土地厂房` : '土地、厂房、写字楼',
                  onClick: () => openSpaces({ zoneId }),
                },
                { label: '政策匹配', hint: '能享受哪些政策', onClick: () => navigate(ROUTES.match, { zoneId }) },
                { label: '园区对比', hint: '并排比较园区', onClick: () => navigate(ROUTES.compare) },
                { label: '政策库', hint: '土地、财税、金融等', onClick: openPolicyLibrary },
              ].map((entry) => (
                <View
                  key={entry.label}
                  className="home__entry"
                  onClick={entry.onClick}
                  {...a11y('link', { 'aria-label': `${entry.label}，${entry.hint}` })}
                >
                  <Text className="home__entry-label" aria-hidden>
                    {entry.label}
                  </Text>
                  <Text className="home__entry-hint" aria-hidden>
                    {entry.hint}
                  </Text>
                </View>
              ))}
            </View>

            {!view.zone && data && data.zones.length > 0 ? (
              <Section title="开发区" extra={`共 ${data.zoneCount} 个`}>
                <View {...a11y('list', { 'aria-label': '开发区列表' })}>
                  {data.zones.map((zone) => (
                    <View key={zone.id} className="home__zone-row" onClick={() => openZone(zone.id)} {...a11y('listitem')}>
                      <View className="home__zone-row-main">
                        <Text className="home__zone-row-name" {...a11y('link')}>
                          {zone.name}
                        </Text>
                        <Text className="pl-muted">
                          {[
                            `${zone.parkCount} 个园区`,
                            zone.spaceCount ? `${zone.spaceCount} 处载体` : '',
                            zone.leadingIndustries.slice(0, 2).join('、'),
                          ]
                            .filter(Boolean)
                            .join(' · ')}
                        </Text>
                      </View>
                      <Text className="home__zone-row-arrow" aria-hidden>
                        ›
                      </Text>
                    </View>
                  ))}
                </View>
              </Section>
            ) : null}

            {view.featuredParks.length > 0 ? (
              <Section title="重点园区" plain>
                <ScrollView scrollX enhanced showScrollbar={false} className="home__featured">
                  <View className="home__featured-row">
                    {view.featuredParks.map((park) => (
                      <ParkCard key={park.id} park={park} variant="featured" showZone={!view.zone} onOpen={openPark} />
                    ))}
                  </View>
                </ScrollView>
              </Section>
            ) : null}

            {!showBelowFold ? null : view.parkCount === 0 ? (
              <EmptyState title="暂无园区信息" description="该开发区的园区资料正在整理，可先找店小二了解。" />
            ) : (
              <Section
                title="园区一览"
                extra={`${view.parkCount} 个园区`}
                moreText="查看全部"
                onMore={() => {
                  void useParkDirectory.getState().setFilters(zoneId ? { zoneId } : {})
                  navigate(ROUTES.parks)
                }}
              >
                <Text className="pl-muted">按产业、载体类型和面积筛选，查看每个园区的详情。</Text>
              </Section>
            )}

            {showBelowFold && view.latestProjects.length > 0 ? (
              <Section title="最新签约项目">
                {view.latestProjects.map((project) => (
                  <ProjectItem
                    key={project.id}
                    project={project}
                    zoneName={view.zone ? undefined : data?.zones.find((zone) => zone.id === project.zoneId)?.shortName}
                  />
                ))}
              </Section>
            ) : null}

            {showBelowFold && view.policyHighlights.length > 0 ? (
              <Section title="政策亮点" onMore={openPolicyLibrary}>
                {view.policyHighlights.map((policy) => (
                  <PolicyCard key={policy.id} policy={policy} compact showZone={!view.zone} onOpen={openPolicy} />
                ))}
              </Section>
            ) : null}

            {showBelowFold ? <Text className="home__footnote">信息来源：各开发区公开报道和开发区填报；没有公开的信息不显示。</Text> : null}
          </>
        ) : null}
      </View>
    </View>
  )
}
