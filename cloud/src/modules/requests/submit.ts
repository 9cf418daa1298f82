import { createHash, randomUUID } from 'node:crypto'
import { lt, sql } from 'drizzle-orm'
import { chinaDayCompact } from '../../../../types/china-time'
import { ServiceRequest, TICKET_PREFIXES, type CreateServiceRequestBody } from '../../../../types/service'
import { addMs } from '../../clock'
import type { Db } from '../../db/client'
import { DEFAULT_RESOLUTION_WORKING_DAYS, idempotencyKeys, type RequestRow } from '../../db/schema'
import type { Deps } from '../../deps'
import { ApiError, badField, invalidToken } from '../../http/errors'
import { newRequestNotice } from '../notifications/notices'
import { photoUrl } from '../uploads/photos'
import { toInvestorView } from './views'

const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  )

export type CreateResult = { request: ServiceRequest; replayed: boolean }

type SubmitOutcome =
  | { outcome: 'created' | 'replayed'; body: unknown; bad_photo: null }
  | { outcome: 'mismatch' | 'unknown_investor'; body: null; bad_photo: null }
  | { outcome: 'bad_photo'; body: null; bad_photo: number }

const idempotencyMismatch = () =>
  new ApiError(422, 'idempotency_mismatch', '该 Idempotency-Key 已用于另一份不同的请求内容，请为新的提交生成新的 Key')

/**
 * Creates a request once per Idempotency-Key (Stripe semantics): a retry with the same key and body
 * gets the stored response (replayed), a different body 422.
 *
 * One database round trip: submit_service_request (migration 0003) checks the investor, the key and
 * the photos, numbers the ticket, applies the zone's SLA target and writes the request, its photos,
 * the audit entry, the new-request notice and the key with its response in one statement, hence one
 * transaction; on PGlite (single-threaded WASM) every round trip was the cost. What needs the app is
 * computed here and passed in: the investor's view of the new request (toInvestorView; the database
 * adds the ticket number, resolution deadline and photos), the notice text and signed photo URLs.
 * The token's investor is looked up there too (the route uses requireInvestorToken), and a missing
 * one still answers 401 invalid_token.
 */
export const createRequest = async (
  deps: Deps,
  investorId: string,
  body: CreateServiceRequestBody,
  idempotencyKey: string,
): Promise<CreateResult> => {
  const park = body.parkId ? deps.content.current().parks.find((entry) => entry.card.id === body.parkId) : undefined
  if (body.parkId && park?.card.zoneId !== body.zoneId) throw badField('parkId', '该园区不属于所选开发区')
  // Upload ids as the database prints them (signed URLs name them so).
  const photoIds = body.photos.map((photoId) => photoId.toLowerCase())
  const duplicate = photoIds.findIndex((photoId, index) => photoIds.indexOf(photoId) !== index)
  if (duplicate >= 0) throw badField(`photos.${duplicate}`, '同一张图片不能重复提交')
  const bodyHash = createHash('sha256').update(canonicalJson(body)).digest('hex')
  const now = deps.clock()
  const id = randomUUID()

  // The row as the database will store it, but for the ticket number and resolution deadline it assigns.
  const draft: Omit<RequestRow, 'ticketNo'> = {
    id,
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
    reminderSentAt: null,
    breachedAt: null,
    resolutionDueAt: now,
    resolutionPausedSince: null,
    resolvedAt: null,
    closedAt: null,
    ratingScore: null,
    ratingComment: null,
    ratedAt: null,
    updatedAt: now,
  }
  const created = {
    id: 0,
    at: now,
    actorKind: 'investor',
    staffName: null,
    action: 'created',
    detail: {},
    timelineStep: 'submitted',
  } as const
  const view = toInvestorView(deps, { ...draft, ticketNo: '' }, { photos: [], messages: [], audit: [created], assignee: null }, now)
  const { ticketNo: _ticketNo, resolutionDueAt: _resolutionDueAt, photos: _photos, ...template } = view
  const notice = newRequestNotice(deps, draft)
  const day = chinaDayCompact(now)

  const result = await deps.db.execute(sql`select outcome, body, bad_photo from submit_service_request(
    ${id}::uuid, ${investorId}::uuid, ${idempotencyKey}, ${bodyHash}, ${now.toISOString()}::timestamptz,
    ${body.zoneId}, ${draft.parkId}, ${body.type}, ${body.company}, ${body.contactName}, ${body.mobile}, ${body.description},
    ${draft.preferredContactTime}, ${draft.firstResponseDueAt.toISOString()}::timestamptz,
    ${JSON.stringify(photoIds.map((photoId) => ({ id: photoId, url: photoUrl(deps.tokens, photoId, now) })))}::jsonb,
    ${day}, ${`${TICKET_PREFIXES[body.zoneId]}-${day}-`}, ${DEFAULT_RESOLUTION_WORKING_DAYS}::integer,
    ${JSON.stringify(template)}::jsonb,
    ${randomUUID()}::uuid, ${notice.status}, ${notice.lastError}, ${notice.beforeTicket}, ${notice.afterTicket}
  )`)
  const [row] = (result as unknown as { rows: SubmitOutcome[] }).rows
  switch (row.outcome) {
    case 'created':
      return { request: row.body as ServiceRequest, replayed: false }
    case 'replayed':
      return { request: ServiceRequest.parse(row.body), replayed: true }
    case 'mismatch':
      throw idempotencyMismatch()
    case 'unknown_investor':
      throw invalidToken()
    case 'bad_photo':
      throw badField(`photos.${row.bad_photo}`, '图片不存在或不是您上传的，请重新上传')
  }
}

/**
 * How long a submission's Idempotency-Key replays its first answer. The app retries an unanswered
 * send at once or when the investor comes back to the draft; a month covers that with room to spare,
 * and keeps the stored answers from growing without end.
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

