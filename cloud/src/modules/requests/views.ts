import { asc, eq } from 'drizzle-orm'
import type { z } from 'zod'
import type { StaffRole } from '../../../../types/auth'
import type { ZoneId } from '../../../../types/content'
import { STATUS_TRANSITIONS } from '../../../../types/request-status'
import {
  type AuditEntry,
  type Message,
  type ServiceRequest,
  type ServiceRequestSummary,
  type StaffRef,
  type StaffRequestDetail,
  type StaffRequestSummary,
  type TIMELINE_STEPS,
} from '../../../../types/service'
import type { Db } from '../../db/client'
import { requestAudit, requestMessages, requestPhotos, serviceRequests, staff, uploads, type RequestRow } from '../../db/schema'
import type { Deps } from '../../deps'
import { supervisionHotline } from '../content/lookup'
import { toPhoto } from '../uploads/photos'

type StaffRefT = z.infer<typeof StaffRef>

/** 138****0000: lists show the number masked; only the staff detail shows it whole. */
export const maskMobile = (mobile: string): string => (mobile.length >= 7 ? `${mobile.slice(0, 3)}****${mobile.slice(-4)}` : '****')

const iso = (at: Date | null): string | null => (at ? at.toISOString() : null)

/** How the investor sees a staff member: 店小二 张三 (a name that already says 店小二, such as 平原店小二, as it is). */
const staffForInvestor = (name: string | null) => (name?.includes('店小二') ? name : `店小二 ${name ?? ''}`.trim())

/** Why staff closed the request (关闭工单), said with its timeline step to both audiences. */
const timelineNote = (entry: RequestParts['audit'][number]): { note?: string } =>
  entry.timelineStep === 'closed' && typeof entry.detail.closeReason === 'string' ? { note: entry.detail.closeReason } : {}

/** Everything a request view needs besides the row itself. */
type RequestParts = {
  photos: { id: string; contentType: string; size: number }[]
  messages: { id: string; author: 'investor' | 'staff'; internal: boolean; body: string; createdAt: Date; staff: StaffRefT | null }[]
  audit: {
    id: number
    at: Date
    actorKind: 'investor' | 'staff' | 'system'
    staffName: string | null
    action: string
    detail: Record<string, unknown>
    timelineStep: (typeof TIMELINE_STEPS)[number] | null
  }[]
  assignee: StaffRefT | null
}

const staffRef = (row: { id: string | null; displayName: string | null; role: StaffRole | null }): StaffRefT | null =>
  row.id && row.displayName && row.role ? { id: row.id, displayName: row.displayName, role: row.role } : null

export const loadParts = async (db: Db, row: RequestRow): Promise<RequestParts> => {
  const photos = await db
    .select({ id: uploads.id, contentType: uploads.contentType, size: uploads.size })
    .from(requestPhotos)
    .innerJoin(uploads, eq(uploads.id, requestPhotos.uploadId))
    .where(eq(requestPhotos.requestId, row.id))
    .orderBy(asc(requestPhotos.position))
  const messages = await db
    .select({
      id: requestMessages.id,
      author: requestMessages.author,
      internal: requestMessages.internal,
      body: requestMessages.body,
      createdAt: requestMessages.createdAt,
      staffId: staff.id,
      displayName: staff.displayName,
      role: staff.role,
    })
    .from(requestMessages)
    .leftJoin(staff, eq(staff.id, requestMessages.staffId))
    .where(eq(requestMessages.requestId, row.id))
    .orderBy(asc(requestMessages.createdAt), asc(requestMessages.id))
  const audit = await db
    .select({
      id: requestAudit.id,
      at: requestAudit.at,
      actorKind: requestAudit.actorKind,
      staffName: staff.displayName,
      action: requestAudit.action,
      detail: requestAudit.detail,
      timelineStep: requestAudit.timelineStep,
    })
    .from(requestAudit)
    .leftJoin(staff, eq(staff.id, requestAudit.staffId))
    .where(eq(requestAudit.requestId, row.id))
    .orderBy(asc(requestAudit.id))
  const [assignee] = row.assigneeId
    ? await db.select({ id: staff.id, displayName: staff.displayName, role: staff.role }).from(staff).where(eq(staff.id, row.assigneeId))
    : []
  return {
    photos,
    messages: messages.map(({ staffId, displayName, role, ...message }) => ({
      ...message,
      staff: staffRef({ id: staffId, displayName, role }),
    })),
    audit,
    assignee: assignee ? staffRef(assignee) : null,
  }
}

/** The parts of a request just submitted: its photos, no messages yet, the one 提交 entry (written with it). */
export const newRequestParts = (photos: RequestParts['photos'], at: Date): RequestParts => ({
  photos,
  messages: [],
  audit: [{ id: 0, at, actorKind: 'investor', staffName: null, action: 'created', detail: {}, timelineStep: 'submitted' }],
  assignee: null,
})

/** The columns a request summary shows: lists read only these (no description, no rating text). */
const summaryColumns = {
  id: serviceRequests.id,
  ticketNo: serviceRequests.ticketNo,
  type: serviceRequests.type,
  zoneId: serviceRequests.zoneId,
  parkId: serviceRequests.parkId,
  company: serviceRequests.company,
  status: serviceRequests.status,
  escalated: serviceRequests.escalated,
  createdAt: serviceRequests.createdAt,
  firstResponseDueAt: serviceRequests.firstResponseDueAt,
  firstRespondedAt: serviceRequests.firstRespondedAt,
  ratingScore: serviceRequests.ratingScore,
  link: serviceRequests.link,
}

/** What a staff list reads of each request (toStaffSummary). */
export const staffSummaryColumns = { ...summaryColumns, contactName: serviceRequests.contactName, mobile: serviceRequests.mobile }

type SummaryRow = Pick<RequestRow, keyof typeof summaryColumns>

export const toSummary = (row: SummaryRow): ServiceRequestSummary => ({
  id: row.id,
  ticketNo: row.ticketNo,
  type: row.type,
  zoneId: row.zoneId as ZoneId,
  parkId: row.parkId,
  company: row.company,
  status: row.status,
  escalated: row.escalated,
  createdAt: row.createdAt.toISOString(),
  firstResponseDueAt: row.firstResponseDueAt.toISOString(),
  firstRespondedAt: iso(row.firstRespondedAt),
  rated: row.ratingScore !== null,
  link: row.link ?? null,
})

export const toStaffSummary = (
  row: Pick<RequestRow, keyof typeof staffSummaryColumns>,
  assignee: StaffRefT | null,
): StaffRequestSummary => ({
  ...toSummary(row),
  contactName: row.contactName,
  mobileMasked: maskMobile(row.mobile),
  assignee,
})

/** Fields both audiences share; messages are rendered per audience. */
const commonView = (deps: Pick<Deps, 'tokens' | 'content'>, row: RequestRow, parts: RequestParts, now: Date) => ({
  ...toSummary(row),
  contactName: row.contactName,
  mobile: row.mobile,
  description: row.description,
  photos: parts.photos.map((upload) => toPhoto(deps.tokens, upload, now)),
  preferredContactTime: row.preferredContactTime,
  resolutionDueAt: row.resolutionDueAt.toISOString(),
  resolvedAt: iso(row.resolvedAt),
  rating:
    row.ratingScore !== null && row.ratedAt
      ? { score: row.ratingScore, ...(row.ratingComment ? { comment: row.ratingComment } : {}), ratedAt: row.ratedAt.toISOString() }
      : null,
  supervisionHotline: supervisionHotline(deps, row.zoneId),
})

/** Withdrawal is possible until staff answer publicly (the first public reply sets firstRespondedAt). */
export const canWithdraw = (row: RequestRow): boolean =>
  (row.status === 'new' || row.status === 'accepted') && row.firstRespondedAt === null

/** What the investor sees: public messages only, timeline with 您 / 店小二 names, no internal notes or audit. */
export const toInvestorView = (
  deps: Pick<Deps, 'tokens' | 'content'>,
  row: RequestRow,
  parts: RequestParts,
  now: Date,
): ServiceRequest => ({
  ...commonView(deps, row, parts, now),
  timeline: parts.audit
    .filter((entry) => entry.timelineStep !== null)
    .map((entry) => ({
      step: entry.timelineStep!,
      at: entry.at.toISOString(),
      actor: entry.actorKind === 'investor' ? '您' : entry.actorKind === 'staff' ? staffForInvestor(entry.staffName) : '系统',
      ...timelineNote(entry),
    })),
  messages: parts.messages
    .filter((message) => !message.internal)
    .map((message): Message => ({
      id: message.id,
      author: message.author,
      authorName: message.author === 'investor' ? '您' : staffForInvestor(message.staff?.displayName ?? null),
      body: message.body,
      createdAt: message.createdAt.toISOString(),
    })),
  canWithdraw: canWithdraw(row),
  canRate: row.status === 'resolved',
})

const auditActor = (entry: RequestParts['audit'][number]): string =>
  entry.actorKind === 'staff' ? (entry.staffName ?? '工作人员') : entry.actorKind === 'investor' ? '企业（投资者）' : '系统'

/** What staff of the zone see: full mobile, internal notes, the audit trail and the allowed next statuses. */
export const toStaffDetail = (
  deps: Pick<Deps, 'tokens' | 'content'>,
  row: RequestRow,
  parts: RequestParts,
  now: Date,
): StaffRequestDetail => ({
  ...commonView(deps, row, parts, now),
  timeline: parts.audit
    .filter((entry) => entry.timelineStep !== null)
    .map((entry) => ({ step: entry.timelineStep!, at: entry.at.toISOString(), actor: auditActor(entry), ...timelineNote(entry) })),
  messages: parts.messages
    .filter((message) => !message.internal)
    .map((message): Message => ({
      id: message.id,
      author: message.author,
      authorName: message.author === 'investor' ? row.contactName : (message.staff?.displayName ?? '工作人员'),
      body: message.body,
      createdAt: message.createdAt.toISOString(),
    })),
  assignee: parts.assignee,
  notes: parts.messages
    .filter((message) => message.internal && message.staff)
    .map((message) => ({ id: message.id, author: message.staff!, body: message.body, createdAt: message.createdAt.toISOString() })),
  audit: parts.audit.map((entry): z.infer<typeof AuditEntry> => ({
    id: String(entry.id),
    at: entry.at.toISOString(),
    actor: auditActor(entry),
    action: entry.action,
    detail: entry.detail,
  })),
  resolutionPausedSince: iso(row.resolutionPausedSince),
  allowedTransitions: [...STATUS_TRANSITIONS[row.status]],
})
