import { useEffect } from 'react'
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { SPACE_AVAILABILITY_LABELS, SPACE_TYPE_LABELS, isProvided } from '@/types/vocabulary'
import { mediaUrl } from '@/api/client'
import { useSpaceDetails } from './space-details-store'
import { spaceFacts, visitLabel } from './space-facts'
import { currentShareRef, recordShareVisit, sharePath, shareQuery } from '@/features/sharing/share'
import { a11y } from '@/lib/a11y'
import { readParam } from '@/lib/query'
import { ROUTES, openPark, openService, openZone } from '@/lib/routes'
import BottomBar from '@/components/bottom-bar/BottomBar'
import InfoRow from '@/components/info-row/InfoRow'
import PhotoGallery from '@/components/photo-gallery/PhotoGallery'
import Provenance from '@/components/provenance/Provenance'
import Section from '@/components/section/Section'
import DetailFallback from '@/components/status/DetailFallback'
import OfflineNotice from '@/components/status/OfflineNotice'
import './space-screen.scss'

/** One space listing: what it states, where it is, and 预约看厂/看地 through 店小二. */
export default function SpaceScreen() {
  const { params } = useRouter()
  const id = readParam(params, 'id') ?? ''
  const ref = readParam(params, 'ref')
  const cached = useSpaceDetails((state) => state.details[id])
  const loadState = useSpaceDetails((state) => state.loads[id])
  const load = useSpaceDetails((state) => state.load)
  const detail = cached?.detail

  useEffect(() => {
    if (!id) return
    void load(id)
    if (ref) recordShareVisit('pages/space/index', id, ref)
  }, [id, ref, load])

  useEffect(() => {
    if (detail) void Taro.setNavigationBarTitle({ title: detail.space.title })
  }, [detail])

  useShareAppMessage(() => ({
    title: detail ? `${detail.space.title} · ${detail.zone.name}` : '园区通 · 载体',
    path: sharePath(ROUTES.space, { id }, currentShareRef()),
    ...(detail?.space.photos[0] ? { imageUrl: mediaUrl(detail.space.photos[0].id) } : {}),
  }))
  useShareTimeline(() => ({
    title: detail ? `${detail.zone.name}：${detail.space.title}` : '园区通',
    query: shareQuery({ id }, currentShareRef()),
  }))

  if (!id || !detail) {
    return (
      <DetailFallback id={id} noun="载体" listRoute={ROUTES.spaces} loadState={loadState} onRetry={() => void load(id)} skeletonCards={3} />
    )
  }

  const { space, zone, park } = detail
  const facts = spaceFacts(space)
  const visit = visitLabel(space)

  return (
    <View className="space pl-page pl-page--with-bar">
      {loadState?.offline ? <OfflineNotice savedAt={cached.savedAt} onRetry={() => void load(id)} /> : null}
      <View className="pl-card">
        <View className="pl-tags">
          <Text className="pl-tag">{SPACE_TYPE_LABELS[space.type]}</Text>
          {isProvided(space.availability) ? (
            <Text className="pl-tag pl-tag--green">{SPACE_AVAILABILITY_LABELS[space.availability]}</Text>
          ) : null}
          {space.customBuild ? <Text className="pl-tag pl-tag--orange">可定制</Text> : null}
        </View>
        <Text className="space__title" {...a11y('heading', { 'aria-level': 1 })}>
          {space.title}
        </Text>
        <View className="space__place">
          <Text className="pl-link space__place-link" onClick={() => openZone(zone.id)} {...a11y('link')}>
            {zone.name}
          </Text>
          {park ? (
            <Text className="pl-link space__place-link" onClick={() => openPark(park.id)} {...a11y('link')}>
              {park.name}
            </Text>
          ) : null}
        </View>
      </View>

      <PhotoGallery photos={space.photos} label={space.title} />

      {facts.length > 0 ? (
        <Section title="基本情况">
          {facts.map((fact) => (
            <InfoRow key={fact.label} label={fact.label} value={fact.value} />
          ))}
          {space.customBuild ? <InfoRow label="定制" value="可按企业需求定制建设" /> : null}
        </Section>
      ) : null}

      {space.description ? (
        <Section title="载体介绍">
          <Text className="pl-text">{space.description}</Text>
        </Section>
      ) : null}

      <View className="pl-card space__visit">
        <Text className="pl-muted">{`想实地看看？点击“${visit}”，选好日期提交，开发区店小二会联系您安排。`}</Text>
      </View>

      <Provenance record={space} size="page" />

      <BottomBar
        primary={
          <Button
            type="primary"
            size="large"
            block
            onClick={() => openService({ zoneId: space.zoneId, parkId: space.parkId ?? undefined, spaceId: space.id, type: 'site' })}
            aria-label={`${visit}：${space.title}`}
          >
            {visit}
          </Button>
        }
      >
        {null}
      </BottomBar>
    </View>
  )
}
