/** Reading and writing a record's nested fields by a dotted path (contact.phone, figures.2.value). */

export type RecordValue = Record<string, unknown>

const keys = (path: string) => path.split('.').filter(Boolean)

export function getAt(record: unknown, path: string): unknown {
  let value: unknown = record
  for (const key of keys(path)) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}

/**
 * A copy of `record` with `value` at `path` (objects and arrays copied along the way, the rest shared).
 * `undefined` removes the key: an optional field left blank is absent, as the contract wants it.
 */
export function setAt<T>(record: T, path: string, value: unknown): T {
  const [head, ...rest] = keys(path)
  if (head === undefined) return value as T
  const container = (record ?? {}) as Record<string, unknown> | unknown[]
  const copy: Record<string, unknown> | unknown[] = Array.isArray(container) ? [...container] : { ...container }
  const next = rest.length ? setAt((container as Record<string, unknown>)[head], rest.join('.'), value) : value
  if (next === undefined && !Array.isArray(copy)) delete (copy as Record<string, unknown>)[head]
  else (copy as Record<string, unknown>)[head] = next
  return copy as T
}
