/** Page URLs with their query, and reading query values back (weapp hands them over still encoded). */

export type QueryValue = string | number | boolean | null | undefined

/** Keeps slugs and comma lists readable (ids=a,b) while escaping anything else. */
const encode = (value: string) => encodeURIComponent(value).replace(/%2C/gi, ',')

export function withQuery(path: string, query: Record<string, QueryValue> = {}): string {
  const parts = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${key}=${encode(String(value))}`)
  return parts.length ? `${path}?${parts.join('&')}` : path
}

/** A router param, decoded once; undefined when missing or blank. */
export function readParam(params: Record<string, string | undefined> | undefined, key: string): string | undefined {
  const raw = params?.[key]
  if (raw === undefined || raw === null || raw === '' || raw === 'undefined') return undefined
  try {
    return decodeURIComponent(raw).trim() || undefined
  } catch {
    return raw.trim() || undefined
  }
}

/** ids=a,b,c → ['a','b','c'] without blanks or repeats. */
export function readList(params: Record<string, string | undefined> | undefined, key: string): string[] {
  const value = readParam(params, key)
  if (!value) return []
  return Array.from(new Set(value.split(',').map((part) => part.trim()).filter(Boolean)))
}
