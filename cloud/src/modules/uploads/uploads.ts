import { and, eq, inArray, lt, sql } from 'drizzle-orm'
import { DAY_MS } from '../../../../types/china-time'
import type { Photo } from '../../../../types/service'
import { requestPhotos, serviceRequests, uploads } from '../../db/schema'
import type { Deps } from '../../deps'
import { ApiError } from '../../http/errors'
import { canSeeZone, type StaffIdentity } from '../auth/identity'
import { storeImage } from './images'
import { toPhoto } from './photos'
import type { UploadStorage } from './storage'

export type UploadRow = typeof uploads.$inferSelect

const ts = (at: Date) => sql`${at.toISOString()}::timestamptz`
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`

/**
 * Refuses an upload of `size` bytes when it would take the investor or the client address past
 * its bytes for the last 24 hours (config.uploadDailyBytes), with Retry-After until the oldest
 * counted upload is a day old.
 */
export const checkDailyBytes = async (
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  sender: { ownerId: string; address: string },
  size: number,
): Promise<void> => {
  const now = deps.clock()
  const since = new Date(now.getTime() - DAY_MS)
  const mine = sql`${uploads.ownerId} = ${sender.ownerId}`
  const here = sql`${uploads.clientAddress} = ${sender.address}`
  const [row] = await deps.db
    .select({
      investorBytes: sql<number>`coalesce(sum(${uploads.size}) filter (where ${mine}), 0)::bigint`,
      investorOldest: sql<string | null>`min(${uploads.createdAt}) filter (where ${mine})`,
      addressBytes: sql<number>`coalesce(sum(${uploads.size}) filter (where ${here}), 0)::bigint`,
      addressOldest: sql<string | null>`min(${uploads.createdAt}) filter (where ${here})`,
    })
    .from(uploads)
    .where(and(sql`${uploads.createdAt} > ${ts(since)}`, sql`(${mine} or ${here})`))
  const caps = deps.config.uploadDailyBytes
  const over =
    Number(row.investorBytes) + size > caps.perInvestor
      ? { oldest: row.investorOldest, cap: caps.perInvestor }
      : Number(row.addressBytes) + size > caps.perIp
        ? { oldest: row.addressOldest, cap: caps.perIp }
        : null
  if (!over) return
  const freedAt = over.oldest ? Date.parse(over.oldest) + DAY_MS : now.getTime() + DAY_MS
  const seconds = Math.max(1, Math.ceil((freedAt - now.getTime()) / 1000))
  throw new ApiError(429, 'upload_quota_exceeded', `今天上传的图片已达上限（${megabytes(over.cap)}），请稍后再试`, undefined, {
    'retry-after': String(seconds),
  })
}

/**
 * An investor's photo: re-encoded and stored (storeImage), within the daily caps, then recorded
 * as theirs; answers the photo with its signed URL.
 */
export const saveUpload = async (
  deps: Pick<Deps, 'db' | 'clock' | 'tokens' | 'config'>,
  storage: UploadStorage,
  sender: { ownerId: string; address: string },
  bytes: Buffer,
): Promise<Photo> => {
  const image = await storeImage(storage, bytes, (size) => checkDailyBytes(deps, sender, size))
  const upload = {
    id: image.id,
    ownerId: sender.ownerId,
    contentType: image.contentType,
    size: image.size,
    clientAddress: sender.address,
    createdAt: deps.clock(),
  }
  try {
    await deps.db.insert(uploads).values(upload)
  } catch (error) {
    await storage.delete(image.id).catch(() => undefined)
    throw error
  }
  return toPhoto(deps.tokens, upload, upload.createdAt)
}

/** Uploads nobody attached to a request within a day are deleted (a batch per job tick). */
export const UNATTACHED_UPLOAD_TTL_MS = DAY_MS
const PRUNE_BATCH = 200

/**
 * Deletes investor uploads older than UNATTACHED_UPLOAD_TTL_MS that no request uses: the rows (in
 * one statement that re-checks, so a request attaching one meanwhile keeps it), then their bytes.
 * Returns how many.
 */
export const pruneUnattachedUploads = async (deps: Pick<Deps, 'db' | 'clock'>, storage: UploadStorage): Promise<number> => {
  const cutoff = new Date(deps.clock().getTime() - UNATTACHED_UPLOAD_TTL_MS)
  const unattached = sql`not exists (select 1 from ${requestPhotos} where ${requestPhotos.uploadId} = ${uploads.id})`
  const candidates = deps.db
    .select({ id: uploads.id })
    .from(uploads)
    .where(and(lt(uploads.createdAt, cutoff), unattached))
    .orderBy(uploads.createdAt)
    .limit(PRUNE_BATCH)
  const deleted = await deps.db
    .delete(uploads)
    .where(and(inArray(uploads.id, candidates), unattached))
    .returning({ id: uploads.id })
  for (const { id } of deleted) await storage.delete(id)
  return deleted.length
}

export const findUpload = async (deps: Pick<Deps, 'db'>, id: string): Promise<UploadRow | undefined> =>
  (await deps.db.select().from(uploads).where(eq(uploads.id, id)))[0]

/** Staff may see a photo when they can see a request that uses it. */
export const staffMaySeeUpload = async (deps: Pick<Deps, 'db'>, member: StaffIdentity, uploadId: string): Promise<boolean> => {
  const zones = await deps.db
    .selectDistinct({ zoneId: serviceRequests.zoneId })
    .from(requestPhotos)
    .innerJoin(serviceRequests, eq(serviceRequests.id, requestPhotos.requestId))
    .where(eq(requestPhotos.uploadId, uploadId))
  return zones.some(({ zoneId }) => canSeeZone(member, zoneId))
}
