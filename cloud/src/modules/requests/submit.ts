import { createHash, randomUUID } from 'node:crypto'
import { and, eq, lt, sql } from 'drizzle-orm'
import { chinaDayCompact } from '../../../../types/china-time'
import type { CreateServiceRequestBody, RequestLink, ServiceRequest } from '../../../../types/service'
import { TICKET_SEQUENCE_DIGITS, ticketNoStem } from '../../../../types/tickets'
import { addWorkingDays } from '../../../../types/working-days'
import { addMs } from '../../clock'
import type { Db } from '../../db/client'
import { fromColumnJson, toColumnJson } from '../../db/column-json'
import { DEFAULT_RESOLUTION_WORKING_DAYS, idempotencyKeys, projectFollowers, serviceRequests, type RequestRow } from '../../db/schema'
import type { Deps } from '../../deps'
import { ApiError, badField, forbidden, invalidToken } from '../../http/errors'
import { findProject } from '../projects/tracking'
import { getForInvestor } from './investor'
import { newRequestParts, toInvestorView } from './views'

const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  )

export type CreateResult = { request: ServiceRequest; replayed: boolean }

/**
 * 遇到问题找店小二 from a followed project: the project must be in the request's zone and followed by
 * this investor (POST /api/projects/claim). Answers the link the request keeps.
 */
const projectLink = async (deps: Deps, investorId: string, body: CreateServiceRequestBody): Promise<RequestLink | null> => {
  if (!body.projectId && !body.projectStage) return null
  if (!body.projectId) throw badField('projectId', '请同时提供项目和阶段')
  if (!body.projectStage) throw badField('projectStage', '请同时提供项目和阶段')
  const project = findProject(deps, body.projectId)
  if (!project || project.zoneId !== body.zoneId) throw badField('projectId', '该项目不属于所选开发区')
  const [follower] = await deps.db
    .select({ projectId: projectFollowers.projectId })
    .from(projectFollowers)
    .where(and(eq(projectFollowers.projectId, project.id), eq(projectFollowers.investorId, investorId)))
  if (!follower) throw forbidden('只能为您关注的项目提交，请先用邀请码关注该项目')
  return { kind: 'project', projectId: project.id, projectName: project.name, stage: body.projectStage }
}

/** One row of submit_service_request (migration 0006); see there for the outcomes. */
type Submitted = {
  outcome: 'created' | 'replayed' | 'mismatch' | 'unknown_investor' | 'bad_photo' | 'sla_target'
  created: Record<string, unknown> | null
  photos: { id: string; contentType: string; size: number }[] | null
  replayed_id: string | null
  bad_photo: number | null
  sla_target_days: number | null
}

/**
 * What sla_targets holds per zone and request type (null: no row, the default applies), as this
 * process last saw it. Only a guess: the database compares it with the table and answers
 * `sla_target` when it is out of date, and nothing is written.
 */
const knownSlaTargets = new Map<string, number | null>()

const idempotencyMismatch = () =>
  new ApiError(422, 'idempotency_mismatch', '该 Idempotency-Key 已用于另一份不同的请求内容，请为新的提交生成新的 Key')

/**
 * Creates a request once per Idempotency-Key: a retry with the same key and body gets the request
 * the first one created (replayed), a different body 422.
 *
 * The row, both deadlines and the ticket number's stem are made here; submit_service_request
 * (migration 0006) does the writes that must be atomic in one statement: the key's lock and lookup,
 * the photo check, the ticket sequence and the inserts, and returns the new row. The token's
 * investor is looked up there too (the route uses requireInvestorToken): a missing one answers
 * 401 invalid_token. The zone's WeCom group hears of the request from the job loop
 * (announceNewRequests).
 */
export const createRequest = async (
  deps: Deps,
  investorId: string,
  body: CreateServiceRequestBody,
  idempotencyKey: string,
  /** A request made by staff from a survey answer carries that link (a project's comes from the body). */
  options: { link?: RequestLink } = {},
): Promise<CreateResult> => {
  const snapshot = deps.content.current()
  const zone = snapshot.zoneById.get(body.zoneId)
  if (!zone) throw badField('zoneId', '没有这个开发区')
  const park = body.parkId ? snapshot.parkById.get(body.parkId) : undefined
  const link = (await projectLink(deps, investorId, body)) ?? options.link ?? null
  if (body.parkId && park?.card.zoneId !== body.zoneId) throw badField('parkId', '该园区不属于所选开发区')
  // Upload ids as the database prints them (signed URLs name them so).
  const photoIds = body.photos.map((photoId) => photoId.toLowerCase())
  const duplicate = photoIds.findIndex((photoId, index) => photoIds.indexOf(photoId) !== index)
  if (duplicate >= 0) throw badField(`photos.${duplicate}`, '同一张图片不能重复提交')
  const bodyHash = createHash('sha256').update(canonicalJson(body)).digest('hex')
  const now = deps.clock()
  const day = chinaDayCompact(now)

  const row: Omit<RequestRow, 'ticketNo' | 'resolutionDueAt' | 'overdueAt'> = {
    id: randomUUID(),
    investorId,
    zoneId: body.zoneId,
    parkId: body.parkId ?? null,
    type: body.type,
    company: body.company,
    contactName: body.contactName,
    mobile: body.mobile,
    description: body.description,
    preferredContactTime: body.preferredContactTime ?? null,
    status: 'new',
    escalated: false,
    assigneeId: null,
    createdAt: now,
    firstResponseDueAt: addMs(now, deps.config.sla.firstResponseMs),
    firstRespondedAt: null,
    announcedAt: null,
    reminderSentAt: null,
    breachedAt: null,
    resolutionPausedSince: null,
    resolvedAt: null,
    closedAt: null,
    ratingScore: null,
    ratingComment: null,
    ratedAt: null,
    updatedAt: now,
    link,
  }
  const targetKey = `${body.zoneId}/${body.type}`

  // A second attempt only after sla_targets changed (or on this process's first submission of the kind).
  for (let attempt = 1; ; attempt++) {
    const slaTargetDays = knownSlaTargets.get(targetKey) ?? null
    const submission = {
      request: toColumnJson(serviceRequests, row),
      idempotencyKey,
      bodyHash,
      photoIds,
      slaTargetDays,
      resolutionDueAt: addWorkingDays(now, slaTargetDays ?? DEFAULT_RESOLUTION_WORKING_DAYS).toISOString(),
      ticketDay: day,
      ticketNoStem: ticketNoStem(zone.ticketPrefix, day),
      ticketSequenceDigits: TICKET_SEQUENCE_DIGITS,
    }
    const result = await deps.db.execute(sql`select * from submit_service_request(${JSON.stringify(submission)}::jsonb)`)
    const [submitted] = (result as unknown as { rows: Submitted[] }).rows
    switch (submitted.outcome) {
      case 'created': {
        const created = fromColumnJson(serviceRequests, submitted.created!)
        return { request: toInvestorView(deps, created, newRequestParts(submitted.photos ?? [], now), now), replayed: false }
      }
      case 'replayed':
        return { request: await getForInvestor(deps, investorId, submitted.replayed_id!), replayed: true }
      case 'mismatch':
        throw idempotencyMismatch()
      case 'unknown_investor':
        throw invalidToken()
      case 'bad_photo':
        throw badField(`photos.${submitted.bad_photo}`, '图片不存在或不是您上传的，请重新上传')
      case 'sla_target':
        knownSlaTargets.set(targetKey, submitted.sla_target_days)
        if (attempt >= 3) throw new Error(`sla_targets for ${targetKey} keeps changing during a submission`)
    }
  }
}

/**
 * How long a submission's Idempotency-Key replays its request. The app retries an unanswered
 * send at once or when the investor comes back to the draft; a month covers that with room to spare,
 * and keeps the keys from growing without end.
 */
export const IDEMPOTENCY_KEY_RETENTION_MS = 30 * 24 * 3600_000

/** Forgets keys past their retention (called by the job loop); their requests stay. Returns how many. */
export const pruneIdempotencyKeys = async (db: Db, now: Date): Promise<number> => {
  const expired = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, addMs(now, -IDEMPOTENCY_KEY_RETENTION_MS)))
    .returning({ key: idempotencyKeys.key })
  return expired.length
}
