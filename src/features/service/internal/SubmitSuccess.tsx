import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { REQUEST_TYPE_LABELS, type ServiceRequest } from '@/types/service'
import { formatChinaTime } from '@/types/china-time'
import { canSubscribe, subscribeReplyNotice, SUBSCRIBE_TEMPLATE_IDS } from './subscribe'
import { ROUTES, navigate, redirect } from '@/lib/routes'
import { a11y } from '@/lib/a11y'
import '@/styles/service.scss'
import './success.scss'

interface Props {
  request: ServiceRequest
  onNewRequest: () => void
  /** Injected in tests; the build constant otherwise. */
  templateIds?: readonly string[]
}

/** After a successful send: the ticket, the 24-hour promise with its due time, where to follow up. */
export function SubmitSuccess({ request, onNewRequest, templateIds = SUBSCRIBE_TEMPLATE_IDS }: Props) {
  const [subscribed, setSubscribed] = useState<'idle' | 'accepted' | 'rejected'>('idle')

  const subscribe = async () => {
    const outcome = await subscribeReplyNotice(templateIds)
    setSubscribed(outcome === 'accepted' ? 'accepted' : 'rejected')
    void Taro.showToast({ title: outcome === 'accepted' ? '已订阅回复通知' : '未订阅，可在请求详情查看进展', icon: 'none' })
  }

  return (
    <View className="svc-success">
      <View className="svc-success__head" {...a11y('status')}>
        <View className="svc-success__icon" aria-hidden="true">
          ✓
        </View>
        <Text className="svc-success__title">提交成功</Text>
        <Text className="svc-success__sub">店小二已收到您的{REQUEST_TYPE_LABELS[request.type]}需求</Text>
      </View>

      <View className="svc-card">
        <View className="svc-success__row">
          <Text className="svc-muted">工单号</Text>
          <Text className="svc-success__ticket" selectable>
            {request.ticketNo}
          </Text>
        </View>
        <View className="svc-success__promise">
          <Text className="svc-success__promise-title">24小时内响应</Text>
          <Text className="svc-success__promise-text">{`最迟 ${formatChinaTime(request.firstResponseDueAt)} 前，工作人员会联系您或在线答复`}</Text>
        </View>
        <Text className="svc-muted">进展会显示在“我的服务请求”中，您也可以在那里补充说明。</Text>
      </View>

      <View className="svc-success__actions">
        <Button type="primary" block size="large" onClick={() => redirect(ROUTES.request, { id: request.id })}>
          查看请求进展
        </Button>
        {canSubscribe(templateIds) && subscribed !== 'accepted' ? (
          <Button block size="large" fill="outline" type="primary" onClick={() => void subscribe()}>
            订阅回复通知
          </Button>
        ) : null}
        <Button block size="large" fill="outline" onClick={() => navigate(ROUTES.requests)}>
          我的服务请求
        </Button>
        <Button block size="large" fill="none" onClick={onNewRequest}>
          再提一个需求
        </Button>
      </View>
    </View>
  )
}
