import { Text } from '@tarojs/components'
import { REQUEST_STATUS_LABELS, type RequestStatus } from '@/types/request-status'
import '@/styles/service.scss'

type StatusTone = 'primary' | 'warning' | 'success' | 'default' | 'danger'

/** Tag colour per status: what needs attention stands out, finished states are quiet. */
const STATUS_TONES: Record<RequestStatus, StatusTone> = {
  new: 'warning',
  accepted: 'primary',
  in_progress: 'primary',
  waiting_investor: 'danger',
  resolved: 'success',
  closed: 'default',
  withdrawn: 'default',
}

// Explicit colours: NutUI's light tag palette falls under AA contrast.
const TONE_COLORS: Record<string, { background: string; color: string }> = {
  primary: { background: '#e8f0fe', color: '#0842a0' },
  warning: { background: '#fff3e0', color: '#7a4100' },
  danger: { background: '#fdecea', color: '#8c1d18' },
  success: { background: '#e6f4ea', color: '#0f5223' },
  default: { background: '#eef0f3', color: '#3c4250' },
}

/** A label, not a control: NutUI's Tag always listens for taps, which made it a 20 px tap target. */
export default function StatusTag({ status, label }: { status: RequestStatus; label?: string }) {
  const tone = TONE_COLORS[STATUS_TONES[status]]
  return (
    <Text className="svc-status-tag" style={{ background: tone.background, color: tone.color }}>
      {label ?? REQUEST_STATUS_LABELS[status]}
    </Text>
  )
}
