/**
 * 项目督考's plain values: the stages, their states, labels and the schedule rules. No zod here, so
 * the mini-program's main package (我的) can use them; the schemas in projects.ts are built from these.
 */
import { addDays } from './china-time'

/** The stages in order; ids are fixed by the API (issue 13). */
export const PROJECT_STAGES = ['signed', 'registered', 'approved', 'land', 'permit', 'started', 'completed', 'producing'] as const
export type ProjectStage = (typeof PROJECT_STAGES)[number]
export const PROJECT_STAGE_LABELS: Record<ProjectStage, string> = {
  signed: '签约',
  registered: '注册落地',
  approved: '立项备案',
  land: '用地规划',
  permit: '施工许可',
  started: '开工',
  completed: '竣工',
  producing: '投产',
}

export const STAGE_STATES = ['not_started', 'in_progress', 'done', 'blocked'] as const
export type StageState = (typeof STAGE_STATES)[number]
export const STAGE_STATE_LABELS: Record<StageState, string> = {
  not_started: '未开始',
  in_progress: '进行中',
  done: '已完成',
  blocked: '受阻',
}
/** Shown instead of the state when a stage is past its planned date and not done. */
export const OVERDUE_LABEL = '逾期'

/** The 包挂领导 is reminded this many days before a stage's planned date. */
export const STAGE_REMINDER_DAYS = 3

/** Red: something is overdue or blocked; amber: a stage is due within STAGE_REMINDER_DAYS; green: on schedule. */
export const SCHEDULES = ['red', 'amber', 'green'] as const
export type Schedule = (typeof SCHEDULES)[number]
export const SCHEDULE_LABELS: Record<Schedule, string> = { red: '滞后', amber: '临近', green: '正常' }

// ---- Pure rules, shared by the API and the app ------------------------------------------

type StageDates = { stage: ProjectStage; state: StageState; plannedDate: string | null }

/** 逾期: not done and its planned date (a China calendar day) is before today. */
export const isOverdue = (stage: Pick<StageDates, 'state' | 'plannedDate'>, today: string): boolean =>
  stage.state !== 'done' && stage.plannedDate !== null && stage.plannedDate < today

/** Not done and due today or within STAGE_REMINDER_DAYS. */
export const isDueSoon = (stage: Pick<StageDates, 'state' | 'plannedDate'>, today: string): boolean =>
  stage.state !== 'done' &&
  stage.plannedDate !== null &&
  stage.plannedDate >= today &&
  stage.plannedDate <= addDays(today, STAGE_REMINDER_DAYS)

/** The first stage not done yet, in stage order; null once 投产 and everything before it are done. */
export const currentStage = <S extends Pick<StageDates, 'stage' | 'state'>>(stages: readonly S[]): S | null => {
  const ordered = [...stages].sort((a, b) => PROJECT_STAGES.indexOf(a.stage) - PROJECT_STAGES.indexOf(b.stage))
  return ordered.find((stage) => stage.state !== 'done') ?? null
}

export const projectSchedule = (stages: readonly StageDates[], today: string): Schedule => {
  if (stages.some((stage) => stage.state === 'blocked' || isOverdue(stage, today))) return 'red'
  if (stages.some((stage) => isDueSoon(stage, today))) return 'amber'
  return 'green'
}

/** The label a timeline shows: 逾期 wins over 未开始 / 进行中, 受阻 stays 受阻. */
export const stageStateLabel = (stage: Pick<StageDates, 'state' | 'plannedDate'>, today: string): string =>
  stage.state !== 'blocked' && isOverdue(stage, today) ? OVERDUE_LABEL : STAGE_STATE_LABELS[stage.state]

/** POST /api/staff/projects/{id}/invites: the code works once, for INVITE_TTL_DAYS. */
export const INVITE_TTL_DAYS = 7
/** Letters and digits that cannot be misread (no 0/O, 1/I/L). */
export const INVITE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const INVITE_CODE_LENGTH = 8
