import { View, Text } from '@tarojs/components'
import { firstResponseState, formatClock, formatDuration } from './countdown'
import { formatChinaTime } from '@/types/china-time'
import { useNow } from '@/lib/use-now'
import { a11y } from '@/lib/a11y'
import '@/styles/service.scss'
import './first-response.scss'

interface Props {
  request: { firstResponseDueAt: string; firstRespondedAt: string | null; status: string }
  hotline: string | null
  /** Staff read the same clock as a duty, investors as a promise. */
  audience?: 'investor' | 'staff'
}

/** The 24-hour promise: a live countdown while unanswered, 已超时 after the deadline, the answer time once answered. */
export default function FirstResponseCard({ request, hotline, audience = 'investor' }: Props) {
  const unanswered = !request.firstRespondedAt && request.status !== 'withdrawn'
  const now = useNow(1000, unanswered)
  const state = firstResponseState(request, now)
  const due = formatChinaTime(request.firstResponseDueAt, now)

  if (state.kind === 'stopped') return null
  if (state.kind === 'answered')
    return (
      <View className="svc-card svc-frc svc-frc--done">
        <Text className="svc-frc__title">已响应</Text>
        <Text className="svc-frc__text">
          {audience === 'staff'
            ? `首次响应：${formatChinaTime(state.at, now)}`
            : `工作人员于 ${formatChinaTime(state.at, now)} 响应（承诺 24 小时内）`}
        </Text>
      </View>
    )
  if (state.kind === 'overdue')
    return (
      <View className="svc-card svc-frc svc-frc--overdue" aria-live="polite">
        <Text className="svc-frc__title">{`已超时 ${formatDuration(state.overdueMs)}`}</Text>
        <Text className="svc-frc__text">
          {audience === 'staff'
            ? `应于 ${due} 前首次响应，请尽快答复企业。`
            : `应于 ${due} 前响应，工作人员尚未答复。${hotline ? `如需反映，可拨打监督热线：${hotline}` : '如需反映，可在下方留言催办。'}`}
        </Text>
      </View>
    )
  return (
    <View className={`svc-card svc-frc${state.dueSoon ? ' svc-frc--soon' : ''}`}>
      <Text className="svc-frc__label">{audience === 'staff' ? '距首次响应时限（24 小时）还有' : '距 24 小时响应时限还有'}</Text>
      <Text className="svc-frc__clock" {...a11y('timer')} aria-label={`剩余 ${formatDuration(state.remainingMs)}`}>
        {formatClock(state.remainingMs)}
      </Text>
      <Text className="svc-frc__text">{`最迟 ${due} 前响应`}</Text>
    </View>
  )
}
