import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { QuestionResult, ResponseRow } from '@/types/surveys'
import { QUESTION_TYPE_LABELS, SURVEY_KIND_LABELS, SURVEY_STATUS_LABELS, type AnswerValue } from '@/types/survey-vocabulary'
import { formatChinaTime } from '@/types/china-time'
import { errorMessage } from '@/api/client'
import ErrorState from '@/components/status/ErrorState'
import PageSkeleton from '@/components/status/PageSkeleton'
import { downloadCsv } from '@/features/staff-projects/download'
import { useStaffSession } from '@/features/staff-projects/staff-guard'
import { a11y } from '@/lib/a11y'
import { readParam } from '@/lib/query'
import { ROUTES, navigate } from '@/lib/routes'
import { useSurveyResults } from './results-store'
import '@/styles/service.scss'
import './surveys.scss'
import './survey-results-screen.scss'

const isWeapp = process.env.TARO_ENV === 'weapp'
const answerText = (value: AnswerValue | undefined) =>
  value === undefined ? '未答' : Array.isArray(value) ? value.join('、') : String(value)

function QuestionBlock({ result, index }: { result: QuestionResult; index: number }) {
  const top = Math.max(1, ...result.options.map((option) => option.count), ...result.distribution)
  return (
    <View className="svc-card">
      <Text className="svc-strong sv-block">{`${index + 1}. ${result.title}`}</Text>
      <Text className="svc-muted sv-block">{`${QUESTION_TYPE_LABELS[result.type]} · ${result.answered} 人作答`}</Text>
      {result.options.map((option) => (
        <View key={option.option} className="wk-bar" aria-label={`${option.option} ${option.count} 人`}>
          <Text className="wk-bar__label">{option.option}</Text>
          <View className="wk-bar__track" aria-hidden>
            <View className="wk-bar__fill" style={{ width: `${(option.count / top) * 100}%` }} />
          </View>
          <Text className="wk-bar__count">{option.count}</Text>
        </View>
      ))}
      {result.type === 'rating' ? (
        <>
          <Text className="sv-average">{result.average === null ? '暂无评分' : `平均 ${result.average} 分`}</Text>
          {result.distribution.map((count, score) => (
            <View key={score} className="wk-bar" aria-label={`${score + 1} 分 ${count} 人`}>
              <Text className="wk-bar__label">{`${score + 1} 分`}</Text>
              <View className="wk-bar__track" aria-hidden>
                <View className="wk-bar__fill" style={{ width: `${(count / top) * 100}%` }} />
              </View>
              <Text className="wk-bar__count">{count}</Text>
            </View>
          ))}
        </>
      ) : null}
      {result.texts.map((text) => (
        <View key={text.responseId} className="sv-text">
          <Text className="svc-muted sv-block">{text.company}</Text>
          <Text className="sv-block">{text.text}</Text>
        </View>
      ))}
    </View>
  )
}

function ResponseCard({ row, questions }: { row: ResponseRow; questions: { id: string; title: string }[] }) {
  const turning = useSurveyResults((s) => s.turning === row.id)
  const busy = useSurveyResults((s) => s.busy !== null)
  return (
    <View className="svc-card" role="listitem" aria-label={`${row.company} 的答复`}>
      <View className="svc-row">
        <Text className="svc-strong">{row.company}</Text>
        <Text className="svc-muted">{formatChinaTime(row.updatedAt)}</Text>
      </View>
      <Text className="svc-muted sv-block">{`${row.contactName} ${row.mobileMasked}`}</Text>
      {questions.map((question, index) => (
        <Text key={question.id} className="sv-block">{`${index + 1}. ${question.title}：${answerText(row.answers[question.id])}`}</Text>
      ))}
      {row.request ? (
        <Text className="svc-link sv-link" {...a11y('link')} onClick={() => navigate(ROUTES.staffRequest, { id: row.request!.id })}>
          {`已转为店小二请求 ${row.request.ticketNo} ›`}
        </Text>
      ) : (
        <View className="sv-actions">
          <Button
            size="small"
            type="primary"
            loading={turning}
            disabled={busy}
            onClick={() => void useSurveyResults.getState().turnIntoRequest(row.id)}
          >
            转为店小二请求
          </Button>
        </View>
      )}
    </View>
  )
}

/** A survey on the staff desk: publish a draft, read the results, turn answers into requests, export them. */
export default function SurveyResultsScreen() {
  const session = useStaffSession()
  const { params } = useRouter()
  const id = readParam(params, 'id') ?? ''
  const results = useSurveyResults((s) => (s.id === id ? s.results : null))
  const status = useSurveyResults((s) => s.status)
  const error = useSurveyResults((s) => s.error)
  const busy = useSurveyResults((s) => s.busy)
  const actionError = useSurveyResults((s) => s.actionError)
  const [exportError, setExportError] = useState<string | null>(null)

  useEffect(() => {
    if (session && id) void useSurveyResults.getState().open(id)
  }, [session, id])
  usePullDownRefresh(() => {
    void useSurveyResults
      .getState()
      .open(id)
      .finally(() => Taro.stopPullDownRefresh())
  })
  useShareAppMessage(() => ({
    title: results ? `${results.survey.zoneName}：${results.survey.title}` : '园区通 · 问需于企',
    path: `${ROUTES.survey}?id=${encodeURIComponent(id)}`,
  }))

  if (!session) return <View className="svc-root" />
  if (!id) {
    return (
      <View className="svc-root">
        <ErrorState
          title="链接不完整"
          message="没有找到要查看的问卷。"
          actionText="去问卷列表"
          onRetry={() => navigate(ROUTES.staffSurveys)}
        />
      </View>
    )
  }
  if (!results) {
    return (
      <View className="svc-root">
        {status === 'error' ? (
          <ErrorState message={error} onRetry={() => void useSurveyResults.getState().open(id)} />
        ) : (
          <PageSkeleton cards={3} label="正在加载问卷结果" />
        )}
      </View>
    )
  }

  const { survey } = results
  const draft = survey.status === 'draft'
  const canWrite = session.staff.role !== 'agent'
  return (
    <View className="svc-root">
      <View className="svc-card">
        <View className="svc-row">
          <Text className="pl-tag">{SURVEY_KIND_LABELS[survey.kind]}</Text>
          <Text className="svc-muted">{SURVEY_STATUS_LABELS[survey.status]}</Text>
        </View>
        <Text className="sv-title" {...a11y('heading', { 'aria-level': 1 })}>
          {survey.title}
        </Text>
        <Text className="svc-muted sv-block">{`${survey.zoneName} · ${survey.opensOn} 至 ${survey.closesOn} · ${results.responseCount} 份答复`}</Text>
        {survey.intro ? <Text className="sv-block">{survey.intro}</Text> : null}
        <View className="sv-actions">
          {draft && canWrite ? (
            <>
              <Button
                type="primary"
                loading={busy === 'publish'}
                disabled={busy !== null}
                onClick={() => void useSurveyResults.getState().publish()}
              >
                发布问卷
              </Button>
              <Button fill="outline" onClick={() => navigate(ROUTES.staffSurveyEdit, { id })}>
                编辑
              </Button>
            </>
          ) : null}
          {!draft && isWeapp ? (
            <Button fill="outline" openType="share">
              分享问卷
            </Button>
          ) : null}
          {!draft ? (
            <Button
              fill="outline"
              onClick={() => {
                setExportError(null)
                downloadCsv('/api/staff/surveys/export.csv', { surveyId: id }, `问卷答复-${survey.title}.csv`).catch((failure: unknown) =>
                  setExportError(errorMessage(failure)),
                )
              }}
            >
              导出答复
            </Button>
          ) : null}
        </View>
        {draft ? <Text className="svc-muted sv-block">草稿只有工作人员看得到；发布后本开发区的投资方在“我的”中看到问卷。</Text> : null}
        {exportError ? <Text className="sv-error">{exportError}</Text> : null}
      </View>
      {actionError ? (
        <Text className="svc-alert svc-alert--error" {...a11y('alert')}>
          {actionError}
        </Text>
      ) : null}

      {results.questions.map((result, index) => (
        <QuestionBlock key={result.id} result={result} index={index} />
      ))}

      <View className="svc-card">
        <Text className="svc-card__title">{`答卷（${results.responses.length}）`}</Text>
        {results.responses.length === 0 ? <Text className="svc-muted">还没有企业答复。</Text> : null}
      </View>
      <View role="list" aria-label="答卷">
        {results.responses.map((row) => (
          <ResponseCard key={row.id} row={row} questions={survey.questions} />
        ))}
      </View>
    </View>
  )
}
