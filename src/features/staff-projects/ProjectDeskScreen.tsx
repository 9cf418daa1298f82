import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { PROJECT_STAGE_LABELS, SCHEDULE_LABELS, type ProjectStage } from '@/types/project-stages'
import type { StaffStage } from '@/types/projects'
import { formatChinaTime } from '@/types/china-time'
import ErrorState from '@/components/status/ErrorState'
import PageSkeleton from '@/components/status/PageSkeleton'
import StageTimeline from '@/features/projects/StageTimeline'
import { a11y } from '@/lib/a11y'
import { readParam } from '@/lib/query'
import { ROUTES, navigate } from '@/lib/routes'
import { useProjectDesk } from './desk-store'
import { useStaffSession } from './staff-guard'
import { describeAudit } from './internal/audit'
import { InvitePanel } from './internal/InvitePanel'
import { ReviewForm } from './internal/ReviewForm'
import { StageEditor } from './internal/StageEditor'
import { TeamEditor } from './internal/TeamEditor'
import '@/styles/service.scss'
import './desk.scss'
import './project-desk-screen.scss'

/** A project on the 督考 desk: stage timeline with updates, 包挂领导 and 专班, invites, 现场评议 and the audit trail. */
export default function ProjectDeskScreen() {
  const session = useStaffSession()
  const { params } = useRouter()
  const id = readParam(params, 'id') ?? ''
  const detail = useProjectDesk((s) => (s.id === id ? s.detail : null))
  const status = useProjectDesk((s) => s.status)
  const error = useProjectDesk((s) => s.error)
  const actionError = useProjectDesk((s) => s.actionError)
  const madeRequest = useProjectDesk((s) => s.madeRequest)
  const invite = useProjectDesk((s) => s.invite)
  const busy = useProjectDesk((s) => s.busy)
  const [editing, setEditing] = useState<ProjectStage | 'team' | 'review' | null>(null)

  useEffect(() => {
    if (session && id) void useProjectDesk.getState().open(id)
  }, [session, id])
  usePullDownRefresh(() => {
    void useProjectDesk
      .getState()
      .open(id)
      .finally(() => Taro.stopPullDownRefresh())
  })
  useEffect(() => {
    if (detail) void Taro.setNavigationBarTitle({ title: detail.project.name })
  }, [detail])
  // The share button of the invite panel sends the claim page with the fresh code.
  useShareAppMessage(() => ({
    title: detail ? `邀请您关注「${detail.project.name}」的项目进度` : '园区通 · 关注项目进度',
    path: invite ? `/${invite.path}` : ROUTES.home,
  }))

  if (!session) return <View className="svc-root" />
  if (!id) {
    return (
      <View className="svc-root">
        <ErrorState
          title="链接不完整"
          message="没有找到要查看的项目，请从督考看板进入。"
          actionText="去督考看板"
          onRetry={() => navigate(ROUTES.staffProjects)}
        />
      </View>
    )
  }
  if (!detail) {
    return (
      <View className="svc-root">
        {status === 'error' ? (
          <ErrorState message={error} onRetry={() => void useProjectDesk.getState().open(id)} />
        ) : (
          <PageSkeleton cards={3} label="正在加载项目" />
        )}
      </View>
    )
  }

  const { card, canEdit, canManage } = detail
  const stageExtra = (stage: StaffStage) => (
    <View className="dsk-stage">
      {stage.blocker ? <Text className="svc-tone--danger dsk-block">{`受阻原因：${stage.blocker}`}</Text> : null}
      {stage.note ? <Text className="svc-muted dsk-block">{`备注：${stage.note}`}</Text> : null}
      {stage.updatedBy ? (
        <Text className="svc-muted dsk-block">{`${stage.updatedBy} 更新于 ${formatChinaTime(stage.updatedAt!)}`}</Text>
      ) : null}
      {stage.blockerRequest ? (
        <Text
          className="svc-link dsk-link"
          {...a11y('link')}
          onClick={() => navigate(ROUTES.staffRequest, { id: stage.blockerRequest!.id })}
        >
          {`已转为店小二请求 ${stage.blockerRequest.ticketNo} ›`}
        </Text>
      ) : null}
      {editing === stage.stage ? (
        <StageEditor stage={stage} onDone={() => setEditing(null)} />
      ) : canEdit ? (
        <View className="dsk-actions">
          <Button size="small" fill="outline" onClick={() => setEditing(stage.stage)}>
            {`更新${PROJECT_STAGE_LABELS[stage.stage]}`}
          </Button>
          {stage.state === 'blocked' && !stage.blockerRequest ? (
            <Button
              size="small"
              type="primary"
              loading={busy === 'request'}
              disabled={busy === 'request'}
              onClick={() => void useProjectDesk.getState().turnIntoRequest(stage.stage)}
            >
              转为店小二请求
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  )

  return (
    <View className="svc-root">
      <View className="svc-card">
        <View className="svc-row">
          <Text className="dsk-title" {...a11y('heading', { 'aria-level': 1 })}>
            {detail.project.name}
          </Text>
          <Text className={`brd-flag brd-flag--${card.schedule}`}>{SCHEDULE_LABELS[card.schedule]}</Text>
        </View>
        <Text className="svc-muted dsk-block">{[card.zoneName, card.parkName, card.partner].filter(Boolean).join(' · ')}</Text>
        <Text className="dsk-block">{`包挂领导：${card.leader?.displayName ?? '未指定'}`}</Text>
        <Text className="dsk-block">{`专班：${detail.team.length ? detail.team.map((person) => person.displayName).join('、') : '未组建'}`}</Text>
        <Text className="dsk-block">{`投资方联系人：${card.contact ? `${card.contact.name} ${card.contact.mobileMasked}` : '未填写'}`}</Text>
        {canManage && editing !== 'team' ? (
          <View className="dsk-actions">
            <Button size="small" fill="outline" onClick={() => setEditing('team')}>
              设置包挂领导和专班
            </Button>
          </View>
        ) : null}
        {editing === 'team' ? <TeamEditor detail={detail} onDone={() => setEditing(null)} /> : null}
        {!canEdit ? <Text className="svc-muted dsk-block">只有该项目的专班成员和本开发区主管可以更新进度。</Text> : null}
      </View>

      {actionError ? (
        <Text className="svc-alert svc-alert--error" {...a11y('alert')}>
          {actionError}
        </Text>
      ) : null}
      {madeRequest ? (
        <Text
          className="svc-alert svc-alert--info"
          {...a11y('status')}
        >{`已转为店小二请求 ${madeRequest.ticketNo}，可在工作台跟进。`}</Text>
      ) : null}

      <View className="svc-card">
        <Text className="svc-card__title">阶段进度</Text>
        <StageTimeline stages={detail.stages} current={card.currentStage} extra={stageExtra} />
      </View>

      {canEdit ? <InvitePanel detail={detail} /> : null}

      <View className="svc-card">
        <View className="svc-row">
          <Text className="svc-card__title">现场评议</Text>
          {canEdit && editing !== 'review' ? (
            <Text className="svc-link dsk-link" {...a11y('button')} onClick={() => setEditing('review')}>
              记录评议
            </Text>
          ) : null}
        </View>
        {editing === 'review' ? <ReviewForm onDone={() => setEditing(null)} /> : null}
        {detail.reviews.length === 0 ? <Text className="svc-muted">还没有现场评议记录。</Text> : null}
        {detail.reviews.map((review) => (
          <View key={review.id} className="dsk-review">
            <Text className="svc-strong dsk-block">{`${review.heldOn}${review.stage ? ` · ${PROJECT_STAGE_LABELS[review.stage]}` : ''}`}</Text>
            <Text className="svc-muted dsk-block">{`参加：${review.attendees.join('、')}`}</Text>
            <Text className="dsk-block">{review.conclusion}</Text>
            <Text className="svc-muted dsk-block">{`${review.recordedBy} 记录`}</Text>
          </View>
        ))}
      </View>

      <View className="svc-card">
        <Text className="svc-card__title">操作记录</Text>
        {detail.audit.length === 0 ? <Text className="svc-muted">还没有变更。</Text> : null}
        <View role="list" aria-label="操作记录">
          {detail.audit.map((entry) => (
            <View key={entry.id} role="listitem" className="dsk-audit">
              <Text className="svc-muted dsk-block">{`${formatChinaTime(entry.at)} · ${entry.actor}`}</Text>
              <Text className="dsk-block">{describeAudit(entry)}</Text>
            </View>
          ))}
        </View>
      </View>
    </View>
  )
}
