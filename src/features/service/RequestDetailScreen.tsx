import { useEffect, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Dialog from '@/components/dialog/Dialog'
import { CONTACT_TIME_LABELS, RATING_LABELS } from '@/types/service'
import { useRequestDetail } from './request-detail-store'
import { parkName, useZoneCatalog, zoneName } from '@/features/zones/catalog-store'
import TicketHeader from '@/components/request/TicketHeader'
import { stageOf } from '@/components/request/StatusTag'
import RequestTimeline from '@/components/request/RequestTimeline'
import Conversation from '@/components/request/Conversation'
import PhotoStrip from '@/components/request/PhotoStrip'
import FirstResponseCard from '@/components/request/FirstResponseCard'
import TextBox from '@/components/text-box/TextBox'
import { RatingPanel, isLowRating } from './internal/RatingPanel'
import ErrorState from '@/components/status/ErrorState'
import PageSkeleton from '@/components/status/PageSkeleton'
import { buildTimeline } from '@/components/request/timeline'
import { formatChinaTime } from '@/types/china-time'
import { a11y } from '@/lib/a11y'
import { usePolling } from '@/lib/use-polling'
import '@/styles/service.scss'
import './request-detail-screen.scss'

const CLOSED_FOR_MESSAGES = ['closed', 'withdrawn']
/** How often an open request page asks for news (staff may answer or resolve it meanwhile). */
export const REQUEST_POLL_MS = 15_000

export default function RequestDetailScreen() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const request = useRequestDetail((s) => (s.id === id ? s.request : null))
  const status = useRequestDetail((s) => s.status)
  const error = useRequestDetail((s) => s.error)
  const busy = useRequestDetail((s) => s.busy)
  const actionError = useRequestDetail((s) => s.actionError)
  const store = useRequestDetail.getState()
  const zones = useZoneCatalog((s) => s.zones)
  const parks = useZoneCatalog((s) => s.parks)
  const [reply, setReply] = useState('')
  const [confirmWithdraw, setConfirmWithdraw] = useState(false)

  const load = () => (id ? store.load(id) : Promise.resolve())
  // Fresh every time the page shows: staff may have answered meanwhile.
  useDidShow(() => {
    void load()
    void useZoneCatalog.getState().load()
  })
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })
  // …and while it stays open, until nothing more can happen to the request.
  usePolling(() => void load(), REQUEST_POLL_MS, Boolean(request) && !CLOSED_FOR_MESSAGES.includes(request?.status ?? ''))
  // The park's name comes with its zone's parks.
  const requestZone = request?.zoneId
  useEffect(() => {
    if (requestZone) void useZoneCatalog.getState().loadParks(requestZone)
  }, [requestZone])

  if (!id)
    return (
      <View className="svc-root">
        <ErrorState title="链接不完整" message="缺少请求编号" actionText="返回" onRetry={() => void Taro.navigateBack()} />
      </View>
    )
  if (!request) {
    return (
      <View className="svc-root">
        {status === 'error' ? (
          <ErrorState message={error ?? '加载失败'} actionText="重试" onRetry={() => void load()} />
        ) : (
          <PageSkeleton cards={3} />
        )}
      </View>
    )
  }

  const hotline = request.supervisionHotline
  const canMessage = !CLOSED_FOR_MESSAGES.includes(request.status)
  const timeline = buildTimeline(request)

  const send = async () => {
    if (!reply.trim()) return
    if (await store.sendMessage(reply)) {
      setReply('')
      void Taro.showToast({ title: '已发送', icon: 'success' })
    }
  }

  const rate = async (score: number, comment: string) => {
    if (await store.rate(score, comment)) {
      void Taro.showToast({ title: isLowRating(score) ? '已提交，主管将督办' : '感谢您的评价', icon: 'none' })
    }
  }

  const withdraw = async () => {
    setConfirmWithdraw(false)
    if (await store.withdraw()) void Taro.showToast({ title: '已撤回', icon: 'none' })
  }

  return (
    <View className="svc-root">
      <TicketHeader ticketNo={request.ticketNo} stage={stageOf(request)} type={request.type}>
        <Text className="svc-ticket__line">{request.company}</Text>
        <Text className="svc-ticket__line svc-muted">
          {[zoneName(zones, request.zoneId), parkName(parks, request.parkId)].filter(Boolean).join(' · ')}
        </Text>
        <Text className="svc-ticket__line svc-muted">{`提交于 ${formatChinaTime(request.createdAt)}`}</Text>
        {request.escalated ? <Text className="svc-detail__badge">主管督办中</Text> : null}
      </TicketHeader>

      {error ? <Text className="svc-alert svc-alert--error" {...a11y('alert')}>{`刷新失败：${error}`}</Text> : null}

      <FirstResponseCard request={request} hotline={hotline} />

      <View className="svc-card">
        <Text className="svc-card__title">办理进度</Text>
        <RequestTimeline view={timeline} />
      </View>

      <View className="svc-card">
        <Text className="svc-card__title">需求描述</Text>
        <Text className="svc-detail__desc">{request.description}</Text>
        <PhotoStrip photos={request.photos} />
        <Text className="svc-detail__line svc-muted">
          {`联系人：${request.contactName} ${request.mobile}`}
          {request.preferredContactTime ? ` · ${CONTACT_TIME_LABELS[request.preferredContactTime]}` : ''}
        </Text>
      </View>

      <View className="svc-card">
        <Text className="svc-card__title">沟通记录</Text>
        <Conversation messages={request.messages} viewer="investor" emptyText="工作人员的答复会显示在这里。" />
        {canMessage ? (
          <View className="svc-composer">
            <TextBox
              className="svc-composer__input"
              label="补充说明"
              placeholder="补充说明或回复工作人员"
              value={reply}
              maxLength={1000}
              onChange={setReply}
            />
            <Button type="primary" disabled={!reply.trim() || busy === 'message'} loading={busy === 'message'} onClick={() => void send()}>
              发送
            </Button>
          </View>
        ) : null}
      </View>

      {request.rating ? (
        <View className="svc-card">
          <Text className="svc-card__title">我的评价</Text>
          <Text className="svc-detail__rating">{RATING_LABELS[request.rating.score as 1 | 2 | 3 | 4 | 5]}</Text>
          {request.rating.comment ? <Text className="svc-detail__line">{request.rating.comment}</Text> : null}
          <Text className="svc-detail__line svc-muted">{formatChinaTime(request.rating.ratedAt)}</Text>
          {isLowRating(request.rating.score) ? (
            <Text className="svc-detail__line svc-muted">{`该请求已重新打开，由主管督办。${hotline ? `监督热线：${hotline}` : ''}`}</Text>
          ) : null}
        </View>
      ) : null}

      {request.canRate ? (
        <View className="svc-card">
          <Text className="svc-card__title">请评价本次服务</Text>
          <RatingPanel hotline={hotline} busy={busy === 'rating'} onSubmit={(score, comment) => void rate(score, comment)} />
        </View>
      ) : null}

      {actionError ? (
        <Text className="svc-alert svc-alert--error" {...a11y('alert')}>
          {actionError}
        </Text>
      ) : null}

      {request.canWithdraw ? (
        <View className="svc-detail__withdraw">
          <Button
            className="svc-danger-button"
            block
            fill="outline"
            disabled={busy === 'withdraw'}
            onClick={() => setConfirmWithdraw(true)}
          >
            撤回请求
          </Button>
          <Text className="svc-muted svc-detail__withdraw-note">工作人员开始办理前可以撤回，撤回后不再办理。</Text>
        </View>
      ) : null}

      <Dialog
        visible={confirmWithdraw}
        title="确认撤回该请求？"
        content="撤回后工作人员将不再办理，此操作无法恢复。"
        confirmText="确认撤回"
        cancelText="再想想"
        onConfirm={() => void withdraw()}
        onCancel={() => setConfirmWithdraw(false)}
      />
    </View>
  )
}
