import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { PROJECT_STAGE_LABELS, STAGE_STATE_LABELS, OVERDUE_LABEL, type ProjectStage, type StageState } from '@/types/project-stages'
import { describeSource } from '@/types/sources'
import { a11y } from '@/lib/a11y'
import './stage-timeline.scss'

/** What the timeline needs of a stage; staff stages carry more, shown through `extra`. */
export interface TimelineStage {
  stage: ProjectStage
  state: StageState
  plannedDate: string | null
  actualDate: string | null
  overdue: boolean
  source: string | null
  reportedDate: string | null
}

const TONE: Record<StageState, string> = {
  not_started: 'pl-tag--grey',
  in_progress: '',
  done: 'pl-tag--green',
  blocked: 'pl-tag--red',
}

/** The words for a stage's state: 逾期 for a late stage that is not blocked. */
export const stageStatus = (stage: Pick<TimelineStage, 'state' | 'overdue'>) =>
  stage.state !== 'blocked' && stage.overdue ? OVERDUE_LABEL : STAGE_STATE_LABELS[stage.state]

const statusTone = (stage: TimelineStage) => (stage.state !== 'blocked' && stage.overdue ? 'pl-tag--red' : TONE[stage.state])

/**
 * 签约 → 投产, one row per stage: state, planned and actual dates, and what an article reported.
 * Investors and staff share it; staff add their own lines and actions per stage with `extra`.
 */
export default function StageTimeline<S extends TimelineStage>({
  stages,
  current,
  extra,
}: {
  stages: S[]
  current: ProjectStage | null
  extra?: (stage: S) => ReactNode
}) {
  return (
    <View className="stl" role="list" aria-label="项目阶段">
      {stages.map((stage, index) => {
        const dates = [stage.plannedDate ? `计划 ${stage.plannedDate}` : null, stage.actualDate ? `完成 ${stage.actualDate}` : null].filter(
          Boolean,
        )
        return (
          <View
            key={stage.stage}
            role="listitem"
            className={`stl__item stl__item--${stage.state}${stage.stage === current ? ' stl__item--current' : ''}`}
            aria-label={`第 ${index + 1} 步 ${PROJECT_STAGE_LABELS[stage.stage]}，${stageStatus(stage)}`}
          >
            <View className="stl__dot" aria-hidden />
            <View className="stl__body">
              <View className="stl__head">
                <Text className="stl__name">{PROJECT_STAGE_LABELS[stage.stage]}</Text>
                <Text className={`pl-tag ${statusTone(stage)}`}>{stageStatus(stage)}</Text>
                {stage.stage === current ? <Text className="stl__current">当前阶段</Text> : null}
              </View>
              {dates.length ? <Text className="stl__dates">{dates.join(' · ')}</Text> : null}
              {stage.source ? (
                <Text className="stl__source" {...a11y('note')}>
                  {reportedLine(stage.reportedDate, stage.source)}
                </Text>
              ) : null}
              {extra ? extra(stage) : null}
            </View>
          </View>
        )
      })}
    </View>
  )
}

/** 据报道（5月18日）：德州新闻网, without the colon when the article states neither outlet nor headline. */
function reportedLine(reportedDate: string | null, source: string): string {
  const described = describeSource(source)
  return `据报道${reportedDate ? `（${reportedDate}）` : ''}${described ? `：${described}` : ''}`
}
