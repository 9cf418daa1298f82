import { provenance } from '@/types/sources'
import { useEffect } from 'react'
import { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { isProvided } from '@/types/vocabulary'
import { POLICY_CATEGORY_LABELS } from '@/types/vocabulary'
import { usePolicyDetails } from './details-store'
import { currentShareRef, recordShareVisit, sharePath, shareQuery } from '@/features/sharing/share'
import { a11y } from '@/lib/a11y'
import { describeCriteria } from './internal/criteria'
import { figureOrPending, formatValidity, textOrPending } from '@/lib/format'
import { readParam } from '@/lib/query'
import { ROUTES, openMatch, openService } from '@/lib/routes'
import { REQUEST_TYPE_OF_POLICY } from '@/types/vocabulary'
import BottomBar, { BarAction } from '@/components/bottom-bar/BottomBar'
import InfoRow from '@/components/info-row/InfoRow'
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
        <InfoRow label="适用对象" value={textOrPending(policy.eligibility)} />
        <InfoRow label="支持内容" value={textOrPending(policy.benefits)} />
        <InfoRow label="支持额度" value={figureOrPending(policy.amount)} />
        <InfoRow label="申报方式" value={textOrPending(policy.howToApply)} />
        <InfoRow label="有效期" value={formatValidity(policy.validFrom, policy.validTo)} />
        <InfoRow label="发布单位" value={textOrPending(policy.issuer)} />
        <InfoRow label="信息来源" value={provenance(policy).join('；')} />
      </Section>

      {conditions.length > 0 ? (
        <Section title="匹配条件">
          {conditions.map((line) => (
            <Text key={line} className="policy__condition">
              {line}
            </Text>
          ))}
          <Text className="pl-muted policy__condition-note">以上为根据公开报道整理的条件，以发布部门解释为准。</Text>
        </Section>
      ) : null}

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
