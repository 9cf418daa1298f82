import { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { PROJECT_STAGE_LABELS, STAGE_STATE_LABELS, OVERDUE_LABEL } from '@/types/project-stages'
import { a11y } from '@/lib/a11y'
import { ROUTES, navigate, openProject } from '@/lib/routes'
import Section from '@/components/section/Section'
import ErrorState from '@/components/status/ErrorState'
import { SkeletonLines } from '@/components/status/PageSkeleton'
import { useFollowedProjects } from './followed-store'
import './followed-projects.scss'

/** 我关注的项目: the projects the investor follows through an invite, with where each stands. */
export default function FollowedProjects() {
  const items = useFollowedProjects((s) => s.items)
  const status = useFollowedProjects((s) => s.status)
  const error = useFollowedProjects((s) => s.error)

  useDidShow(() => {
    void useFollowedProjects.getState().load()
  })

  return (
    <Section title="我关注的项目" extra={items.length ? `${items.length} 个` : undefined}>
      {status === 'loading' && !items.length ? (
        <View {...a11y('status', { 'aria-label': '正在加载关注的项目' })}>
          <SkeletonLines rows={2} />
        </View>
      ) : null}
      {status === 'error' && !items.length ? (
        <ErrorState title="项目列表加载失败" message={error} onRetry={() => void useFollowedProjects.getState().load()} />
      ) : null}
      {status === 'ready' && !items.length ? (
        <Text className="pl-muted">开发区工作人员给您邀请码后，可在这里跟踪项目从签约到投产的进度。</Text>
      ) : null}
      {items.map((item) => {
        const state = item.currentState === null ? '已投产' : item.overdue ? OVERDUE_LABEL : STAGE_STATE_LABELS[item.currentState]
        const stage = item.currentStage ? PROJECT_STAGE_LABELS[item.currentStage] : '投产'
        return (
          <View
            key={item.id}
            className="fprj"
            onClick={() => openProject(item.id)}
            {...a11y('link', { 'aria-label': `${item.name}，当前阶段${stage}，${state}` })}
          >
            <View className="fprj__main">
              <Text className="fprj__name">{item.name}</Text>
              <Text className="pl-muted">{item.zoneName}</Text>
            </View>
            <Text
              className={`pl-tag${item.overdue ? ' pl-tag--red' : item.currentState === null ? ' pl-tag--green' : ''}`}
            >{`${stage} · ${state}`}</Text>
          </View>
        )
      })}
      <Text className="pl-link fprj__claim" onClick={() => navigate(ROUTES.claim)} {...a11y('link')}>
        输入邀请码关注项目 ›
      </Text>
    </Section>
  )
}
