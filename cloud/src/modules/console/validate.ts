import { BUNDLE_KEY_OF_KIND, CONTENT_KIND_SCHEMAS, type ContentKind, type ContentRecord } from '../../../../types/console'
import type { ContentBundle, Zone } from '../../../../types/content'
import { ApiError } from '../../http/errors'
import { describeIssues, formatFieldPath } from '../../zod-issues'
import { checkBundle } from '../content/rules'
import { zoneOfRecord } from '../content/tables'

/** 400 with every field's reason, nothing stored. */
export const invalidRecord = (fields: Record<string, string>) => new ApiError(400, 'validation_error', '内容有误，请按提示修改', fields)

/** `.parkIds[0]` (how rules name a place) → `parkIds.0` (how ErrorBody.fields does). */
const fieldOf = (at: string) => at.replace(/^\./, '').replace(/\[(\d+)\]/g, '.$1')

/**
 * A record as the console receives it, checked like content import checks a file: the kind's schema
 * (field-level Chinese reasons), then the rules over the zone's content with this record in place
 * (its parks, spaces, policies … exist in its zone; ticket prefix unique; industries from the list).
 * `published` is what investors see now (null for a new record). Throws invalidRecord.
 */
export const validateRecord = (
  kind: ContentKind,
  id: string,
  body: unknown,
  published: ContentRecord | null,
  bundle: ContentBundle,
): ContentRecord => {
  const parsed = CONTENT_KIND_SCHEMAS[kind].safeParse(body, { reportInput: true })
  if (!parsed.success) {
    const fields: Record<string, string> = {}
    for (const problem of describeIssues(parsed.error.issues)) fields[formatFieldPath(problem.path) || 'body'] ??= problem.message
    throw invalidRecord(fields)
  }
  // The API sets updatedAt when it publishes; a client's value is not kept.
  const { updatedAt: _updatedAt, ...record } = parsed.data as ContentRecord & { updatedAt?: string }
  const fields: Record<string, string> = {}
  if (record.id !== id) fields.id = '与地址中的编号不一致'

  // Articles are cited by the import only: the console keeps a record's sources as they are.
  const sourcesOf = (value: ContentRecord | null) =>
    value === null
      ? []
      : kind === 'zones'
        ? (value as Zone).sources
        : (value as { source?: string }).source
          ? [(value as { source: string }).source]
          : []
  if (JSON.stringify(sourcesOf(record as ContentRecord)) !== JSON.stringify(sourcesOf(published))) {
    fields[kind === 'zones' ? 'sources' : 'source'] = '来源文章由内容导入维护，不能在这里修改'
  }

  const zoneId = zoneOfRecord(kind, record as ContentRecord)
  if (published && zoneOfRecord(kind, published) !== zoneId) fields.zoneId = '不能把内容移到其他开发区'
  if (kind !== 'zones' && !bundle.zones.some((zone) => zone.id === zoneId)) fields.zoneId = '没有这个开发区'
  if (Object.keys(fields).length > 0) throw invalidRecord(fields)

  // The zone's content with this record in place (last, so a clash is reported on it).
  const key = BUNDLE_KEY_OF_KIND[kind]
  const scoped = Object.fromEntries(
    Object.entries(bundle).map(([bundleKey, records]) => [
      bundleKey,
      bundleKey === 'zones' ? records : (records as { zoneId: string }[]).filter((item) => item.zoneId === zoneId),
    ]),
  ) as ContentBundle
  const others = (scoped[key] as ContentRecord[]).filter((item) => item.id !== record.id)
  const candidate = { ...scoped, [key]: [...others, record] } as ContentBundle
  const index = others.length
  for (const problem of checkBundle(candidate)) {
    if (problem.key === key && problem.index === index) fields[fieldOf(problem.at) || 'body'] ??= problem.message
  }
  if (Object.keys(fields).length > 0) throw invalidRecord(fields)
  return record as ContentRecord
}
