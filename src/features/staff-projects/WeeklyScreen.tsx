import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { PROJECT_STAGE_LABELS } from '@/types/project-stages'
import { errorMessage } from '@/api/client'
import ErrorState from '@/components/status/ErrorState'
import PageSkeleton from '@/components/status/PageSkeleton'
import { a11y } from '@/lib/a11y'
import { ROUTES, navigate } from '@/lib/routes'
import { downloadCsv } from './download'
import { useStaffSession } from './staff-guard'
import { useWeekly } from './weekly-store'
import '@/styles/service.scss'
import './desk.scss'
import './weekly-screen.scss'

/** 督考周报: projects per stage, the overdue ones, the stages completed this week; and the same as CSV. */
export default function WeeklyScreen() {
  const session = useStaffSession()
  const summary = useWeekly((s) => s.summary)
  const status = useWeekly((s) => s.status)
  const error = useWeekly((s) => s.error)
  const [downloading, setDownloading] = useState(false)
  const [downloadError, setDownloadError] = useState<string | null>(null)

  useDidShow(() => {
    if (session) void useWeekly.getState().load()
  })
  if (!session) return <View className="svc-root" />

  const download = async () => {
    if (!summary || downloading) return
    setDownloading(true)
    setDownloadError(null)
    try {
      await downloadCsv('/api/staff/project-summary.csv', { week: summary.weekStart }, `督考周报-${summary.weekStart}.csv`)
    } catch (failure) {
      setDownloadError(errorMessage(failure))
    } finally {
      setDownloading(false)
    }
  }
  const max = summary ? Math.max(1, ...summary.byStage.map((row) => row.count)) : 1

  return (
    <View className="svc-root">
      <View className="svc-card">
        <View className="svc-row">
          <Text className="svc-card__title">督考周报</Text>
          <Text className="svc-link dsk-link" {...a11y('link')} onClick={() => navigate(ROUTES.staffProjects)}>
            督考看板
          </Text>
        </View>
        <View className="svc-row">
          <Text className="pl-btn" {...a11y('button')} onClick={() => void useWeekly.getState().shift(-1)}>
            ‹ 上一周
          </Text>
          <Text className="svc-strong" {...a11y('status')}>
            {summary ? `${summary.weekStart} 至 ${summary.weekEnd}` : ''}
          </Text>
          <Text className="pl-btn" {...a11y('button')} onClick={() => void useWeekly.getState().shift(1)}>
            下一周 ›
          </Text>
        </View>
      </View>

      {status === 'error' && !summary ? (
        <ErrorState message={error} onRetry={() => void useWeekly.getState().load()} />
      ) : !summary ? (
        <PageSkeleton cards={3} label="正在加载周报" />
      ) : (
        <View aria-busy={status === 'loading'}>
          <View className="wk-kpis">
            <View className="wk-kpi">
              <Text className="wk-kpi__value">{summary.projectCount}</Text>
              <Text className="svc-muted">项目</Text>
            </View>
            <View className="wk-kpi">
              <Text className="wk-kpi__value svc-tone--danger">{summary.overdue.length}</Text>
              <Text className="svc-muted">有逾期</Text>
            </View>
            <View className="wk-kpi">
              <Text className="wk-kpi__value svc-tone--done">{summary.completed.length}</Text>
              <Text className="svc-muted">本周完成阶段</Text>
            </View>
          </View>

          <View className="svc-card">
            <Text className="svc-card__title">各阶段项目数</Text>
            <View role="list">
              {summary.byStage.map((row) => (
                <View key={row.stage} role="listitem" className="wk-bar" aria-label={`${row.label} ${row.count} 个`}>
                  <Text className="wk-bar__label">{row.label}</Text>
                  <View className="wk-bar__track" aria-hidden>
                    <View className="wk-bar__fill" style={{ width: `${(row.count / max) * 100}%` }} />
                  </View>
                  <Text className="wk-bar__count">{row.count}</Text>
                </View>
              ))}
            </View>
          </View>

          <View className="svc-card">
            <Text className="svc-card__title">{`逾期项目（${summary.overdue.length}）`}</Text>
            {summary.overdue.length === 0 ? <Text className="svc-muted">没有逾期的项目。</Text> : null}
            {summary.overdue.map((card) => (
              <Text
                key={card.id}
                className="svc-link dsk-link dsk-block"
                {...a11y('link')}
                onClick={() => navigate(ROUTES.staffProject, { id: card.id })}
              >
                {`${card.name}：${card.overdueStages.map((stage) => PROJECT_STAGE_LABELS[stage]).join('、')}`}
              </Text>
            ))}
          </View>

          <View className="svc-card">
            <Text className="svc-card__title">{`本周完成的阶段（${summary.completed.length}）`}</Text>
            {summary.completed.length === 0 ? <Text className="svc-muted">本周还没有完成的阶段。</Text> : null}
            {summary.completed.map((row) => (
              <Text
                key={`${row.projectId}-${row.stage}`}
                className="dsk-block"
              >{`${row.actualDate} ${row.projectName} · ${PROJECT_STAGE_LABELS[row.stage]}`}</Text>
            ))}
          </View>

          {summary.blocked.length ? (
            <View className="svc-card">
              <Text className="svc-card__title">{`受阻（${summary.blocked.length}）`}</Text>
              {summary.blocked.map((row) => (
                <Text
                  key={`${row.projectId}-${row.stage}`}
                  className="dsk-block"
                >{`${row.projectName} · ${PROJECT_STAGE_LABELS[row.stage]}：${row.blocker ?? ''}`}</Text>
              ))}
            </View>
          ) : null}

          {downloadError ? (
            <Text className="svc-alert svc-alert--error" {...a11y('alert')}>
              {downloadError}
            </Text>
          ) : null}
          <View className="svc-card">
            <Button type="primary" block loading={downloading} disabled={downloading} onClick={() => void download()}>
              下载周报（CSV，Excel 可打开）
            </Button>
          </View>
        </View>
      )}
    </View>
  )
}
