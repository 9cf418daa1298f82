import { Text } from '@tarojs/components'
import { REQUEST_STAGE_LABELS, requestStage, type RequestStage, type RequestStatus } from '@/types/request-status'
import '@/styles/service.scss'

type StatusTone = 'primary' | 'warning' | 'success' | 'default' | 'danger'

/** Tag colour per stage: what needs attention stands out, finished states are quiet. */
const STAGE_TONES: Record<RequestStage, StatusTone> = {
  new: 'warning',
  accepted: 'primary',
  in_progress: 'primary',
  replied: 'primary',
  waiting_investor: 'danger',
  resolved: 'success',
  rated: 'default',
  closed: 'default',
  withdrawn: 'default',
}

/**
 * The stage a request's tag shows (types/request-status requestStage): from its status, whether it
 * was rated and, where the page has it, the newest step of its timeline — so tag and timeline agree.
 */
export function stageOf(request: { status: RequestStatus; rated: boolean; timeline?: ReadonlyArray<{ step: string }> }): RequestStage {
  return requestStage(request.status, { rated: request.rated, latestStep: request.timeline?.at(-1)?.step ?? null })
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
export default function StatusTag({ stage, labels = REQUEST_STAGE_LABELS }: { stage: RequestStage; labels?: Record<RequestStage, string> }) {
  const tone = TONE_COLORS[STAGE_TONES[stage]]
  return (
    <Text className="svc-status-tag" style={{ background: tone.background, color: tone.color }}>
      {labels[stage]}
    </Text>
  )
}
