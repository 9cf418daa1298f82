import { eq } from 'drizzle-orm'
import { mediaPath } from '../../../../types/cards'
import type { TokenSigner } from '../auth/tokens'
import { media } from '../../db/schema'
import type { Deps } from '../../deps'
import { writeAudit } from '../console/audit'
import { signedImageQuery } from '../uploads/photos'
import type { UploadStorage } from '../uploads/storage'
import { storeImage } from '../uploads/images'

export type MediaRow = typeof media.$inferSelect

/**
 * Re-encodes and stores the picture (storeImage, as for request photos), then records it and who
 * uploaded it for which zone (audited). Throws what storeImage throws.
 */
export const saveMedia = async (
  deps: Pick<Deps, 'db' | 'clock'>,
  storage: UploadStorage,
  upload: { zoneId: string; staffId: string; bytes: Buffer },
): Promise<MediaRow> => {
  const image = await storeImage(storage, upload.bytes)
  const row: MediaRow = {
    id: image.id,
    zoneId: upload.zoneId,
    staffId: upload.staffId,
    contentType: image.contentType,
    size: image.size,
    width: image.width,
    height: image.height,
    createdAt: deps.clock(),
  }
  await deps.db.transaction(async (tx) => {
    await tx.insert(media).values(row)
    await writeAudit(tx, {
      action: 'media_uploaded',
      zoneId: row.zoneId,
      staffId: row.staffId,
      at: row.createdAt,
      recordId: row.id,
      detail: { size: row.size },
    })
  })
  return row
}

export const findMedia = async (deps: Pick<Deps, 'db'>, id: string): Promise<MediaRow | undefined> =>
  (await deps.db.select().from(media).where(eq(media.id, id)))[0]

/** The signature's resource for a content photo (GET /api/media/{id}?exp&sig). */
export const mediaResource = (id: string) => `media:${id.toLowerCase()}`

/**
 * `/api/media/<id>?exp=…&sig=…`: a photo only a draft uses, for the console's preview (an image tag
 * cannot send the staff token). Handed out only to staff who may open that draft.
 */
export const signedMediaPath = (tokens: TokenSigner, id: string, now: Date): string =>
  `${mediaPath(id)}?${signedImageQuery(tokens, mediaResource(id), now)}`
