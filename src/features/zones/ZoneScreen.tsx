import { useEffect, useState } from 'react'
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { isProvided } from '@/types/vocabulary'
import { mediaUrl } from '@/api/client'
import { useZoneDetails } from './zone-details-store'
import ServiceStats from './ServiceStats'
import { currentShareRef, recordShareVisit, sharePath, shareQuery } from '@/features/sharing/share'
import ChainLinks from '@/features/chains/ChainLinks'
import ParkCard from '@/features/parks/ParkCard'
import PolicyCard from '@/features/policies/PolicyCard'
import { usePolicies } from '@/features/policies/list-store'
import SpaceCard from '@/features/spaces/SpaceCard'
import { a11y } from '@/lib/a11y'
import { providedText } from '@/lib/format'
import { readParam } from '@/lib/query'
import { ROUTES, navigate, openPark, openPolicy, openService, openSpace, openSpaces } from '@/lib/routes'
import BottomBar, { BarAction } from '@/components/bottom-bar/BottomBar'
import { AddressRow, PhoneRow } from '@/components/contact/ContactRows'
import FigureStat from '@/components/figure-stat/FigureStat'
import InfoRow from '@/components/info-row/InfoRow'
import PhotoGallery from '@/components/photo-gallery/PhotoGallery'
import ProjectItem from '@/components/project-item/ProjectItem'
import Provenance from '@/components/provenance/Provenance'
import { CommitmentItem, EnterpriseItem } from '@/components/record-items/RecordItems'
import Section from '@/components/section/Section'
import DetailFallback from '@/components/status/DetailFallback'
import OfflineNotice from '@/components/status/OfflineNotice'
import './zone-screen.scss'

/** Listings and policies a zone page shows before 查看全部. */
const FIRST_SPACES = 5
const FIRST_POLICIES = 6
/** Figures in the hero; the rest in 主要数据. */
const HERO_FIGURES = 4

/** A development zone: summary, every figure, contacts, parks, listings, chains, projects, enterprises, policies. */
export default function ZoneScreen() {
  const { params } = useRouter()
  const id = readParam(params, 'id') ?? ''
  const ref = readParam(params, 'ref')
  const cached = useZoneDetails((state) => state.details[id])
  const loadState = useZoneDetails((state) => state.loads[id])
  const load = useZoneDetails((state) => state.load)
  const detail = cached?.detail
  const [summaryOpen, setSummaryOpen] = useState(false)

  useEffect(() => {
    if (!id) return
    void load(id)
    if (ref) recordShareVisit('pages/zone/index', id, ref)
  }, [id, ref, load])

  useEffect(() => {
    if (detail) void Taro.setNavigationBarTitle({ title: detail.zone.name })
  }, [detail])

  // Sharing is switched on in the page's index.config.ts (enableShareAppMessage, enableShareTimeline).
  useShareAppMessage(() => ({
    title: detail ? `${detail.zone.name} · 招商服务` : '园区通 · 开发区',
    path: sharePath(ROUTES.zone, { id }, currentShareRef()),
    ...(detail?.zone.photos[0] ? { imageUrl: mediaUrl(detail.zone.photos[0].id) } : {}),
  }))
  useShareTimeline(() => ({
    title: detail ? `${detail.zone.name}招商` : '园区通',
    query: shareQuery({ id }, currentShareRef()),
  }))

  if (!id || !detail) {
    return (
      <DetailFallback id={id} noun="开发区" listRoute={ROUTES.home} loadState={loadState} onRetry={() => void load(id)} skeletonCards={4} />
    )
  }

  const { zone, parks, spaces, projects, enterprises, serviceCommitments, policies, chains } = detail
  const phone = providedText(zone.contact.phone)
  const hotline = providedText(zone.investmentHotline)
  const supervision = providedText(zone.supervisionHotline)
  const address = providedText(zone.contact.address)
  const location = isProvided(zone.contact.location) ? zone.contact.location : null
  const hours = providedText(zone.officeHours)
  const hasContacts = Boolean(phone || hotline || supervision || address || location || hours)
  const heroFigures = zone.figures.slice(0, HERO_FIGURES)
  const moreFigures = zone.figures.slice(HERO_FIGURES)

  const allPolicies = () => {
    void usePolicies.getState().updateFilters({ zoneId: zone.id, category: undefined, q: undefined })
    navigate(ROUTES.policies)
  }

  return (
    <View className="zone pl-page pl-page--with-bar">
      {loadState?.offline ? <OfflineNotice savedAt={cached.savedAt} onRetry={() => void load(id)} /> : null}

      <View className="zone__hero">
        <Text className="zone__name" {...a11y('heading', { 'aria-level': 1 })}>
          {zone.name}
        </Text>
        <Text className="zone__counts">
          {[`${zone.parkCount} 个园区`, zone.spaceCount ? `${zone.spaceCount} 处载体` : ''].filter(Boolean).join(' · ')}
        </Text>
        {heroFigures.length > 0 ? (
          <View className="zone__figures">
            {heroFigures.map((figure, index) => (
              <View key={`${figure.label}-${index}`} className="zone__figure">
                <FigureStat figure={figure} tone="inverse" size="medium" />
              </View>
            ))}
          </View>
        ) : null}
      </View>

      <PhotoGallery photos={zone.photos} label={zone.name} />

      <View className="pl-card">
        <Text className={`pl-text zone__summary${summaryOpen ? '' : ' pl-clamp-3'}`}>{zone.summary}</Text>
        <Text
          className="pl-link zone__toggle"
          onClick={() => setSummaryOpen(!summaryOpen)}
          {...a11y('button', { 'aria-expanded': summaryOpen })}
        >
          {summaryOpen ? '收起简介' : '展开简介'}
        </Text>
        {zone.leadingIndustries.length > 0 ? (
          <View className="zone__block">
            <Text className="zone__label">主导产业</Text>
            <View className="pl-tags">
              {zone.leadingIndustries.map((industry) => (
                <Text key={industry} className="pl-tag">
                  {industry}
                </Text>
              ))}
            </View>
          </View>
        ) : null}
      </View>

      {moreFigures.length > 0 ? (
        <Section title="主要数据" extra={`共 ${zone.figures.length} 项`}>
          <View className="zone__more-figures">
            {moreFigures.map((figure, index) => (
              <View key={`${figure.label}-${index}`} className="zone__more-figure">
                <FigureStat figure={figure} size="medium" />
              </View>
            ))}
          </View>
        </Section>
      ) : null}

      {hasContacts ? (
        <Section title="联系方式">
          <PhoneRow label="招商热线" phone={hotline} />
          <PhoneRow label="联系电话" phone={phone} />
          <AddressRow address={address} location={location} placeName={zone.name} />
          <InfoRow label="办公时间" value={hours} />
          <PhoneRow label="监督热线" phone={supervision} copy={false} />
        </Section>
      ) : null}

      <ServiceStats zoneId={zone.id} zoneName={zone.shortName} />

      {serviceCommitments.length > 0 ? (
        <Section title="服务承诺" extra={`${serviceCommitments.length} 项`}>
          {serviceCommitments.map((commitment) => (
            <CommitmentItem key={commitment.id} commitment={commitment} />
          ))}
        </Section>
      ) : null}

      {parks.length > 0 ? (
        <Section title="园区" extra={`${parks.length} 个`}>
          {parks.map((park) => (
            <ParkCard key={park.id} park={park} variant="row" onOpen={openPark} />
          ))}
        </Section>
      ) : null}

      {spaces.length > 0 ? (
        <Section
          title="载体"
          extra={`${spaces.length} 处`}
          moreText="查看全部"
          onMore={spaces.length > FIRST_SPACES ? () => openSpaces({ zoneId: zone.id }) : undefined}
        >
          {spaces.slice(0, FIRST_SPACES).map((space) => (
            <SpaceCard key={space.id} space={space} onOpen={openSpace} />
          ))}
        </Section>
      ) : null}

      {chains.length > 0 ? (
        <Section title="产业链" extra={`${chains.length} 条`}>
          <ChainLinks chains={chains} />
        </Section>
      ) : null}

      {projects.length > 0 ? (
        <Section title="签约项目" extra={`${projects.length} 个`}>
          {projects.map((project) => (
            <ProjectItem key={project.id} project={project} />
          ))}
        </Section>
      ) : null}

      {enterprises.length > 0 ? (
        <Section title="重点企业" extra={`${enterprises.length} 家`}>
          {enterprises.map((enterprise) => (
            <EnterpriseItem key={enterprise.id} enterprise={enterprise} />
          ))}
        </Section>
      ) : null}

      {policies.length > 0 ? (
        <Section
          title="政策"
          extra={`${policies.length} 条`}
          moreText="查看全部"
          onMore={policies.length > FIRST_POLICIES ? allPolicies : undefined}
        >
          {policies.slice(0, FIRST_POLICIES).map((policy) => (
            <PolicyCard key={policy.id} policy={policy} compact showZone={false} onOpen={openPolicy} />
          ))}
        </Section>
      ) : null}

      <Provenance record={zone} size="page" />

      <BottomBar
        primary={
          <Button
            type="primary"
            size="large"
            block
            onClick={() => openService({ zoneId: zone.id })}
            aria-label={`找店小二，咨询${zone.name}`}
          >
            找店小二
          </Button>
        }
      >
        <BarAction
          icon="✓"
          label="政策匹配"
          accessibleName={`政策匹配：${zone.shortName}`}
          onClick={() => navigate(ROUTES.match, { zoneId: zone.id })}
        />
      </BottomBar>
    </View>
  )
}
