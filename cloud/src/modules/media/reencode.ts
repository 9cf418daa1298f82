import sharp from 'sharp'

/** Longest side of a stored content photo: sharp on any phone, a few hundred KB. */
export const MAX_MEDIA_SIDE = 2048

export type Reencoded = { bytes: Buffer; contentType: 'image/jpeg' | 'image/png'; width: number; height: number }

/**
 * Decodes and re-encodes an uploaded image: EXIF rotation applied, no larger than MAX_MEDIA_SIDE,
 * every metadata block (EXIF GPS, camera, ICC) dropped, JPEG (PNG when it has transparency).
 * Anything sharp cannot decode throws. The upload pipeline of issue 16.6 does the same for request
 * photos; one of the two will be kept when they meet.
 */
export const reencodeImage = async (input: Buffer): Promise<Reencoded> => {
  const image = sharp(input, { animated: false, failOn: 'error', limitInputPixels: 50_000_000 }).rotate()
  const { hasAlpha } = await image.metadata()
  const resized = image.resize({ width: MAX_MEDIA_SIDE, height: MAX_MEDIA_SIDE, fit: 'inside', withoutEnlargement: true })
  const { data, info } = await (
    hasAlpha ? resized.png({ compressionLevel: 9 }) : resized.flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true })
  ).toBuffer({
    resolveWithObject: true,
  })
  return { bytes: data, contentType: hasAlpha ? 'image/png' : 'image/jpeg', width: info.width, height: info.height }
}
