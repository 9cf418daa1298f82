import qrcode from 'qrcode-generator'

/**
 * A QR code of `text` as a GIF data URL, drawn in plain JavaScript (no canvas), so the same image
 * works in the mini-program and on H5. Level M survives a smudged screen or print.
 */
export function qrDataUrl(text: string, cellSize = 6): string {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  return qr.createDataURL(cellSize, cellSize * 2)
}
