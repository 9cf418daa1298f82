import { useEffect, useMemo } from 'react'
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { isProvided } from '@/types/vocabulary'
import { toParkCard, useParkProfiles } from './profiles-store'
import { useFavourites } from '@/features/favourites/favourites-store'
import { useCompare, MAX_COMPARE } from './compare-store'
import { mediaUrl } from '@/api/client'
import { currentShareRef, recordShareVisit, sharePath, shareQuery } from '@/features/sharing/share'
import { a11y } from '@/lib/a11y'
import { useAfterFirstPaint } from '@/lib/use-after-first-paint'
import { usePageTitle } from '@/lib/use-page-title'
import { providedText } from '@/lib/format'
import { extraFigures, headlineFigures } from './internal/figures'
import { readParam } from '@/lib/query'
import { ROUTES, openCompare, openPolicy, openService, openSpace, openSpaces, openZone } from '@/lib/routes'
import BottomBar, { BarAction } from '@/components/bottom-bar/BottomBar'
import { AddressRow, PhoneRow } from '@/components/contact/ContactRows'
import FigureStat from '@/components/figure-stat/FigureStat'
import PhotoGallery from '@/components/photo-gallery/PhotoGallery'
import PolicyCard from '@/features/policies/PolicyCard'
import ProjectItem from '@/components/project-item/ProjectItem'
import Provenance from '@/components/provenance/Provenance'
import { CommitmentItem, EnterpriseItem } from '@/components/record-items/RecordItems'
import Section from '@/components/section/Section'
import ChainLinks from '@/features/chains/ChainLinks'
import SpaceCard from '@/features/spaces/SpaceCard'
import ServiceStats from '@/features/zones/ServiceStats'
import DetailFallback from '@/components/status/DetailFallback'
import OfflineNotice from '@/components/status/OfflineNotice'
import './park-screen.scss'

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' })

export default function ParkScreen() {
  const { params } = useRouter()
  const id = readParam(params, 'id') ?? ''
  const ref = readParam(params, 'ref')

  const cached = useParkProfiles((state) => state.profiles[id])
  const load = useParkProfiles((state) => state.load)
  const loadState = useParkProfiles((state) => state.loads[id])
  const detail = cached?.detail
  const favourite = useFavourites((state) => state.items.some((item) => item.id === id))
  const favouriteBusy = useFavourites((state) => Boolean(state.pending[id]))
  const inCompare = useCompare((state) => state.items.some((item) => item.id === id))
  const compareCount = useCompare((state) => state.items.length)

  useEffect(() => {
    if (!id) return
    void load(id, { remember: true })
    if (ref) recordShareVisit('pages/park/index', id, ref)
  }, [id, ref, load])

  usePageTitle(detail?.park.name)

  // Knowing whether it is a favourite needs a session; never sign in just to read a page.
  useEffect(() => {
    void useFavourites.getState().loadIfSignedIn()
  }, [])

  // Sharing is switched on in the page's index.config.ts (enableShareAppMessage, enableShareTimeline).
  useShareAppMessage(() => ({
    title: detail ? `${detail.park.name} · ${detail.zone.name}` : '园区通 · 园区详情',
    path: sharePath(ROUTES.park, { id }, currentShareRef()),
    // Only a real 5:4 cover; otherwise WeChat uses a page snapshot.
    ...(detail?.park.photos[0] ? { imageUrl: mediaUrl(detail.park.photos[0].id) } : {}),
  }))
  useShareTimeline(() => ({
    title: detail ? `${detail.park.name} · ${detail.zone.name}招商` : '园区通',
    query: shareQuery({ id }, currentShareRef()),
  }))

  const figures = useMemo(() => (detail ? headlineFigures(detail.park.headline) : []), [detail])
  // Enterprises, projects, commitments, policies and service figures render right after the first screen.
  const showBelowFold = useAfterFirstPaint(Boolean(detail))

  if (!id || !detail) {
    return (
      <DetailFallback id={id} noun="园区" listRoute={ROUTES.parks} loadState={loadState} onRetry={() => void load(id)} skeletonCards={4} />
    )
  }

  const { park, zone, spaces, enterprises, signedProjects, serviceCommitments, policies, chains } = detail
  const card = toParkCard(detail)
  const phone = providedText(park.contact.phone) ?? providedText(zone.contact.phone)
  const investmentHotline = providedText(zone.investmentHotline)
  const address = providedText(park.contact.address) ?? providedText(zone.contact.address)
  const location = isProvided(park.contact.location)
    ? park.contact.location
    : isProvided(zone.contact.location)
      ? zone.contact.location
      : null
  const hotline = providedText(zone.supervisionHotline)
  const extras = extraFigures(park)

  const toggleFavourite = async () => {
    const result = await useFavourites.getState().toggle(card)
    if (result.ok) toast(result.favourite ? '已关注，可在“我的”查看' : '已取消关注')
    else if (result.message) toast(`操作失败：${result.message}`)
  }

  const toggleCompare = () => {
    const outcome = useCompare.getState().toggle({ id: park.id, name: park.name, zoneName: zone.name })
    if (outcome === 'full') toast(`最多对比 ${MAX_COMPARE} 个园区，请先移除一个`)
    else if (outcome === 'added') {
      const count = useCompare.getState().items.length
      toast(count >= 2 ? `已加入对比（${count}个），可去对比` : '已加入对比，再选一个园区即可对比')
    } else toast('已移出对比')
  }

  return (
    <View className="park pl-page pl-page--with-bar">
      {loadState?.offline ? <OfflineNotice savedAt={cached.savedAt} onRetry={() => void load(id)} /> : null}

      <View className="park__hero">
        <View className="park__hero-tags">
          <View className="park__zone-tap" onClick={() => openZone(zone.id)} {...a11y('link', { 'aria-label': `${zone.name}主页` })}>
            <Text className="park__zone" aria-hidden>{`${zone.name} ›`}</Text>
          </View>
          {park.featured ? <Text className="park__badge">重点园区</Text> : null}
        </View>
        <Text className="park__name" {...a11y('heading', { 'aria-level': 1 })}>
          {park.name}
        </Text>
        {figures.length > 0 ? (
          <View className="park__figures">
            {figures.map((figure) => (
              <View key={figure.label} className="park__figure">
                <FigureStat figure={figure} tone="inverse" />
              </View>
            ))}
          </View>
        ) : null}
        {inCompare && compareCount >= 2 ? (
          <View
            className="park__compare"
            onClick={() => openCompare()}
            {...a11y('link', { 'aria-label': `已选 ${compareCount} 个园区对比，去对比` })}
          >
            <Text aria-hidden>已选 {compareCount} 个园区对比</Text>
            <Text className="park__compare-go" aria-hidden>
              去对比 ›
            </Text>
          </View>
        ) : null}
      </View>

      <PhotoGallery photos={park.photos} label={park.name} />

      <View className="pl-card">
        <Text className="pl-text">{park.summary}</Text>
        {park.industries.length > 0 ? (
          <View className="park__block">
            <Text className="park__label">主导产业</Text>
            <View className="pl-tags">
              {park.industries.map((industry) => (
                <Text key={industry} className="pl-tag">
                  {industry}
                </Text>
              ))}
            </View>
          </View>
        ) : null}
        {park.industryChains.length > 0 ? (
          <View className="park__block">
            <Text className="park__label">产业链</Text>
            {park.industryChains.map((chain) => (
              <Text key={chain} className="park__bullet">
                {chain}
              </Text>
            ))}
          </View>
        ) : null}
      </View>

      {park.highlights.length > 0 || extras.length > 0 ? (
        <Section title="园区亮点">
          {extras.length > 0 ? (
            <View className="park__extra-figures">
              {extras.map((figure) => (
                <View key={figure.label} className="park__extra-figure">
                  <FigureStat figure={figure} size="medium" />
                </View>
              ))}
            </View>
          ) : null}
          {park.highlights.map((highlight) => (
            <Text key={highlight} className="park__bullet">
              {highlight}
            </Text>
          ))}
        </Section>
      ) : null}

      {spaces.length > 0 ? (
        <Section title="可用载体" extra={`${spaces.length} 处`} moreText="载体列表" onMore={() => openSpaces({ parkId: park.id })}>
          {spaces.map((space) => (
            <SpaceCard key={space.id} space={space} onOpen={openSpace} showPlace={false} />
          ))}
        </Section>
      ) : null}

      {showBelowFold && chains.length > 0 ? (
        <Section title="产业链" extra={`${chains.length} 条`}>
          <ChainLinks chains={chains} />
        </Section>
      ) : null}

      {showBelowFold && enterprises.length > 0 ? (
        <Section title="重点企业" extra={`${enterprises.length} 家`}>
          {enterprises.map((enterprise) => (
            <EnterpriseItem key={enterprise.id} enterprise={enterprise} />
          ))}
        </Section>
      ) : null}

      {showBelowFold && signedProjects.length > 0 ? (
        <Section title="签约项目" extra={`${signedProjects.length} 个`}>
          {signedProjects.map((project) => (
            <ProjectItem key={project.id} project={project} />
          ))}
        </Section>
      ) : null}

      {showBelowFold && serviceCommitments.length > 0 ? (
        <Section title="服务承诺" extra={zone.shortName}>
          {serviceCommitments.map((commitment) => (
            <CommitmentItem key={commitment.id} commitment={commitment} />
          ))}
        </Section>
      ) : null}

      {showBelowFold && policies.length > 0 ? (
        <Section title="适用政策" extra={`${policies.length} 条`}>
          {policies.map((policy) => (
            <PolicyCard key={policy.id} policy={policy} compact showZone={false} onOpen={openPolicy} />
          ))}
        </Section>
      ) : null}

      {showBelowFold ? <ServiceStats zoneId={zone.id} zoneName={zone.shortName} /> : null}

      <Section title="联系方式">
        <PhoneRow label="招商热线" phone={investmentHotline} />
        <PhoneRow label="联系电话" phone={phone} />
        <AddressRow address={address} location={location} placeName={park.name} />
        <PhoneRow label="监督热线" phone={hotline} copy={false} />
        <Text className="pl-muted park__contact-hint">可点击下方“找店小二”在线提交需求，专人对接。</Text>
        <Text className="pl-link park__zone-link" onClick={() => openZone(zone.id)} {...a11y('link')}>
          {`查看${zone.name}主页 ›`}
        </Text>
      </Section>

      <Provenance record={park} size="page" />

      <BottomBar
        primary={
          <Button
            type="primary"
            size="large"
            block
            onClick={() => openService({ zoneId: zone.id, parkId: park.id })}
            aria-label={`找店小二，咨询${park.name}`}
          >
            找店小二
          </Button>
        }
      >
        {/* Toggles keep their words and announce the state as pressed; the icon and colour show it on screen. */}
        <BarAction
          icon={favourite ? '★' : '☆'}
          label="关注"
          pressed={favourite}
          disabled={favouriteBusy}
          accessibleName="关注园区"
          onClick={() => void toggleFavourite()}
        />
        <BarAction icon={inCompare ? '✓' : '+'} label="对比" pressed={inCompare} accessibleName="加入对比" onClick={toggleCompare} />
      </BottomBar>
    </View>
  )
}
