import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Photo } from '../../../../types/service'
import { requestPhotos, serviceRequests, uploads } from '../../db/schema'
import type { Deps } from '../../deps'
import { canSeeZone, type StaffIdentity } from '../auth/identity'
import { toPhoto } from './photos'
import type { ImageType } from './sniff'
import type { UploadStorage } from './storage'

export type UploadRow = typeof uploads.$inferSelect

/** Stores the bytes, then records who owns them; answers the photo with its signed URL. */
export const saveUpload = async (
  deps: Pick<Deps, 'db' | 'clock' | 'tokens'>,
  storage: UploadStorage,
  ownerId: string,
  bytes: Buffer,
  contentType: ImageType,
): Promise<Photo> => {
  const upload = { id: randomUUID(), ownerId, contentType, size: bytes.length, createdAt: deps.clock() }
  await storage.put(upload.id, bytes)
  await deps.db.insert(uploads).values(upload)
  return toPhoto(deps.tokens, upload, upload.createdAt)
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
