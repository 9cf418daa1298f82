import { useEffect } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { PROJECT_STAGE_LABELS } from '@/types/project-stages'
import { isProvided } from '@/types/vocabulary'
import { a11y } from '@/lib/a11y'
import { formatFigure } from '@/lib/format'
import { readParam } from '@/lib/query'
import { ROUTES, navigate, openService } from '@/lib/routes'
import BottomBar from '@/components/bottom-bar/BottomBar'
import ErrorState from '@/components/status/ErrorState'
import PageSkeleton from '@/components/status/PageSkeleton'
import { useProject } from './project-store'
import StageTimeline from './StageTimeline'
import './project-screen.scss'

/** A followed project: where it stands, stage by stage, and 遇到问题找店小二. */
export default function ProjectScreen() {
  const { params } = useRouter()
  const id = readParam(params, 'id') ?? ''
  const project = useProject((s) => (s.id === id ? s.project : null))
  const status = useProject((s) => s.status)
  const error = useProject((s) => s.error)
  const missing = useProject((s) => s.missing)

  useEffect(() => {
    if (id) void useProject.getState().load(id)
  }, [id])
  usePullDownRefresh(() => {
    void useProject
      .getState()
      .load(id)
      .finally(() => Taro.stopPullDownRefresh())
  })
  useEffect(() => {
    if (project) void Taro.setNavigationBarTitle({ title: project.project.name })
  }, [project])

  if (!id) {
    return (
      <View className="pl-page">
        <ErrorState
          title="链接不完整"
          message="没有找到要查看的项目，请从“我的”进入。"
          onRetry={() => void Taro.reLaunch({ url: ROUTES.mine })}
          actionText="去“我的”"
        />
      </View>
    )
  }
  if (!project) {
    if (status === 'error' && missing) {
      return (
        <View className="pl-page">
          <ErrorState
            title="无法查看这个项目"
            message="只有用邀请码关注了项目的投资方可以查看进度。请向开发区工作人员索取邀请码。"
            actionText="输入邀请码"
            onRetry={() => navigate(ROUTES.claim)}
          />
        </View>
      )
    }
    if (status === 'error')
      return (
        <View className="pl-page">
          <ErrorState message={error} onRetry={() => void useProject.getState().load(id)} />
        </View>
      )
    return (
      <View className="pl-page">
        <PageSkeleton cards={3} label="正在加载项目进度" />
      </View>
    )
  }

  const record = project.project
  const current = project.currentStage
  const meta = [project.zoneName, project.parkName, isProvided(record.partner) ? record.partner : null].filter(Boolean)
  return (
    <View className="pl-page prj">
      <View className="pl-card">
        <Text className="pl-title" {...a11y('heading', { 'aria-level': 1 })}>
          {record.name}
        </Text>
        <Text className="pl-muted prj__meta">{meta.join(' · ')}</Text>
        {isProvided(record.amount) ? (
          <Text className="pl-text prj__meta">{`${record.amount.label} ${formatFigure(record.amount)}`}</Text>
        ) : null}
        <View className="prj__now">
          <Text className="prj__now-label">当前阶段</Text>
          <Text className="prj__now-value">{current ? PROJECT_STAGE_LABELS[current] : '已投产'}</Text>
        </View>
        <Text className="pl-muted">
          {project.leaderRole ? `包挂领导：${project.leaderRole}，全程督办项目进度。` : '开发区将指定一位包挂领导全程督办。'}
        </Text>
      </View>

      <View className="pl-card">
        <Text className="prj__section" {...a11y('heading', { 'aria-level': 2 })}>
          项目进度
        </Text>
        <StageTimeline stages={project.stages} current={current} />
        <Text className="pl-muted prj__note">日期由开发区专班更新；遇到问题可随时找店小二。</Text>
      </View>

      <BottomBar
        primary={
          <Button
            type="primary"
            size="large"
            block
            onClick={() => openService({ zoneId: record.zoneId, projectId: record.id, projectStage: current ?? 'producing' })}
          >
            遇到问题找店小二
          </Button>
        }
      >
        {null}
      </BottomBar>
    </View>
  )
}
