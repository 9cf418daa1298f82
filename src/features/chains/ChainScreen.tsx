import { useEffect } from 'react'
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { isProvided } from '@/types/vocabulary'
import { useChains } from './chains-store'
import { currentShareRef, recordShareVisit, sharePath, shareQuery } from '@/features/sharing/share'
import ParkCard from '@/features/parks/ParkCard'
import PolicyCard from '@/features/policies/PolicyCard'
import SpaceCard from '@/features/spaces/SpaceCard'
import { a11y } from '@/lib/a11y'
import { readParam } from '@/lib/query'
import { ROUTES, openPark, openPolicy, openService, openSpace, openZone } from '@/lib/routes'
import BottomBar from '@/components/bottom-bar/BottomBar'
import { PhoneRow } from '@/components/contact/ContactRows'
import InfoRow from '@/components/info-row/InfoRow'
import ProjectItem from '@/components/project-item/ProjectItem'
import Provenance from '@/components/provenance/Provenance'
import { EnterpriseItem } from '@/components/record-items/RecordItems'
import Section from '@/components/section/Section'
import DetailFallback from '@/components/status/DetailFallback'
import OfflineNotice from '@/components/status/OfflineNotice'
import './chain-screen.scss'

/** An industry chain (链长制): who leads it, its 链主, the parks, listings, projects and policies on it, its gaps. */
export default function ChainScreen() {
  const { params } = useRouter()
  const id = readParam(params, 'id') ?? ''
  const ref = readParam(params, 'ref')
  const cached = useChains((state) => state.details[id])
  const loadState = useChains((state) => state.loads[id])
  const load = useChains((state) => state.load)
  const detail = cached?.detail

  useEffect(() => {
    if (!id) return
    void load(id)
    if (ref) recordShareVisit('pages/chain/index', id, ref)
  }, [id, ref, load])

  useEffect(() => {
    if (detail) void Taro.setNavigationBarTitle({ title: detail.chain.name })
  }, [detail])

  useShareAppMessage(() => ({
    title: detail ? `${detail.zone.name} · ${detail.chain.name}` : '园区通 · 产业链',
    path: sharePath(ROUTES.chain, { id }, currentShareRef()),
  }))
  useShareTimeline(() => ({
    title: detail ? `${detail.zone.name}${detail.chain.name}招商` : '园区通',
    query: shareQuery({ id }, currentShareRef()),
  }))

  if (!id || !detail) {
    return (
      <DetailFallback
        id={id}
        noun="产业链"
        listRoute={ROUTES.parks}
        loadState={loadState}
        onRetry={() => void load(id)}
        skeletonCards={3}
      />
    )
  }

  const { chain, zone, parks, policies, projects, spaces, enterprises } = detail
  const leader = isProvided(chain.leaderTitle) ? chain.leaderTitle : null
  const leadDepartment = isProvided(chain.leadDepartment) ? chain.leadDepartment : null
  const phone = isProvided(chain.contact) ? chain.contact : null
  const hasTeam =
    leader || chain.deputyLeaderTitles.length || chain.ownerEnterprises.length || leadDepartment || chain.supportDepartments.length || phone

  return (
    <View className="chain pl-page pl-page--with-bar">
      {loadState?.offline ? <OfflineNotice savedAt={cached.savedAt} onRetry={() => void load(id)} /> : null}
      <View className="chain__hero">
        <Text className="chain__zone" onClick={() => openZone(zone.id)} {...a11y('link')}>
          {`${zone.name} ›`}
        </Text>
        <Text className="chain__name" {...a11y('heading', { 'aria-level': 1 })}>
          {chain.name}
        </Text>
        {chain.summary ? <Text className="chain__summary">{chain.summary}</Text> : null}
      </View>

      {chain.gaps.length > 0 ? (
        <Section title="招商方向">
          <Text className="pl-muted chain__note">开发区希望引进到这条产业链上的项目：</Text>
          <View className="pl-tags">
            {chain.gaps.map((gap) => (
              <Text key={gap} className="pl-tag">
                {gap}
              </Text>
            ))}
          </View>
        </Section>
      ) : null}

      {hasTeam ? (
        <Section title="链长制">
          <InfoRow label="链长" value={leader} />
          <InfoRow label="副链长" value={chain.deputyLeaderTitles.join('、') || null} />
          <InfoRow label="链主企业" value={chain.ownerEnterprises.join('、') || null} />
          <InfoRow label="牵头部门" value={leadDepartment} />
          <InfoRow label="配合部门" value={chain.supportDepartments.join('、') || null} />
          <PhoneRow label="专班电话" phone={phone} />
        </Section>
      ) : null}

      {parks.length > 0 ? (
        <Section title="链上园区" extra={`${parks.length} 个`}>
          {parks.map((park) => (
            <ParkCard key={park.id} park={park} variant="row" onOpen={openPark} />
          ))}
        </Section>
      ) : null}

      {spaces.length > 0 ? (
        <Section title="可用载体" extra={`${spaces.length} 处`}>
          {spaces.map((space) => (
            <SpaceCard key={space.id} space={space} onOpen={openSpace} />
          ))}
        </Section>
      ) : null}

      {enterprises.length > 0 ? (
        <Section title="链上企业" extra={`${enterprises.length} 家`}>
          {enterprises.map((enterprise) => (
            <EnterpriseItem key={enterprise.id} enterprise={enterprise} />
          ))}
        </Section>
      ) : null}

      {projects.length > 0 ? (
        <Section title="链上项目" extra={`${projects.length} 个`}>
          {projects.map((project) => (
            <ProjectItem key={project.id} project={project} />
          ))}
        </Section>
      ) : null}

      {policies.length > 0 ? (
        <Section title="相关政策" extra={`${policies.length} 条`}>
          {policies.map((policy) => (
            <PolicyCard key={policy.id} policy={policy} compact showZone={false} onOpen={openPolicy} />
          ))}
        </Section>
      ) : null}

      <Provenance record={chain} size="page" />

      <BottomBar
        primary={
          <Button
            type="primary"
            size="large"
            block
            onClick={() => openService({ zoneId: zone.id })}
            aria-label={`找店小二，咨询${chain.name}`}
          >
            找店小二
          </Button>
        }
      >
        {null}
      </BottomBar>
    </View>
  )
}
