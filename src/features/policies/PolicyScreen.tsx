import { useEffect } from 'react'
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { isProvided } from '@/types/vocabulary'
import { POLICY_CATEGORY_LABELS, POLICY_KIND_LABELS } from '@/types/vocabulary'
import { usePolicyDetails } from './details-store'
import { currentShareRef, recordShareVisit, sharePath, shareQuery } from '@/features/sharing/share'
import { a11y } from '@/lib/a11y'
import { describeCriteria } from './internal/criteria'
import { figureText, formatValidity, providedText } from '@/lib/format'
import { readParam } from '@/lib/query'
import { ROUTES, openMatch, openService, openZone } from '@/lib/routes'
import { REQUEST_TYPE_OF_POLICY } from '@/types/vocabulary'
import BottomBar, { BarAction } from '@/components/bottom-bar/BottomBar'
import InfoRow from '@/components/info-row/InfoRow'
import Provenance from '@/components/provenance/Provenance'
import Section from '@/components/section/Section'
import DetailFallback from '@/components/status/DetailFallback'
import OfflineNotice from '@/components/status/OfflineNotice'
import './policy-screen.scss'

export default function PolicyScreen() {
  const { params } = useRouter()
  const id = readParam(params, 'id') ?? ''
  const ref = readParam(params, 'ref')
  const cached = usePolicyDetails((state) => state.details[id])
  const loadState = usePolicyDetails((state) => state.loads[id])
  const load = usePolicyDetails((state) => state.load)
  const detail = cached?.detail

  useEffect(() => {
    if (!id) return
    void load(id)
    if (ref) recordShareVisit('pages/policy/index', id, ref)
  }, [id, ref, load])

  // Sharing is switched on in the page's index.config.ts (enableShareAppMessage, enableShareTimeline).
  useShareAppMessage(() => ({
    title: detail ? `${detail.policy.title} · ${detail.zone.name}` : '园区通 · 政策详情',
    path: sharePath(ROUTES.policy, { id }, currentShareRef()),
  }))
  useShareTimeline(() => ({
    title: detail ? `${detail.zone.name}：${detail.policy.title}` : '园区通',
    query: shareQuery({ id }, currentShareRef()),
  }))

  if (!id || !detail) {
    return (
      <DetailFallback
        id={id}
        noun="政策"
        listRoute={ROUTES.policies}
        loadState={loadState}
        onRetry={() => void load(id)}
        skeletonCards={3}
      />
    )
  }

  const { policy, zone, expired } = detail
  const conditions = describeCriteria(policy.criteria)

  return (
    <View className="policy pl-page pl-page--with-bar">
      {loadState?.offline ? <OfflineNotice savedAt={cached.savedAt} onRetry={() => void load(id)} /> : null}
      {expired ? (
        <View className="policy__expired" {...a11y('alert')}>
          <Text className="policy__expired-title">该政策已过期</Text>
          <Text className="policy__expired-text">
            {isProvided(policy.validTo) ? `有效期至 ${policy.validTo}，` : ''}内容仅供参考，最新政策请咨询店小二。
          </Text>
        </View>
      ) : null}

      <View className="pl-card">
        <View className="pl-tags policy__tags">
          <Text className="pl-tag">{POLICY_CATEGORY_LABELS[policy.category]}</Text>
          <Text className="pl-tag pl-tag--grey">{zone.name}</Text>
          {expired ? <Text className="pl-tag pl-tag--grey">已过期</Text> : null}
        </View>
        <Text className="policy__title" {...a11y('heading', { 'aria-level': 1 })}>
          {policy.title}
        </Text>
        <Text className="pl-text policy__summary">{policy.summary}</Text>
      </View>

      <Section title="政策要点">
        <InfoRow label="政策类型" value={POLICY_KIND_LABELS[policy.kind]} />
        <InfoRow label="适用对象" value={providedText(policy.eligibility)} />
        <InfoRow label="支持内容" value={providedText(policy.benefits)} />
        <InfoRow label="支持额度" value={figureText(policy.amount)} />
        <InfoRow label="申报方式" value={providedText(policy.howToApply)} />
        <InfoRow label="有效期" value={formatValidity(policy.validFrom, policy.validTo)} />
        <InfoRow label="发布单位" value={providedText(policy.issuer)} />
        <InfoRow label="文号" value={providedText(policy.documentNumber)} />
      </Section>

      {policy.links.length > 0 ? (
        <Section title="相关链接">
          {policy.links.map((link) => (
            <InfoRow
              key={link.url}
              label={link.title}
              value={link.url}
              actions={
                <Text
                  className="pl-btn"
                  onClick={() => void Taro.setClipboardData({ data: link.url })}
                  {...a11y('button', { 'aria-label': `复制链接：${link.title}` })}
                >
                  复制链接
                </Text>
              }
            />
          ))}
        </Section>
      ) : null}

      {conditions.length > 0 ? (
        <Section title="匹配条件">
          {conditions.map((line) => (
            <Text key={line} className="policy__condition">
              {line}
            </Text>
          ))}
          <Text className="pl-muted policy__condition-note">以上为政策匹配核对的条件，以发布部门解释为准。</Text>
        </Section>
      ) : null}

      <Text className="pl-link policy__zone-link" onClick={() => openZone(zone.id)} {...a11y('link')}>
        {`${zone.name}主页 ›`}
      </Text>
      <Provenance record={policy} size="page" />

      <BottomBar
        primary={
          <Button
            type="primary"
            size="large"
            block
            onClick={() => openService({ zoneId: zone.id, type: REQUEST_TYPE_OF_POLICY[policy.category], policy: policy.title })}
            aria-label={`咨询店小二：${policy.title}`}
          >
            咨询店小二
          </Button>
        }
      >
        <BarAction icon="✓" label="政策匹配" accessibleName="去政策匹配" onClick={() => openMatch({ zoneId: zone.id })} />
      </BottomBar>
    </View>
  )
}
