import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { QUESTION_TYPES, QUESTION_TYPE_LABELS, SURVEY_KINDS, SURVEY_KIND_LABELS } from '@/types/survey-vocabulary'
import { ApiError, errorMessage } from '@/api/client'
import ChipGroup from '@/components/chip-group/ChipGroup'
import TextBox from '@/components/text-box/TextBox'
import ErrorState from '@/components/status/ErrorState'
import PageSkeleton from '@/components/status/PageSkeleton'
import { useStaffSession } from '@/features/staff-projects/staff-guard'
import { useZoneCatalog } from '@/features/zones/catalog-store'
import { a11y } from '@/lib/a11y'
import { readParam } from '@/lib/query'
import { ROUTES, redirect } from '@/lib/routes'
import { createSurvey, getSurveyResults, updateSurvey } from './api'
import { emptyEditor, fromSurvey, newQuestion, toSurveyBody, type EditorQuestion, type EditorState } from './internal/editor'
import '@/styles/service.scss'
import './surveys.scss'
import './survey-edit-screen.scss'

const KIND_OPTIONS = SURVEY_KINDS.map((value) => ({ value, label: SURVEY_KIND_LABELS[value] }))
const TYPE_OPTIONS = QUESTION_TYPES.map((value) => ({ value, label: QUESTION_TYPE_LABELS[value] }))

const FieldError = ({ text }: { text?: string }) =>
  text ? (
    <Text className="sv-error" {...a11y('alert')}>
      {text}
    </Text>
  ) : null

/** 新建 / 编辑问卷 (a draft): kind, title, intro, dates, questions of four types, required or not. */
export default function SurveyEditScreen() {
  const session = useStaffSession()
  const { params } = useRouter()
  const id = readParam(params, 'id')
  const zones = useZoneCatalog((s) => s.zones)
  const [state, setState] = useState<EditorState | null>(id ? null : emptyEditor(session?.staff.zoneId ?? null))
  const [loadError, setLoadError] = useState<string | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  const [saveError, setSaveError] = useState<string | null>(null)
  const admin = session?.staff.role === 'admin'

  useEffect(() => {
    if (!session) return
    void useZoneCatalog.getState().load()
    if (!id) return
    getSurveyResults(id)
      .then(({ survey }) => setState(fromSurvey(survey)))
      .catch((error: unknown) => setLoadError(errorMessage(error)))
  }, [session, id])

  if (!session) return <View className="svc-root" />
  if (session.staff.role === 'agent') {
    return (
      <View className="svc-root">
        <ErrorState
          title="没有权限"
          message="只有主管和管理员可以编写和发布问卷。"
          actionText="返回"
          onRetry={() => void Taro.navigateBack()}
        />
      </View>
    )
  }
  if (!state) {
    return (
      <View className="svc-root">
        {loadError ? (
          <ErrorState message={loadError} onRetry={() => void Taro.navigateBack()} actionText="返回" />
        ) : (
          <PageSkeleton cards={2} />
        )}
      </View>
    )
  }

  const patch = (next: Partial<EditorState>) => setState({ ...state, ...next })
  const patchQuestion = (key: number, next: Partial<EditorQuestion>) =>
    patch({ questions: state.questions.map((question) => (question.key === key ? { ...question, ...next } : question)) })

  const save = async () => {
    const checked = toSurveyBody(state, admin)
    if (!checked.ok) {
      setErrors(checked.errors)
      setSaveError('请按提示修改后再保存')
      return
    }
    setErrors({})
    setSaveError(null)
    setSaving(true)
    try {
      const saved = id ? await updateSurvey(id, checked.body) : await createSurvey(checked.body)
      // This page is replaced by the survey's; it stays busy until then.
      redirect(ROUTES.staffSurvey, { id: saved.id })
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fields)
      setSaveError(errorMessage(error))
      setSaving(false)
    }
  }

  return (
    <View className="svc-root">
      <View className="svc-card">
        <Text className="svc-card__title">{id ? '编辑问卷草稿' : '新建问卷'}</Text>
        {admin ? (
          <View className="sv-field">
            <Text className="sv-label">开发区</Text>
            <ChipGroup
              label="开发区"
              options={zones.map((zone) => ({ value: zone.id, label: zone.shortName }))}
              value={state.zoneId}
              onChange={(zoneId) => patch({ zoneId })}
            />
            <FieldError text={errors.zoneId} />
          </View>
        ) : null}
        <View className="sv-field">
          <Text className="sv-label">类型</Text>
          <ChipGroup label="问卷类型" options={KIND_OPTIONS} value={state.kind} onChange={(kind) => patch({ kind })} />
        </View>
        <View className="sv-field">
          <Text className="sv-label">标题</Text>
          <Input
            className="svc-input"
            aria-label="问卷标题"
            placeholder="例如：2026 年企业用工需求调查"
            maxLength={60}
            value={state.title}
            onChange={(title) => patch({ title })}
          />
          <FieldError text={errors.title} />
        </View>
        <View className="sv-field">
          <Text className="sv-label">说明</Text>
          <TextBox
            label="问卷说明"
            value={state.intro}
            maxLength={500}
            placeholder="告诉企业为什么问、怎么用答复"
            onChange={(intro) => patch({ intro })}
          />
          <FieldError text={errors.intro} />
        </View>
        <View className="sv-field sv-dates">
          <View className="sv-date">
            <Text className="sv-label">开始日期</Text>
            <Input
              className="svc-input"
              aria-label="开始日期"
              placeholder="YYYY-MM-DD"
              maxLength={10}
              value={state.opensOn}
              onChange={(opensOn) => patch({ opensOn })}
            />
            <FieldError text={errors.opensOn} />
          </View>
          <View className="sv-date">
            <Text className="sv-label">截止日期</Text>
            <Input
              className="svc-input"
              aria-label="截止日期"
              placeholder="YYYY-MM-DD"
              maxLength={10}
              value={state.closesOn}
              onChange={(closesOn) => patch({ closesOn })}
            />
            <FieldError text={errors.closesOn} />
          </View>
        </View>
      </View>

      {state.questions.map((question, index) => (
        <View key={question.key} className="svc-card" aria-label={`第 ${index + 1} 题`}>
          <View className="svc-row">
            <Text className="svc-card__title">{`第 ${index + 1} 题`}</Text>
            {state.questions.length > 1 ? (
              <Text
                className="svc-link sv-link"
                {...a11y('button', { 'aria-label': `删除第 ${index + 1} 题` })}
                onClick={() => patch({ questions: state.questions.filter((item) => item.key !== question.key) })}
              >
                删除
              </Text>
            ) : null}
          </View>
          <ChipGroup
            label={`第 ${index + 1} 题题型`}
            options={TYPE_OPTIONS}
            value={question.type}
            onChange={(type) => patchQuestion(question.key, { type })}
          />
          <Input
            className="svc-input"
            aria-label={`第 ${index + 1} 题题目`}
            placeholder="题目"
            maxLength={100}
            value={question.title}
            onChange={(title) => patchQuestion(question.key, { title })}
          />
          <FieldError text={errors[`questions.${index}.title`]} />
          {question.type === 'single' || question.type === 'multiple' ? (
            <View className="sv-field">
              <Text className="sv-label">选项（每行一个，2–10 个）</Text>
              <TextBox
                label={`第 ${index + 1} 题选项`}
                value={question.optionsText}
                maxLength={500}
                placeholder={'用工\n融资\n水电气暖'}
                onChange={(optionsText) => patchQuestion(question.key, { optionsText })}
              />
              <FieldError
                text={
                  errors[`questions.${index}.options`] ??
                  Object.entries(errors).find(([key]) => key.startsWith(`questions.${index}.options.`))?.[1]
                }
              />
            </View>
          ) : null}
          <Text
            className={`pl-chip${question.required ? ' pl-chip--active' : ''}`}
            {...a11y('checkbox', { 'aria-checked': question.required, 'aria-label': `第 ${index + 1} 题必答` })}
            onClick={() => patchQuestion(question.key, { required: !question.required })}
          >
            必答
          </Text>
        </View>
      ))}
      <FieldError text={errors.questions} />

      <View className="svc-card">
        <Button
          fill="outline"
          block
          disabled={state.questions.length >= 30}
          onClick={() => patch({ questions: [...state.questions, newQuestion('single')] })}
        >
          添加一题
        </Button>
      </View>
      {saveError ? (
        <Text className="svc-alert svc-alert--error" {...a11y('alert')}>
          {saveError}
        </Text>
      ) : null}
      <View className="svc-card">
        <Button type="primary" block loading={saving} disabled={saving} onClick={() => void save()}>
          保存草稿
        </Button>
        <Text className="svc-muted sv-note">保存后可预览并发布；发布后投资方在“我的”中看到问卷，题目不能再修改。</Text>
      </View>
    </View>
  )
}
