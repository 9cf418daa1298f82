import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { SURVEY_KIND_LABELS, SURVEY_STATUS_LABELS } from '@/types/survey-vocabulary'
import { errorMessage } from '@/api/client'
import EmptyState from '@/components/status/EmptyState'
import ErrorState from '@/components/status/ErrorState'
import PageSkeleton from '@/components/status/PageSkeleton'
import { downloadCsv } from '@/features/staff-projects/download'
import { useStaffSession } from '@/features/staff-projects/staff-guard'
import { a11y } from '@/lib/a11y'
import { ROUTES, navigate } from '@/lib/routes'
import { useStaffSurveys } from './surveys-store'
import '@/styles/service.scss'
import './surveys.scss'
import './surveys-screen.scss'

const TONE = { draft: 'pl-tag--grey', upcoming: 'pl-tag--orange', open: 'pl-tag--green', closed: 'pl-tag--grey' } as const

/** 问需于企: the zone's surveys with their answers; supervisors write new ones. */
export default function SurveysScreen() {
  const session = useStaffSession()
  const items = useStaffSurveys((s) => s.items)
  const status = useStaffSurveys((s) => s.status)
  const error = useStaffSurveys((s) => s.error)
  const [exportError, setExportError] = useState<string | null>(null)

  useDidShow(() => {
    if (session) void useStaffSurveys.getState().load()
  })
  if (!session) return <View className="svc-root" />
  const canWrite = session.staff.role !== 'agent'

  return (
    <View className="svc-root">
      <View className="svc-card">
        <View className="svc-row">
          <Text className="svc-card__title">问需于企</Text>
          <Text className="svc-link sv-link" {...a11y('link')} onClick={() => navigate(ROUTES.staffInbox)}>
            工作台
          </Text>
        </View>
        <Text className="svc-muted">
          问需于企、问策于企、问效于企：发布后本开发区的投资方在“我的”中看到并填写，答复可一键转为店小二请求。
        </Text>
        <View className="sv-actions">
          {canWrite ? (
            <Button type="primary" onClick={() => navigate(ROUTES.staffSurveyEdit)}>
              新建问卷
            </Button>
          ) : null}
          <Button
            fill="outline"
            onClick={() => {
              setExportError(null)
              downloadCsv('/api/staff/surveys/export.csv', {}, '问卷答复.csv').catch((failure: unknown) =>
                setExportError(errorMessage(failure)),
              )
            }}
          >
            导出全部答复
          </Button>
        </View>
        {exportError ? <Text className="sv-error">{exportError}</Text> : null}
      </View>

      {status === 'error' && !items.length ? (
        <ErrorState message={error} onRetry={() => void useStaffSurveys.getState().load()} />
      ) : status !== 'ready' && !items.length ? (
        <PageSkeleton cards={2} label="正在加载问卷" />
      ) : !items.length ? (
        <EmptyState title="还没有问卷" description={canWrite ? '点“新建问卷”问问企业的急难愁盼。' : '主管发布问卷后会显示在这里。'} />
      ) : (
        <View role="list" aria-label="问卷">
          {items.map((item) => (
            <View
              key={item.id}
              role="listitem"
              className="svc-card sv-row"
              aria-label={`${item.title}，${SURVEY_STATUS_LABELS[item.status]}，${item.responseCount} 份答复`}
              onClick={() => navigate(ROUTES.staffSurvey, { id: item.id })}
            >
              <View className="svc-row">
                <Text className="svc-strong">{item.title}</Text>
                <Text className={`pl-tag ${TONE[item.status]}`}>{SURVEY_STATUS_LABELS[item.status]}</Text>
              </View>
              <Text className="svc-muted">{`${SURVEY_KIND_LABELS[item.kind]} · ${item.opensOn} 至 ${item.closesOn} · ${item.questionCount} 题 · ${item.responseCount} 份答复`}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
