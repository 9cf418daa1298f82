import sharp from 'sharp'

/** The photo made to fit a w×w box (never enlarged), in its own format; EXIF rotation applied. */
export const thumbnail = async (bytes: Buffer, w: number): Promise<{ bytes: Buffer; contentType: string }> => {
  const { data, info } = await sharp(bytes, { animated: false })
    .rotate()
    .resize({ width: w, height: w, fit: 'inside', withoutEnlargement: true })
    .toBuffer({ resolveWithObject: true })
  return { bytes: data, contentType: `image/${info.format === 'jpg' ? 'jpeg' : info.format}` }
}
