import { z } from 'zod'
import { pageOf, singleLine, SlugId } from './common'
import { DateString, ZoneId } from './content'
import { StaffRole } from './auth'
import { ProjectStage } from './projects'
import { REQUEST_STATUSES } from './request-status'
import { REQUEST_TYPE_OF_POLICY } from './vocabulary'

export const REQUEST_TYPES = ['agency', 'site', 'finance', 'talent', 'utilities', 'policy', 'other'] as const
export const RequestType = z.enum(REQUEST_TYPES)
export type RequestType = z.infer<typeof RequestType>
export const REQUEST_TYPE_LABELS: Record<RequestType, string> = {
  agency: '代办帮办/项目审批',
  site: '选址与厂房',
  finance: '融资',
  talent: '人才与用工',
  utilities: '水电气暖',
  policy: '政策咨询',
  other: '其他',
}

// Every need a policy category maps to (types/vocabulary REQUEST_TYPE_OF_POLICY) is a request type.
REQUEST_TYPE_OF_POLICY satisfies Record<string, RequestType>

export const RequestStatus = z.enum(REQUEST_STATUSES)
export type RequestStatus = z.infer<typeof RequestStatus>

export const CONTACT_TIMES = ['anytime', 'workday_morning', 'workday_afternoon', 'evening'] as const
export const ContactTime = z.enum(CONTACT_TIMES)
export type ContactTime = z.infer<typeof ContactTime>
export const CONTACT_TIME_LABELS: Record<ContactTime, string> = {
  anytime: '随时可联系',
  workday_morning: '工作日上午',
  workday_afternoon: '工作日下午',
  evening: '晚间（18:00–21:00）',
}

/** Mainland mobile numbers: 11 digits starting 13–19. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/

export const CreateServiceRequestBody = z
  .object({
    type: RequestType.describe('需求类型'),
    zoneId: ZoneId,
    parkId: SlugId.optional(),
    company: singleLine(z.string().trim().min(2, '请填写企业名称（至少 2 个字）').max(100, '企业名称不能超过 100 个字'), '企业名称'),
    contactName: singleLine(z.string().trim().min(1, '请填写联系人').max(30, '联系人不能超过 30 个字'), '联系人'),
    mobile: z.string().trim().regex(MOBILE_PATTERN, '请填写 11 位中国大陆手机号'),
    description: z.string().trim().min(10, '请至少用 10 个字描述需求').max(1000, '需求描述不能超过 1000 个字'),
    photos: z.array(z.string().uuid('图片编号无效')).max(3, '最多上传 3 张图片').default([]),
    preferredContactTime: ContactTime.optional(),
    /** 遇到问题找店小二 from a followed project: the project and the stage the problem is about (both or neither). */
    projectId: SlugId.optional(),
    projectStage: ProjectStage.optional(),
    /** 预约看厂/看地: the space listing (GET /api/spaces/{id}) the request is about. */
    spaceId: SlugId.optional(),
    /** The day the investor would like to visit the site (YYYY-MM-DD, China time). */
    preferredVisitDate: DateString.optional(),
  })
  .strict()
export type CreateServiceRequestBody = z.infer<typeof CreateServiceRequestBody>

export const Photo = z.object({ id: z.string(), url: z.string(), contentType: z.string(), size: z.number().int() })
export type Photo = z.infer<typeof Photo>

export const UploadResult = Photo
export type UploadResult = z.infer<typeof UploadResult>
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024

/**
 * The closed loop an investor follows: 提交 → 受理 → 办理中 → 已答复 → 办结 → 评价, where staff may end a
 * resolved request with 关闭 (and a reason) instead of the investor's 评价.
 */
export const TIMELINE_STEPS = ['submitted', 'accepted', 'in_progress', 'replied', 'resolved', 'rated', 'closed'] as const
export const TimelineStep = z.enum(TIMELINE_STEPS)
export const TIMELINE_STEP_LABELS: Record<z.infer<typeof TimelineStep>, string> = {
  submitted: '提交',
  accepted: '受理',
  in_progress: '办理中',
  replied: '已答复',
  resolved: '办结',
  rated: '评价',
  closed: '关闭',
}
export const TimelineEntry = z.object({
  step: TimelineStep,
  at: z.string(),
  /** Who did it, as the investor may see it: 您 / 店小二 张三. */
  actor: z.string(),
  /** Said with the step: why staff closed the request. */
  note: z.string().optional(),
})

export const Message = z.object({
  id: z.string(),
  author: z.enum(['investor', 'staff']),
  authorName: z.string(),
  body: z.string(),
  createdAt: z.string(),
})
export type Message = z.infer<typeof Message>

export const RATING_LABELS: Record<1 | 2 | 3 | 4 | 5, string> = {
  5: '非常满意',
  4: '满意',
  3: '一般',
  2: '不满意',
  1: '非常不满意',
}
export const RatingBody = z.object({
  score: z.number().int().min(1, '请选择评价').max(5, '请选择评价'),
  comment: z.string().trim().max(500, '评价内容不能超过 500 个字').optional(),
})
export type RatingBody = z.infer<typeof RatingBody>
export const Rating = RatingBody.extend({ ratedAt: z.string() })

export const MessageBody = z.object({
  body: z.string().trim().min(1, '请输入内容').max(1000, '内容不能超过 1000 个字'),
})

/** What a request was made from: a stage of a followed project, or an answer to a zone's survey. */
export const RequestLink = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('project'), projectId: z.string(), projectName: z.string(), stage: ProjectStage }),
  z.object({ kind: z.literal('survey'), surveyId: z.string(), responseId: z.string(), surveyTitle: z.string() }),
])
export type RequestLink = z.infer<typeof RequestLink>

/** What the investor sees of their own request. */
export const ServiceRequest = z.object({
  id: z.string(),
  ticketNo: z.string(),
  type: RequestType,
  zoneId: ZoneId,
  parkId: z.string().nullable(),
  company: z.string(),
  contactName: z.string(),
  mobile: z.string(),
  description: z.string(),
  photos: z.array(Photo),
  preferredContactTime: ContactTime.nullable(),
  status: RequestStatus,
  escalated: z.boolean(),
  createdAt: z.string(),
  firstResponseDueAt: z.string(),
  firstRespondedAt: z.string().nullable(),
  resolutionDueAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  rating: Rating.nullable(),
  /** The investor rated it (a closed request reads 已评价 rather than 已关闭: requestStage). */
  rated: z.boolean(),
  timeline: z.array(TimelineEntry),
  messages: z.array(Message),
  /** The zone's supervision hotline, or null when not provided. */
  supervisionHotline: z.string().nullable(),
  canWithdraw: z.boolean(),
  canRate: z.boolean(),
  /** The project stage or survey answer the request came from (added after the first release). */
  link: RequestLink.nullable().optional(),
})
export type ServiceRequest = z.infer<typeof ServiceRequest>

export const ServiceRequestSummary = ServiceRequest.pick({
  id: true,
  ticketNo: true,
  type: true,
  zoneId: true,
  parkId: true,
  company: true,
  status: true,
  escalated: true,
  createdAt: true,
  firstResponseDueAt: true,
  firstRespondedAt: true,
  rated: true,
  link: true,
})
export type ServiceRequestSummary = z.infer<typeof ServiceRequestSummary>

// ---- Staff side -------------------------------------------------------------

export const StaffRef = z.object({ id: z.string(), displayName: z.string(), role: StaffRole })

export const InternalNote = z.object({ id: z.string(), author: StaffRef, body: z.string(), createdAt: z.string() })

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  /** staff display name, 企业（投资者）, or 系统 for SLA jobs. */
  actor: z.string(),
  action: z.string(),
  detail: z.record(z.string(), z.unknown()),
})

export const STAFF_QUEUES = ['new', 'mine', 'due_soon', 'overdue', 'all'] as const
export const StaffQueue = z.enum(STAFF_QUEUES)
export const STAFF_QUEUE_LABELS: Record<z.infer<typeof StaffQueue>, string> = {
  new: '待受理',
  mine: '我的',
  due_soon: '即将超时',
  overdue: '已超时',
  all: '全部',
}

export const StaffRequestSummary = ServiceRequestSummary.extend({
  contactName: z.string(),
  /** Masked in lists: 138****0000. */
  mobileMasked: z.string(),
  assignee: StaffRef.nullable(),
})
export type StaffRequestSummary = z.infer<typeof StaffRequestSummary>

/** Queue counts stop here: counting every row of a long queue on each page would cost more than the page. */
export const STAFF_QUEUE_COUNT_CAP = 999

/** A page of a staff queue: `total` counts the queue up to STAFF_QUEUE_COUNT_CAP; past it, totalCapped (show 999+). */
export const StaffRequestPage = pageOf(StaffRequestSummary).extend({
  totalCapped: z
    .boolean()
    .describe(`true：队列超过 ${STAFF_QUEUE_COUNT_CAP} 条，total 为 ${STAFF_QUEUE_COUNT_CAP}，显示为“${STAFF_QUEUE_COUNT_CAP}+”`),
})
export type StaffRequestPage = z.infer<typeof StaffRequestPage>

/** How a queue count reads: 12, or 999+ past the cap. */
export const formatQueueCount = (page: Pick<StaffRequestPage, 'total' | 'totalCapped'>): string =>
  page.totalCapped ? `${STAFF_QUEUE_COUNT_CAP}+` : String(page.total)

export const StaffRequestDetail = ServiceRequest.omit({ canWithdraw: true, canRate: true }).extend({
  assignee: StaffRef.nullable(),
  notes: z.array(InternalNote),
  audit: z.array(AuditEntry),
  /** Resolution clock paused while waiting on the investor. */
  resolutionPausedSince: z.string().nullable(),
  allowedTransitions: z.array(RequestStatus),
})
export type StaffRequestDetail = z.infer<typeof StaffRequestDetail>

export const AssignBody = z.object({ staffId: z.string().min(1, '请选择同事') })
export const StatusBody = z.object({ status: RequestStatus })
/** 关闭工单: staff end a resolved request without the investor's rating, and say why (the investor sees it). */
export const CloseBody = z.object({
  reason: z.string().trim().min(2, '请填写关闭原因（至少 2 个字）').max(200, '关闭原因不能超过 200 个字'),
})
export type CloseBody = z.infer<typeof CloseBody>
export const CannedReply = z.object({ id: z.string(), zoneId: ZoneId, title: z.string(), body: z.string() })
export type CannedReply = z.infer<typeof CannedReply>
export const CannedReplyUpdate = z.object({
  title: singleLine(z.string().trim().min(1, '请输入标题').max(40, '标题不能超过 40 个字'), '标题'),
  body: z.string().trim().min(1, '请输入内容').max(1000, '内容不能超过 1000 个字'),
})
export const CannedReplyBody = CannedReplyUpdate.extend({ zoneId: ZoneId.optional() })

export const DashboardQuery = z.object({
  zoneId: ZoneId.optional(),
  from: z.string().date('日期格式应为 YYYY-MM-DD').optional(),
  to: z.string().date('日期格式应为 YYYY-MM-DD').optional(),
})

/** The dashboard names the busiest parks of the period; the rest are one 其他 row (byParkOther). */
export const DASHBOARD_TOP_PARKS = 20

export const Dashboard = z.object({
  zoneId: ZoneId.nullable(),
  from: z.string(),
  to: z.string(),
  total: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
  byType: z.record(z.string(), z.number().int()),
  /** The DASHBOARD_TOP_PARKS busiest parks (parkId null: requests naming no park), busiest first. */
  byPark: z.array(z.object({ parkId: z.string().nullable(), parkName: z.string(), count: z.number().int() })),
  /** 其他: the parks after the busiest ones, together; null when there are no more (optional: added later). */
  byParkOther: z.object({ parkCount: z.number().int(), count: z.number().int() }).nullable().optional(),
  firstResponse: z.object({
    medianMinutes: z.number().nullable(),
    p90Minutes: z.number().nullable(),
    within24hShare: z.number().nullable(),
  }),
  resolutionWithinTargetShare: z.number().nullable(),
  satisfactionShare: z.number().nullable(),
  ratedCount: z.number().int(),
  overdue: z.array(StaffRequestSummary),
  /** Who brought visitors through shared links in the period (optional: added after the first release). */
  referrals: z
    .object({
      /** Visits whose `ref` was a staff member's shareCode. */
      byStaff: z.array(z.object({ staffId: z.string(), displayName: z.string(), visits: z.number().int() })),
      byPage: z.array(z.object({ page: z.string(), targetId: z.string(), visits: z.number().int() })),
    })
    .optional(),
})
export type Dashboard = z.infer<typeof Dashboard>

/** Public figures shown on park pages: how well this zone answers. */
export const ZoneServiceStats = z.object({
  zoneId: ZoneId,
  periodDays: z.number().int(),
  requestCount: z.number().int(),
  respondedWithin24hShare: z.number().nullable(),
  satisfactionShare: z.number().nullable(),
  ratedCount: z.number().int(),
})
export type ZoneServiceStats = z.infer<typeof ZoneServiceStats>

// ---- Sharing and favourites (investor experience) -----------------------------

export const ShareVisitBody = z.object({
  ref: singleLine(z.string().trim().min(1).max(64), '分享码'),
  /**
   * The shared page: its targetId is the park, policy, compared parks (a,b), zone, chain or space listing;
   * pages/index/index is a staff member's own link or 小程序码 to the home page (targetId `home`).
   */
  page: z.enum([
    'pages/index/index',
    'pages/park/index',
    'pages/policy/index',
    'pages/compare/index',
    'pages/zone/index',
    'pages/chain/index',
    'pages/space/index',
  ]),
  targetId: singleLine(z.string().max(200), '分享对象'),
  /** WeChat launch scene (1007 单聊, 1008 群聊, 1154 朋友圈单页...) when known. */
  scene: z.number().int().optional(),
})
export type ShareVisitBody = z.infer<typeof ShareVisitBody>

/** GET /api/staff/share/wxacode: the signed-in staff member's 小程序码 (opens 首页 with their ref). */
export const ShareWxacode = z.object({
  /** data:image/…;base64,… as WeChat drew it. */
  image: z.string(),
  /** The `scene` it carries: r=<shareCode>. */
  scene: z.string(),
})
export type ShareWxacode = z.infer<typeof ShareWxacode>

/** POST /api/share-visits answer. */
export const ShareVisitRecorded = z.object({ recorded: z.literal(true) })

export const StaffRequestQuery = z.object({
  queue: StaffQueue.default('all'),
  parkId: SlugId.optional(),
  type: RequestType.optional(),
  /** Admins may pick a zone; everyone else is held to their own. */
  zoneId: ZoneId.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
})
export type StaffRequestQuery = z.infer<typeof StaffRequestQuery>

/** Colleagues a request can be assigned to (same zone). */
export const StaffMemberList = z.object({ items: z.array(StaffRef) })
export type StaffMemberList = z.infer<typeof StaffMemberList>
export const CannedReplyList = z.object({ items: z.array(CannedReply) })
export type CannedReplyList = z.infer<typeof CannedReplyList>
export const MyRequestList = z.object({ items: z.array(ServiceRequestSummary) })
export type MyRequestList = z.infer<typeof MyRequestList>
