import { useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, Popup } from '@nutui/nutui-react-taro'
import Dialog from '@/components/dialog/Dialog'
import TextBox from '@/components/text-box/TextBox'
import { CONTACT_TIME_LABELS } from '@/types/service'
import { parkName, useZoneCatalog, zoneName } from '@/features/zones/catalog-store'
import TicketHeader from '@/components/request/TicketHeader'
import { stageOf } from '@/components/request/StatusTag'
import RequestTimeline from '@/components/request/RequestTimeline'
import Conversation from '@/components/request/Conversation'
import PhotoStrip from '@/components/request/PhotoStrip'
import FirstResponseCard from '@/components/request/FirstResponseCard'
import ErrorState from '@/components/status/ErrorState'
import PageSkeleton from '@/components/status/PageSkeleton'
import { STAFF_STAGE_LABELS, STAFF_STATUS_LABELS } from './internal/labels'
import { buildTimeline } from '@/components/request/timeline'
import { formatChinaTime } from '@/types/china-time'
import { a11y } from '@/lib/a11y'
import { useDesk } from './desk-store'
import { canManageCannedReplies, useStaffGuard } from './internal/guard'
import { statusActions, type StatusAction } from './internal/actions'
import { ReplyComposer, NoteComposer } from './internal/ReplyComposer'
import { AuditTrail } from './internal/AuditTrail'
import '@/styles/service.scss'
import './internal/staff.scss'
import './request-desk-screen.scss'

export default function RequestDeskScreen() {
  const session = useStaffGuard()
  const { params } = useRouter()
  const id = params.id ?? ''
  const desk = useDesk()
  const zones = useZoneCatalog((s) => s.zones)
  const parks = useZoneCatalog((s) => s.parks)
  const [assignOpen, setAssignOpen] = useState(false)
  const [pending, setPending] = useState<StatusAction | null>(null)
  const [changingTo, setChangingTo] = useState<StatusAction['status'] | null>(null)
  const [closeReason, setCloseReason] = useState('')

  const load = () => (id ? useDesk.getState().load(id) : Promise.resolve())
  useDidShow(() => {
    if (!session) return
    void load().then(() => useZoneCatalog.getState().loadParks(useDesk.getState().detail?.zoneId))
    void useZoneCatalog.getState().load()
  })
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  if (!session) return <View className="svc-root" />
  const detail = desk.id === id ? desk.detail : null
  if (!detail) {
    return (
      <View className="svc-root">
        {desk.status === 'error' ? (
          <ErrorState message={desk.error ?? '加载失败'} actionText="重试" onRetry={() => void load()} />
        ) : (
          <PageSkeleton cards={4} />
        )}
      </View>
    )
  }

  const mine = detail.assignee?.id === session.staff.id
  const actions = statusActions(detail)
  const changeStatus = async (action: StatusAction) => {
    setPending(null)
    setChangingTo(action.status)
    const ok = action.needsReason ? await desk.close(closeReason) : await desk.setStatus(action.status)
    setChangingTo(null)
    if (ok) void Taro.showToast({ title: action.needsReason ? '工单已关闭' : `已改为${STAFF_STATUS_LABELS[action.status]}`, icon: 'none' })
  }
  const askFirst = (action: StatusAction) => {
    setCloseReason('')
    setPending(action)
  }
  const openAssign = () => {
    void desk.loadMembers()
    setAssignOpen(true)
  }

  return (
    <View className="svc-root">
      <TicketHeader ticketNo={detail.ticketNo} stage={stageOf(detail)} stageLabels={STAFF_STAGE_LABELS} type={detail.type}>
        {detail.escalated ? <Text className="stf-detail__escalated">主管督办（企业评价不满意后重新打开）</Text> : null}
        <Text className="svc-ticket__line svc-muted">
          {[zoneName(zones, detail.zoneId) || detail.zoneId, parkName(parks, detail.parkId)].filter(Boolean).join(' · ')}
        </Text>
        <Text className="svc-ticket__line svc-muted">{`提交于 ${formatChinaTime(detail.createdAt)}`}</Text>
        <Text className="svc-ticket__line">
          {detail.assignee ? `负责人：${detail.assignee.displayName}${mine ? '（我）' : ''}` : '负责人：未指派'}
        </Text>
        {detail.resolutionDueAt ? (
          <Text className="svc-ticket__line">
            {`办结时限：${formatChinaTime(detail.resolutionDueAt)}`}
            {detail.resolutionPausedSince ? `（自 ${formatChinaTime(detail.resolutionPausedSince)} 起暂停计时，等待企业补充）` : ''}
          </Text>
        ) : null}
      </TicketHeader>

      <View className="svc-card">
        <Text className="svc-card__title">企业与联系人</Text>
        <Text className="stf-detail__company">{detail.company}</Text>
        <View className="svc-row stf-detail__phone">
          <Text>{`${detail.contactName} ${detail.mobile}`}</Text>
          <View className="svc-wrap">
            <Button size="small" type="primary" onClick={() => void Taro.makePhoneCall({ phoneNumber: detail.mobile })}>
              拨打
            </Button>
            <Button size="small" fill="outline" onClick={() => void Taro.setClipboardData({ data: detail.mobile })}>
              复制
            </Button>
          </View>
        </View>
        {detail.preferredContactTime ? (
          <Text className="svc-muted">{`方便联系：${CONTACT_TIME_LABELS[detail.preferredContactTime]}`}</Text>
        ) : null}
      </View>

      <FirstResponseCard request={detail} hotline={null} audience="staff" />

      {desk.actionError ? (
        <Text className="svc-alert svc-alert--error" {...a11y('alert')}>
          {desk.actionError}
        </Text>
      ) : null}

      <View className="svc-card">
        <Text className="svc-card__title">办理操作</Text>
        <View className="svc-wrap">
          {!detail.assignee ? (
            <Button type="primary" loading={desk.busy === 'claim'} disabled={!!desk.busy} onClick={() => void desk.claim()}>
              认领
            </Button>
          ) : null}
          <Button fill="outline" type="primary" disabled={!!desk.busy} onClick={openAssign}>
            指派
          </Button>
        </View>
        {actions.length ? (
          <View className="stf-status" role="group" aria-label="更改状态">
            <Text className="stf-section-note">更改状态</Text>
            {actions.map((action) => (
              <View key={action.status} className="stf-status__item">
                <Button
                  block
                  fill="outline"
                  className={action.danger ? 'svc-danger-button' : undefined}
                  disabled={!!desk.busy}
                  loading={changingTo === action.status}
                  onClick={() => (action.confirm ? askFirst(action) : void changeStatus(action))}
                >
                  {action.label}
                </Button>
                {action.hint ? <Text className="stf-status__hint">{action.hint}</Text> : null}
              </View>
            ))}
          </View>
        ) : (
          <Text className="svc-muted stf-status__none">当前状态不能再更改。</Text>
        )}
      </View>

      <View className="svc-card">
        <Text className="svc-card__title">需求描述</Text>
        <Text className="stf-detail__desc">{detail.description}</Text>
        <PhotoStrip photos={detail.photos} />
      </View>

      <View className="svc-card">
        <Text className="svc-card__title">办理进度</Text>
        <RequestTimeline view={buildTimeline(detail)} />
      </View>

      <View className="svc-card">
        <Text className="svc-card__title">与企业的沟通</Text>
        <Conversation messages={detail.messages} viewer="staff" emptyText="还没有回复。公开回复会显示在企业的请求详情里。" />
        {detail.status !== 'closed' && detail.status !== 'withdrawn' ? (
          <ReplyComposer
            cannedReplies={desk.cannedReplies}
            canAddCanned={canManageCannedReplies(session)}
            busy={desk.busy === 'reply'}
            addingCanned={desk.busy === 'canned'}
            onOpenCanned={() => void desk.loadCannedReplies()}
            onSend={desk.reply}
            onAddCanned={(input) => desk.addCannedReply({ ...input, zoneId: detail.zoneId })}
          />
        ) : null}
      </View>

      <View className="svc-card stf-internal" role="group" aria-label="内部备注，企业不可见">
        <View className="stf-internal__head">
          <Text className="stf-internal__badge">内部备注</Text>
          <Text className="svc-muted">仅工作人员可见，企业看不到</Text>
        </View>
        {detail.notes.length ? (
          [...detail.notes]
            .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))
            .map((note) => (
              <View key={note.id} className="stf-note" data-internal="true">
                <Text className="stf-note__meta">{`内部备注 · ${note.author.displayName} · ${formatChinaTime(note.createdAt)}`}</Text>
                <Text className="stf-note__body">{note.body}</Text>
              </View>
            ))
        ) : (
          <Text className="svc-muted">暂无内部备注。</Text>
        )}
        <NoteComposer busy={desk.busy === 'note'} onSend={desk.note} />
      </View>

      <View className="svc-card">
        <Text className="svc-card__title">操作记录</Text>
        <Text className="stf-section-note">系统自动记录，不可修改或删除</Text>
        <AuditTrail entries={detail.audit} />
      </View>

      <Popup visible={assignOpen} position="bottom" round title="指派给同事" closeable onClose={() => setAssignOpen(false)}>
        <View className="stf-members" role="list">
          {desk.members.length ? (
            desk.members.map((member) => (
              <View
                key={member.id}
                role="listitem"
                className={`stf-members__item${member.id === detail.assignee?.id ? ' stf-members__item--current' : ''}`}
                onClick={() => {
                  setAssignOpen(false)
                  void desk.assign(member.id).then((ok) => {
                    if (ok) void Taro.showToast({ title: `已指派给${member.displayName}`, icon: 'none' })
                  })
                }}
              >
                <Text className="svc-strong">{member.displayName}</Text>
                <Text className="svc-muted">
                  {member.id === detail.assignee?.id ? '当前负责人' : member.id === session.staff.id ? '我' : ''}
                </Text>
              </View>
            ))
          ) : (
            <Text className="svc-muted">正在加载同事列表…</Text>
          )}
        </View>
      </Popup>

      <Dialog
        visible={pending !== null}
        title={pending ? `确认${pending.label}？` : ''}
        content={pending?.hint ?? ''}
        confirmText={pending?.needsReason ? '关闭工单' : '确认'}
        confirmDisabled={pending?.needsReason ? closeReason.trim().length < 2 : false}
        onConfirm={() => {
          if (pending) void changeStatus(pending)
        }}
        onCancel={() => setPending(null)}
      >
        {pending?.needsReason ? (
          <TextBox
            className="stf-close-reason"
            label="关闭原因"
            placeholder="如：企业已另行解决，电话确认后关闭"
            value={closeReason}
            maxLength={200}
            showCount
            onChange={setCloseReason}
          />
        ) : null}
      </Dialog>
    </View>
  )
}
