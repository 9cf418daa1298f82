import { useEffect } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { SURVEY_KIND_LABELS } from '@/types/survey-vocabulary'
import { a11y } from '@/lib/a11y'
import { readParam } from '@/lib/query'
import { ROUTES, navigate } from '@/lib/routes'
import BottomBar from '@/components/bottom-bar/BottomBar'
import ErrorState from '@/components/status/ErrorState'
import PageSkeleton from '@/components/status/PageSkeleton'
import { usePrivacy, useHasPrivacyConsent } from '@/features/service/privacy-store'
import { useSurvey } from './survey-store'
import { emptySurveyDraft, fieldId, fieldOrder } from './internal/answers'
import { QuestionField } from './internal/QuestionField'
import '@/styles/service.scss'
import './survey-screen.scss'

/**
 * 问需于企: a zone's survey, answered by a company. The answers stay on the phone as a draft until
 * sent; contact fields appear only after the privacy consent; sending again replaces the earlier
 * answer until the survey closes.
 */
export default function SurveyScreen() {
  const { params } = useRouter()
  const id = readParam(params, 'id') ?? ''
  const data = useSurvey((s) => (s.id === id ? s.data : null))
  const status = useSurvey((s) => s.status)
  const error = useSurvey((s) => s.error)
  const missing = useSurvey((s) => s.missing)
  const draft = useSurvey((s) => s.drafts[id]) ?? emptySurveyDraft()
  const errors = useSurvey((s) => s.errors)
  const submitting = useSurvey((s) => s.submitting)
  const submitError = useSurvey((s) => s.submitError)
  const saved = useSurvey((s) => s.saved)
  const consented = useHasPrivacyConsent()

  useEffect(() => {
    if (id) void useSurvey.getState().load(id)
  }, [id])
  useEffect(() => {
    if (data) void Taro.setNavigationBarTitle({ title: SURVEY_KIND_LABELS[data.survey.kind] })
  }, [data])
  // Switched on in index.config.ts: a shared survey opens this page directly.
  useShareAppMessage(() => ({
    title: data ? `${data.survey.zoneName}：${data.survey.title}` : '园区通 · 问需于企',
    path: `${ROUTES.survey}?id=${encodeURIComponent(id)}`,
  }))

  if (!id) {
    return (
      <View className="pl-page">
        <ErrorState
          title="链接不完整"
          message="没有找到要填写的问卷，请从“我的”进入。"
          actionText="去“我的”"
          onRetry={() => void Taro.reLaunch({ url: ROUTES.mine })}
        />
      </View>
    )
  }
  if (!data) {
    return (
      <View className="pl-page">
        {status === 'error' ? (
          <ErrorState
            title={missing ? '问卷不存在或尚未发布' : '加载失败'}
            message={missing ? '请确认链接是否完整，或在“我的”中查看开发区正在进行的问卷。' : error}
            actionText={missing ? '去“我的”' : '重新加载'}
            onRetry={() => (missing ? void Taro.reLaunch({ url: ROUTES.mine }) : void useSurvey.getState().load(id))}
          />
        ) : (
          <PageSkeleton cards={3} label="正在加载问卷" />
        )}
      </View>
    )
  }

  const { survey, myResponse } = data
  const open = survey.status === 'open'
  const store = useSurvey.getState()
  const submit = async () => {
    if (await store.submit()) {
      void Taro.pageScrollTo({ scrollTop: 0, duration: 200 })
      return
    }
    const current = useSurvey.getState().errors
    const first = fieldOrder(survey.questions).find((field) => current[field])
    if (first) void Taro.pageScrollTo({ selector: `#${fieldId(first)}`, duration: 200, offsetTop: -12 } as Taro.pageScrollTo.Option)
  }

  return (
    <View className="svc-root srv">
      <View className="svc-card">
        <Text className="pl-tag">{SURVEY_KIND_LABELS[survey.kind]}</Text>
        <Text className="srv__title" {...a11y('heading', { 'aria-level': 1 })}>
          {survey.title}
        </Text>
        <Text className="svc-muted srv__meta">{`${survey.zoneName} · ${survey.opensOn} 至 ${survey.closesOn}`}</Text>
        {survey.intro ? <Text className="srv__intro">{survey.intro}</Text> : null}
      </View>

      {saved ? (
        <Text className="svc-alert svc-alert--info" {...a11y('status')}>
          {saved === 'created' ? '已提交，感谢您的反馈！截止前可以修改答复。' : '已更新您的答复。'}
        </Text>
      ) : myResponse && open ? (
        <Text className="svc-alert svc-alert--info">{`您已于 ${myResponse.updatedAt.slice(0, 10)} 提交过答复，修改后再次提交即替换原答复。`}</Text>
      ) : null}
      {survey.status === 'closed' ? (
        <Text className="svc-alert svc-alert--warning" {...a11y('status')}>{`问卷已于 ${survey.closesOn} 截止，不能再提交或修改。`}</Text>
      ) : null}
      {survey.status === 'upcoming' ? (
        <Text className="svc-alert svc-alert--warning" {...a11y('status')}>{`问卷将于 ${survey.opensOn} 开始填写。`}</Text>
      ) : null}

      <View className="svc-card">
        {survey.questions.map((question, index) => (
          <QuestionField
            key={question.id}
            index={index}
            question={question}
            value={draft.answers[question.id]}
            error={errors[`answers.${question.id}`]}
            disabled={!open}
            onChange={(value) => store.setAnswer(question.id, value)}
          />
        ))}
      </View>

      <View className="svc-card">
        <Text className="svc-card__title">企业与联系方式</Text>
        {consented ? (
          <>
            {(['company', 'contactName', 'mobile'] as const).map((key) => (
              <View key={key} id={fieldId(key)} className={`srv-field${errors[key] ? ' srv-field--error' : ''}`}>
                <View className="srv-field__label">
                  <Text>{key === 'company' ? '企业名称' : key === 'contactName' ? '联系人' : '手机号'}</Text>
                  <Text className="srv-field__required" {...a11y('img')} aria-label="必填">
                    *
                  </Text>
                </View>
                <Input
                  className="svc-input"
                  aria-label={key === 'company' ? '企业名称' : key === 'contactName' ? '联系人' : '手机号'}
                  type={key === 'mobile' ? 'number' : 'text'}
                  placeholder={key === 'company' ? '例如：山东某某新材料有限公司' : key === 'contactName' ? '您的姓名' : '11 位手机号'}
                  maxLength={key === 'company' ? 100 : key === 'contactName' ? 30 : 11}
                  value={draft[key]}
                  disabled={!open}
                  onChange={(value) => store.setContact(key, value)}
                />
                {errors[key] ? (
                  <Text className="srv-field__error" {...a11y('alert')}>
                    {errors[key]}
                  </Text>
                ) : null}
              </View>
            ))}
          </>
        ) : (
          <View className="srv-consent">
            <Text className="svc-muted">
              填写联系方式前，请阅读并同意《隐私保护指引》：我们收集企业名称、联系人和手机号，只有发布问卷的开发区的工作人员可以查看，用于了解企业需求并与您联系。
            </Text>
            <View className="srv-consent__actions">
              <Text className="pl-btn pl-btn--solid" onClick={() => usePrivacy.getState().agree()} {...a11y('button')}>
                同意并填写
              </Text>
              <Text className="pl-btn pl-btn--outline" onClick={() => navigate(ROUTES.privacy)} {...a11y('link')}>
                查看隐私保护指引
              </Text>
            </View>
            {errors.company || errors.contactName || errors.mobile ? (
              <Text className="srv-field__error" {...a11y('alert')}>
                请先同意隐私保护指引并填写联系方式
              </Text>
            ) : null}
          </View>
        )}
      </View>

      {submitError ? (
        <Text className="svc-alert svc-alert--error" {...a11y('alert')}>
          {submitError}
        </Text>
      ) : null}
      <Text className="svc-muted srv__note">答复草稿自动保存在本机；每家企业提交一份答复，截止前可以修改。</Text>

      <BottomBar
        primary={
          <Button type="primary" size="large" block loading={submitting} disabled={!open || submitting} onClick={() => void submit()}>
            {submitting ? '正在提交…' : myResponse ? '更新答复' : '提交答复'}
          </Button>
        }
      >
        {null}
      </BottomBar>
    </View>
  )
}
