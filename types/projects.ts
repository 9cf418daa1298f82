import { z } from 'zod'
import { StaffRole } from './auth'
import { SlugId, SourceFile } from './common'
import { DateString, SignedProject, ZoneId } from './content'
import { INVITE_ALPHABET, INVITE_CODE_LENGTH, PROJECT_STAGES, SCHEDULES, STAGE_STATES } from './project-stages'

// 项目督考: a signed project followed stage by stage from signing to production. The plain values
// (stages, states, labels, schedule rules) are in project-stages.ts, without zod, for the main package.

export const ProjectStage = z.enum(PROJECT_STAGES)
export type ProjectStage = z.infer<typeof ProjectStage>
export const StageState = z.enum(STAGE_STATES)
export type StageState = z.infer<typeof StageState>
export const Schedule = z.enum(SCHEDULES)
export type Schedule = z.infer<typeof Schedule>

// ---- Shapes -------------------------------------------------------------------------------

/** A real calendar day (not just the YYYY-MM-DD shape), within the years a project or survey can plan for. */
export const CalendarDay = z.iso
  .date('日期应为有效的 YYYY-MM-DD')
  .refine((day) => day >= '2000-01-01' && day <= '2100-12-31', '日期应在 2000–2100 年之间')

const Note = z.string().trim().max(500, '备注不能超过 500 个字')

/** PUT /api/staff/projects/{id}/stages/{stage}: omitted fields stay as they are, null clears a date or the note. */
export const StageUpdateBody = z
  .object({
    state: StageState.describe('未开始 not_started / 进行中 in_progress / 已完成 done / 受阻 blocked'),
    plannedDate: CalendarDay.nullable().optional(),
    actualDate: CalendarDay.nullable().optional(),
    note: Note.nullable().optional(),
    /** What blocks a 受阻 stage; without it the note is taken as the blocker. */
    blocker: z.string().trim().max(300, '受阻原因不能超过 300 个字').nullable().optional(),
  })
  .strict()
export type StageUpdateBody = z.infer<typeof StageUpdateBody>

export const ProjectPerson = z.object({ id: z.string(), displayName: z.string(), role: StaffRole })
export type ProjectPerson = z.infer<typeof ProjectPerson>

/** A stage as zone staff see it. */
export const StaffStage = z.object({
  stage: ProjectStage,
  state: StageState,
  plannedDate: DateString.nullable(),
  actualDate: DateString.nullable(),
  overdue: z.boolean(),
  /** Internal: never sent to investors. */
  note: z.string().nullable(),
  blocker: z.string().nullable(),
  /** The seed article this stage's state comes from (the project's article), null when staff set it. */
  source: SourceFile.nullable(),
  /** The date as the article gives it (often without a year: "5月18日"). */
  reportedDate: z.string().nullable(),
  /** The 店小二 request made from this stage's blocker. */
  blockerRequest: z.object({ id: z.string(), ticketNo: z.string() }).nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
})
export type StaffStage = z.infer<typeof StaffStage>

/** What the investor following the project sees of a stage: no notes, no blocker text. */
export const InvestorStage = StaffStage.pick({
  stage: true,
  state: true,
  plannedDate: true,
  actualDate: true,
  overdue: true,
  source: true,
  reportedDate: true,
})
export type InvestorStage = z.infer<typeof InvestorStage>

export const ProjectContact = z.object({ name: z.string(), mobileMasked: z.string() })

/** A row of the 督考 board. */
export const StaffProjectCard = z.object({
  id: SlugId,
  zoneId: ZoneId,
  zoneName: z.string(),
  parkId: z.string().nullable(),
  parkName: z.string().nullable(),
  name: z.string(),
  partner: z.string().nullable(),
  /** The first stage not done; null when the project is producing and every stage is done. */
  currentStage: ProjectStage.nullable(),
  currentState: StageState.nullable(),
  overdue: z.boolean(),
  overdueStages: z.array(ProjectStage),
  blockedStages: z.array(ProjectStage),
  schedule: Schedule,
  /** The earliest planned date among stages not done. */
  nextDue: z.object({ stage: ProjectStage, plannedDate: DateString }).nullable(),
  leader: ProjectPerson.nullable(),
  teamSize: z.number().int(),
  contact: ProjectContact.nullable(),
  followers: z.number().int(),
})
export type StaffProjectCard = z.infer<typeof StaffProjectCard>

export const BoardQuery = z.object({
  /** Admins pick a zone (none = every zone); everyone else is held to their own. */
  zoneId: ZoneId.optional(),
  stage: ProjectStage.optional().describe('当前阶段'),
  state: StageState.optional().describe('当前阶段的状态'),
  overdue: z.enum(['true', 'false']).optional().describe('true：只看有逾期阶段的项目'),
  parkId: SlugId.optional(),
  leaderId: z.uuid('包挂领导编号格式不正确').optional(),
  schedule: Schedule.optional(),
})
export type BoardQuery = z.infer<typeof BoardQuery>

/** Red first (overdue before the rest), then amber, then green; within a colour the nearest planned date first. */
export const ProjectBoard = z.object({
  items: z.array(StaffProjectCard),
  counts: z.object({
    total: z.number().int(),
    red: z.number().int(),
    amber: z.number().int(),
    green: z.number().int(),
    overdue: z.number().int(),
  }),
})
export type ProjectBoard = z.infer<typeof ProjectBoard>

export const ProjectAuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  /** Staff display name, or 系统 for reminders and escalations. */
  actor: z.string(),
  action: z.string(),
  detail: z.record(z.string(), z.unknown()),
})
export type ProjectAuditEntry = z.infer<typeof ProjectAuditEntry>

/** 现场评议: a site review, dated, with who was there and what was concluded. */
export const ReviewBody = z
  .object({
    heldOn: CalendarDay,
    stage: ProjectStage.optional(),
    attendees: z
      .array(z.string().trim().min(1, '请填写参加人').max(30, '每位参加人不超过 30 个字'))
      .min(1, '请至少填写一位参加人')
      .max(30, '参加人最多 30 位'),
    conclusion: z.string().trim().min(2, '请填写评议结论').max(1000, '评议结论不能超过 1000 个字'),
  })
  .strict()
export type ReviewBody = z.infer<typeof ReviewBody>

export const ProjectReview = ReviewBody.extend({
  id: z.string(),
  stage: ProjectStage.nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
})
export type ProjectReview = z.infer<typeof ProjectReview>

/**
 * PUT /api/staff/projects/{id}/team: the 包挂领导, the 专班 and the investor contact (supervisors and
 * admins). The contact's name and mobile go together; both left out keep the contact, both null clear it.
 */
export const TeamBody = z
  .object({
    leaderId: z.uuid('包挂领导编号格式不正确').nullable(),
    memberIds: z.array(z.uuid('专班成员编号格式不正确')).max(20, '专班最多 20 人'),
    contactName: z.string().trim().min(1, '请填写联系人').max(30, '联系人不能超过 30 个字').nullable().optional(),
    contactMobile: z
      .string()
      .trim()
      .regex(/^1[3-9]\d{9}$/, '请填写 11 位中国大陆手机号')
      .nullable()
      .optional(),
  })
  .strict()
  .refine(
    (body) =>
      (body.contactName === undefined) === (body.contactMobile === undefined) &&
      (body.contactName === null) === (body.contactMobile === null),
    { path: ['contactMobile'], message: '联系人和手机号需同时填写或同时清空' },
  )
export type TeamBody = z.infer<typeof TeamBody>

export const InviteSummary = z.object({
  createdAt: z.string(),
  expiresAt: z.string(),
  usedAt: z.string().nullable(),
  createdBy: z.string(),
})

export const StaffProjectDetail = z.object({
  card: StaffProjectCard,
  project: SignedProject,
  stages: z.array(StaffStage),
  team: z.array(ProjectPerson),
  audit: z.array(ProjectAuditEntry),
  reviews: z.array(ProjectReview),
  invites: z.array(InviteSummary),
  /** This staff member may update stages, invite and record reviews (专班, zone supervisors, admins). */
  canEdit: z.boolean(),
  /** May set the 包挂领导, the 专班 and the contact (zone supervisors, admins). */
  canManage: z.boolean(),
})
export type StaffProjectDetail = z.infer<typeof StaffProjectDetail>

export const InviteCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(new RegExp(`^[${INVITE_ALPHABET}]{${INVITE_CODE_LENGTH}}$`), `邀请码应为 ${INVITE_CODE_LENGTH} 位字母或数字`)

export const Invite = z.object({
  code: z.string(),
  expiresAt: z.string(),
  /** The mini-program page that claims it (also the H5 path). */
  path: z.string(),
})
export type Invite = z.infer<typeof Invite>

export const ClaimBody = z.object({ code: InviteCode }).strict()

/** What the investor following a project sees. */
export const InvestorProject = z.object({
  project: SignedProject,
  zoneName: z.string(),
  parkName: z.string().nullable(),
  stages: z.array(InvestorStage),
  currentStage: ProjectStage.nullable(),
  /** The 包挂领导 by role only (e.g. 平原经济开发区 主管): never a name's phone. */
  leaderRole: z.string().nullable(),
  followedAt: z.string().nullable(),
})
export type InvestorProject = z.infer<typeof InvestorProject>

export const InvestorProjectSummary = z.object({
  id: SlugId,
  name: z.string(),
  zoneId: ZoneId,
  zoneName: z.string(),
  currentStage: ProjectStage.nullable(),
  currentState: StageState.nullable(),
  overdue: z.boolean(),
  followedAt: z.string(),
})
export type InvestorProjectSummary = z.infer<typeof InvestorProjectSummary>
export const MyProjectList = z.object({ items: z.array(InvestorProjectSummary) })
export type MyProjectList = z.infer<typeof MyProjectList>

/** POST …/stages/{stage}/request: the 店小二 request a blocker became. */
export const BlockerRequest = z.object({ requestId: z.string(), ticketNo: z.string() })

/** The weekly 督考 summary (Monday to Sunday, China calendar). */
export const SummaryQuery = z.object({
  zoneId: ZoneId.optional(),
  /** Any day of the week wanted; default this week. */
  week: CalendarDay.optional(),
})
export type SummaryQuery = z.infer<typeof SummaryQuery>

export const WeeklySummary = z.object({
  zoneId: ZoneId.nullable(),
  weekStart: DateString,
  weekEnd: DateString,
  projectCount: z.number().int(),
  /** Projects by their current stage; `done` counts projects with every stage done. */
  byStage: z.array(z.object({ stage: z.union([ProjectStage, z.literal('done')]), label: z.string(), count: z.number().int() })),
  overdue: z.array(StaffProjectCard),
  completed: z.array(
    z.object({ projectId: z.string(), projectName: z.string(), stage: ProjectStage, actualDate: DateString, zoneName: z.string() }),
  ),
  blocked: z.array(z.object({ projectId: z.string(), projectName: z.string(), stage: ProjectStage, blocker: z.string().nullable() })),
})
export type WeeklySummary = z.infer<typeof WeeklySummary>
