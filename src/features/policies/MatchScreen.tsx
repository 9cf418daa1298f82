import { useEffect, useMemo } from 'react'
import Taro, { useLoad } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, Input, Switch } from '@nutui/nutui-react-taro'
import { useShallow } from 'zustand/react/shallow'
import { type TalentLevel, type ZoneId } from '@/types/content'
import { TALENT_LEVELS, TALENT_LEVEL_LABELS } from '@/types/vocabulary'
import { INDUSTRIES, type IndustryId } from '@/types/industries'
import { MATCH_VERDICT_LABELS, type Criterion } from '@/types/policy-match'
import { useMatch } from './match-store'
import { useHome } from '@/features/home/home-store'
import ZonePicker from '@/features/zones/ZonePicker'
import { useZoneChoices } from '@/features/zones/use-zone-choices'
import { isZoneIdLike } from '@/types/vocabulary'
import { readParam } from '@/lib/query'
import { a11y } from '@/lib/a11y'
import { openPolicy } from '@/lib/routes'
import type { MatchField } from './internal/match-form'
import ChipGroup from '@/components/chip-group/ChipGroup'
import PolicyCard from './PolicyCard'
import ErrorState from '@/components/status/ErrorState'
import './match-screen.scss'

function FieldError({ message, field }: { message?: string; field: MatchField }) {
  if (!message) return null
  return (
    <Text className="match__error" id={`match-error-${field}`} {...a11y('alert')}>
      {message}
    </Text>
  )
}

/** One text field of the form: the input, its invalid state and its error, tied together for screen readers. */
function FieldInput({
  field,
  error,
  label,
  value,
  onChange,
  ...input
}: {
  field: MatchField
  error?: string
  label: string
  value: string
  onChange: (value: string) => void
  placeholder: string
  type?: 'text' | 'number' | 'digit'
  maxLength?: number
  clearable?: boolean
}) {
  return (
    <>
      <View className={`match__input${error ? ' match__input--invalid' : ''}`}>
        <Input
          {...input}
          value={value}
          onChange={onChange}
          aria-label={label}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `match-error-${field}` : undefined}
        />
      </View>
      <FieldError field={field} message={error} />
    </>
  )
}

const VERDICT_TONE = { applies: 'pl-tag--green', unconfirmed: 'pl-tag--orange', not_applicable: 'pl-tag--grey' } as const

/** A condition that failed (✗) or is not published yet (? 待确认). */
function CriterionRow({ criterion, tone }: { criterion: Criterion; tone: 'no' | 'unknown' }) {
  const label = tone === 'no' ? '不符合' : MATCH_VERDICT_LABELS.unconfirmed
  return (
    <View
      className={`match__criterion match__criterion--${tone}`}
      role="listitem"
      aria-label={`${label}：${criterion.requirement}，${criterion.reason}`}
    >
      <Text className="match__mark" aria-hidden>
        {tone === 'no' ? '✗' : '?'}
      </Text>
      <View className="match__criterion-body" aria-hidden>
        <Text className="match__requirement">{criterion.requirement}</Text>
        <Text className="match__reason">{criterion.reason}</Text>
      </View>
    </View>
  )
}

export default function MatchScreen() {
  const { form, errors, status, result, source, offlineCount, error, loadingMore, moreError } = useMatch(
    useShallow((state) => ({
      loadingMore: state.loadingMore,
      moreError: state.moreError,
      form: state.form,
      errors: state.errors,
      status: state.status,
      result: state.result,
      source: state.source,
      offlineCount: state.offlineCount,
      error: state.error,
    })),
  )
  const { setField, submit, loadMore } = useMatch.getState()
  const zoneChoices = useZoneChoices()

  // From a policy, a zone page or the 政策 tab with a zone: 意向区域 starts at that zone.
  useLoad((params) => {
    const zoneId = readParam(params, 'zoneId')
    if (isZoneIdLike(zoneId)) setField('zoneId', zoneId)
  })

  useEffect(() => {
    if (!useHome.getState().data) void useHome.getState().load()
  }, [])

  const industryOptions = useMemo(() => INDUSTRIES.map((industry) => ({ value: industry.id as string, label: industry.label })), [])

  const onSubmit = async () => {
    await submit()
    const state = useMatch.getState()
    if (Object.keys(state.errors).length > 0) void Taro.showToast({ title: '请先完善表单', icon: 'none' })
    else if (state.status === 'ready') void Taro.pageScrollTo({ selector: '#match-result', duration: 300 }).catch(() => undefined)
  }

  return (
    <View className="match pl-page">
      <View className="pl-card">
        <Text className="pl-title" {...a11y('heading', { 'aria-level': 1 })}>
          看看您的项目能享受哪些政策
        </Text>
        <Text className="pl-muted match__intro">填写 6 项基本情况，我们逐条说明每项政策是否适用、为什么。</Text>

        <View className="match__field">
          <Text className="match__label">意向区域</Text>
          <ZonePicker
            label="意向区域"
            allLabel="不限"
            zones={zoneChoices.zones}
            chips={zoneChoices.chips}
            total={zoneChoices.total}
            loading={zoneChoices.loading}
            onOpenList={zoneChoices.openList}
            value={form.zoneId === 'any' ? null : form.zoneId}
            onChange={(zoneId) => setField('zoneId', (zoneId ?? 'any') as ZoneId | 'any')}
          />
          <FieldError field="zoneId" message={errors.zoneId} />
        </View>

        <View className="match__field">
          <Text className="match__label">所属产业</Text>
          <ChipGroup
            label="所属产业"
            options={industryOptions}
            value={form.industry}
            onChange={(value) => setField('industry', value as IndustryId)}
          />
          <FieldError field="industry" message={errors.industry} />
        </View>

        <View className="match__row">
          <View className="match__field match__field--half">
            <Text className="match__label">计划投资（万元）</Text>
            <FieldInput
              field="investmentWan"
              error={errors.investmentWan}
              label="计划投资，单位万元"
              type="digit"
              value={form.investmentWan}
              placeholder="如 5000"
              onChange={(value) => setField('investmentWan', value)}
            />
          </View>
          <View className="match__field match__field--half">
            <Text className="match__label">新增就业（人）</Text>
            <FieldInput
              field="jobs"
              error={errors.jobs}
              label="新增就业人数"
              type="number"
              value={form.jobs}
              placeholder="如 100"
              onChange={(value) => setField('jobs', value)}
            />
          </View>
        </View>

        <View className="match__field">
          <Text className="match__label">人才需求</Text>
          <ChipGroup
            label="人才需求"
            options={TALENT_LEVELS.map((level) => ({ value: level as string, label: TALENT_LEVEL_LABELS[level] }))}
            value={form.talentLevel}
            onChange={(value) => setField('talentLevel', value as TalentLevel)}
          />
          <FieldError field="talentLevel" message={errors.talentLevel} />
        </View>

        <View className="match__field match__switch">
          <View className="match__switch-text">
            <Text className="match__label">需要土地或厂房</Text>
            <Text className="pl-muted">新建、租赁厂房或用地</Text>
          </View>
          <Switch checked={form.needsSpace} onChange={(value) => setField('needsSpace', value)} aria-label="需要土地或厂房" />
        </View>

        <Button
          type="primary"
          size="large"
          block
          loading={status === 'loading'}
          disabled={status === 'loading'}
          onClick={() => void onSubmit()}
        >
          {status === 'loading' ? '正在匹配…' : '开始匹配'}
        </Button>
      </View>

      {status === 'error' ? <ErrorState title="匹配失败" message={error} onRetry={() => void submit()} /> : null}

      {result && status === 'ready' ? (
        <View id="match-result" className="match__result">
          {source === 'offline' ? (
            <View className="match__offline" {...a11y('status')}>
              <Text>网络不可用，已用本机保存的 {offlineCount} 条政策离线匹配，结果可能不完整。</Text>
              <Text className="pl-link" onClick={() => void submit()} {...a11y('button')}>
                重试
              </Text>
            </View>
          ) : null}
          <Text className="match__summary" {...a11y('status')}>
            {form.zoneId !== 'any' ? `${zoneChoices.zones.find((zone) => zone.id === form.zoneId)?.name ?? '所选区域'}：` : ''}共评估{' '}
            {result.total} 条扶持政策，<Text className="match__summary-strong">{result.appliesCount} 条</Text>符合您的项目
            {result.items.some((item) => item.verdict === 'unconfirmed') ? '；“待确认”的条件开发区尚未公布，请向店小二确认' : ''}
          </Text>
          {result.requirements.length > 0 ? (
            <View className="pl-card match__requirements">
              <Text className="match__label">准入要求（项目须符合，不计入匹配）</Text>
              {result.requirements.map((policy) => (
                <PolicyCard key={policy.id} policy={policy} compact onOpen={openPolicy} />
              ))}
            </View>
          ) : null}
          {result.items.length === 0 ? <Text className="pl-muted">暂无可匹配的扶持政策。</Text> : null}
          {result.items.length > 0 ? <Text className="match__label match__group">扶持政策（可申请的优惠和支持）</Text> : null}
          {result.items.map((item) => (
            <PolicyCard key={item.policyId} policy={item.policy} onOpen={openPolicy}>
              <View className="match__verdict">
                <Text className={`pl-tag ${VERDICT_TONE[item.verdict]}`}>
                  {item.verdict === 'not_applicable'
                    ? `${item.unmatched.length} 项不符合`
                    : item.verdict === 'unconfirmed'
                      ? `${item.unconfirmed.length} 项${MATCH_VERDICT_LABELS.unconfirmed}`
                      : '符合条件'}
                </Text>
              </View>
              <View className="match__criteria" role="list" aria-label="逐条说明">
                {item.matched.map((criterion) => (
                  <View
                    key={`ok-${criterion.key}`}
                    className="match__criterion match__criterion--ok"
                    role="listitem"
                    aria-label={`符合：${criterion.requirement}，${criterion.reason}`}
                  >
                    <Text className="match__mark" aria-hidden>
                      ✓
                    </Text>
                    <View className="match__criterion-body" aria-hidden>
                      <Text className="match__requirement">{criterion.requirement}</Text>
                      <Text className="match__reason">{criterion.reason}</Text>
                    </View>
                  </View>
                ))}
                {item.unmatched.map((criterion) => (
                  <CriterionRow key={`no-${criterion.key}`} criterion={criterion} tone="no" />
                ))}
                {item.unconfirmed.map((criterion) => (
                  <CriterionRow key={`unknown-${criterion.key}`} criterion={criterion} tone="unknown" />
                ))}
              </View>
            </PolicyCard>
          ))}
          {result.nextCursor && source === 'online' ? (
            <View className="match__more">
              <Text className="pl-btn" onClick={() => void loadMore()} {...a11y('button')}>
                {loadingMore
                  ? '正在加载…'
                  : moreError
                    ? '加载失败，点击重试'
                    : `加载更多（已显示 ${result.items.length} / ${result.total}）`}
              </Text>
            </View>
          ) : null}
          <Text className="pl-muted match__note">匹配依据公开报道整理，仅供参考；最终以政策发布部门审核为准。</Text>
        </View>
      ) : null}
    </View>
  )
}
