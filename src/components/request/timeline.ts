import { TIMELINE_STEPS, TIMELINE_STEP_LABELS, type TimelineEntry } from '@/types/service'
import type { z } from 'zod'
import { formatChinaTime } from '@/types/china-time'

type Entry = z.infer<typeof TimelineEntry>
export type TimelineStepId = (typeof TIMELINE_STEPS)[number]

export interface TimelineStepView {
  step: TimelineStepId
  label: string
  /** Reached in the current cycle. */
  done: boolean
  /** The latest step reached. */
  current: boolean
  /** When and by whom, when the step has happened in the current cycle. */
  at: string | null
  actor: string | null
  /** Said with the step (why staff closed the request). */
  note: string | null
}

export interface TimelineView {
  steps: TimelineStepView[]
  /** 1-based index of the current step (what NutUI Steps calls `value`). */
  value: number
  /** A note above the steps: withdrawn, or reopened for a supervisor after a low rating. */
  notice: string | null
}

interface TimelineSource {
  status: string
  escalated: boolean
  timeline: Entry[]
}

/** The step a status itself stands for, where it has one. */
const STATUS_STEP: Partial<Record<string, TimelineStepId>> = { new: 'submitted', accepted: 'accepted', in_progress: 'in_progress', resolved: 'resolved' }

/**
 * Maps the request's timeline onto the closed loop 提交 → 受理 → 办理中 → 已答复 → 办结 → 评价 (关闭
 * instead of 评价 when staff closed it). The latest entry decides the current step, as it decides the
 * status tag (requestStage) — except that a reply after 办结 does not undo 办结. When a request is
 * reopened (low rating → 办理中), steps after the current one belong to the previous cycle, so they
 * show as not yet done again.
 */
export function buildTimeline(request: TimelineSource, now: number = Date.now()): TimelineView {
  const entries = [...request.timeline].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
  const latest = entries[entries.length - 1]
  const shown = TIMELINE_STEPS.filter((step) => step !== (latest?.step === 'closed' ? 'rated' : 'closed'))
  const statusStep = STATUS_STEP[request.status]
  const currentIndex = Math.max(latest ? shown.indexOf(latest.step) : 0, statusStep ? shown.indexOf(statusStep) : 0)

  const steps = shown.map((step, index): TimelineStepView => {
    const done = index <= currentIndex
    // The latest entry of this step; for reopened requests ignore entries from the previous cycle.
    const entry = done ? [...entries].reverse().find((e) => e.step === step) : undefined
    return {
      step,
      label: TIMELINE_STEP_LABELS[step],
      done,
      current: index === currentIndex,
      at: entry ? formatChinaTime(entry.at, now) : null,
      actor: entry ? entry.actor : null,
      note: entry?.note ?? null,
    }
  })

  let notice: string | null = null
  if (request.status === 'withdrawn') notice = '该请求已撤回，不再办理'
  else if (request.escalated && currentIndex < shown.indexOf('resolved')) notice = '该请求已重新打开，由主管督办'

  return { steps, value: currentIndex + 1, notice }
}
