import { Text } from '@tarojs/components'
import { describeFirstResponse, firstResponseState } from './countdown'
import '@/styles/service.scss'

interface Props {
  request: { firstResponseDueAt: string; firstRespondedAt: string | null; status: string }
  now: number
  prefix?: string
}

/** 剩余 5小时12分 in the list rows; amber under 2 h, red when overdue. */
export default function DeadlineText({ request, now, prefix = '' }: Props) {
  const { text, tone } = describeFirstResponse(firstResponseState(request, now))
  return <Text className={`svc-deadline svc-tone--${tone}`}>{`${prefix}${text}`}</Text>
}
