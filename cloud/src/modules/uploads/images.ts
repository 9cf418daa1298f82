import { randomUUID } from 'node:crypto'
import sharp from 'sharp'
import { sniffImageType } from './sniff'
import type { UploadStorage } from './storage'

/** The longer side of a kept image: sharp enough for a site photo on any phone, small on disk. */
export const MAX_IMAGE_SIDE_PX = 2560
/** Refused before decoding (a small file can claim a huge canvas): 50 megapixels. */
const MAX_INPUT_PIXELS = 50_000_000
const JPEG_QUALITY = 82

/** Not a picture we accept: `reason` says which way (wrong type, or bytes that do not decode). */
export class UnsupportedImageError extends Error {
  override name = 'UnsupportedImageError'
  constructor(readonly reason: 'type' | 'undecodable') {
    super(reason === 'type' ? 'not a JPEG, PNG, WebP or GIF image' : 'the image data cannot be decoded')
  }
}

/** The store refused or could not take the bytes (disk full, read-only, object store down). */
export class UploadStoreError extends Error {
  override name = 'UploadStoreError'
}

export type KeptImage = { bytes: Buffer; contentType: 'image/jpeg'; width: number; height: number }

/**
 * Decodes the image and encodes a new JPEG of what it shows, so nothing but pixels survives: no
 * metadata (EXIF with GPS, comments, ICC), no data hidden after or inside it (polyglots), no
 * decoder tricks. EXIF orientation is applied first, transparency is flattened on white, the
 * first frame of an animation is kept, and the longer side is capped at MAX_IMAGE_SIDE_PX.
 */
export const reencodeImage = async (bytes: Buffer): Promise<KeptImage> => {
  if (!sniffImageType(bytes)) throw new UnsupportedImageError('type')
  try {
    const { data, info } = await sharp(bytes, { animated: false, limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: MAX_IMAGE_SIDE_PX, height: MAX_IMAGE_SIDE_PX, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: JPEG_QUALITY })
      .toBuffer({ resolveWithObject: true })
    return { bytes: data, contentType: 'image/jpeg', width: info.width, height: info.height }
  } catch {
    throw new UnsupportedImageError('undecodable')
  }
}

export type StoredImage = { id: string; contentType: 'image/jpeg'; size: number; width: number; height: number }

/**
 * The one way an uploaded picture reaches storage: re-encoded (reencodeImage), then stored under a
 * new random id. `admit` sees the kept size first and may refuse (quotas). Investor request photos
 * and staff content photos both come through here; the caller records the returned image.
 * Throws UnsupportedImageError (answer 415) or UploadStoreError (answer 503).
 */
export const storeImage = async (
  storage: UploadStorage,
  bytes: Buffer,
  admit: (size: number) => Promise<void> = async () => undefined,
): Promise<StoredImage> => {
  const image = await reencodeImage(bytes)
  await admit(image.bytes.length)
  const id = randomUUID()
  try {
    await storage.put(id, image.bytes)
  } catch (error) {
    throw new UploadStoreError(`could not store upload ${id}: ${(error as Error).message}`, { cause: error })
  }
  return { id, contentType: image.contentType, size: image.bytes.length, width: image.width, height: image.height }
}
