// CSV downloads (the weekly 督考 summary, survey answers), made to open in Excel as they are.

/** A cell that starts like a formula is prefixed with ' so a spreadsheet shows it as text (CSV injection). */
const cell = (value: string | number | null | undefined): string => {
  const text = value === null || value === undefined ? '' : String(value)
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** RFC 4180 rows with CRLF, behind a UTF-8 byte order mark: without it Excel reads Chinese as mojibake. */
export const toCsv = (rows: readonly (readonly (string | number | null | undefined)[])[]): string =>
  `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`

/** Content-Disposition for a download, with the UTF-8 file name (RFC 6266) and an ASCII fallback. */
export const attachment = (asciiName: string, name: string) =>
  `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`
