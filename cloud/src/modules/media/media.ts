import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { media } from '../../db/schema'
import type { Deps } from '../../deps'
import { writeAudit } from '../console/audit'
import type { UploadStorage } from '../uploads/storage'
import type { Reencoded } from './reencode'

export type MediaRow = typeof media.$inferSelect

/** Stores the re-encoded bytes, then records the photo and who uploaded it for which zone (audited). */
export const saveMedia = async (
  deps: Pick<Deps, 'db' | 'clock'>,
  storage: UploadStorage,
  upload: { zoneId: string; staffId: string; image: Reencoded },
): Promise<MediaRow> => {
  const { image } = upload
  const row: MediaRow = {
    id: randomUUID(),
    zoneId: upload.zoneId,
    staffId: upload.staffId,
    contentType: image.contentType,
    size: image.bytes.length,
    width: image.width,
    height: image.height,
    createdAt: deps.clock(),
  }
  await storage.put(row.id, image.bytes)
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
