import { and, desc, eq, inArray, max, sql } from 'drizzle-orm'
import {
  BUNDLE_KEY_OF_KIND,
  type ConsoleListItem,
  type ConsoleRecord,
  type ContentKind,
  type ContentRecord,
  type RecordState,
} from '../../../../types/console'
import type { Db, Tx } from '../../db/client'
import { contentDrafts, contentRevisions, staff } from '../../db/schema'
import type { Deps } from '../../deps'
import { ApiError, notFound } from '../../http/errors'
import type { StaffIdentity } from '../auth/identity'
import { readPublished, zoneOfRecord } from '../content/tables'
import { signedMediaPath } from '../media/media'
import { requireAdmin, requireZone } from './access'
import { writeAudit } from './audit'
import { validateRecord } from './validate'

type DraftRow = typeof contentDrafts.$inferSelect

const stateOf = (published: boolean, draft: boolean): RecordState => (published ? (draft ? 'changed' : 'published') : 'draft')

/** What a list shows as the record's name. */
export const titleOf = (record: Record<string, unknown>): string => String(record.name ?? record.title ?? record.id)

export const findDraft = async (db: Db | Tx, kind: ContentKind, id: string): Promise<DraftRow | undefined> =>
  (
    await db
      .select()
      .from(contentDrafts)
      .where(and(eq(contentDrafts.kind, kind), eq(contentDrafts.recordId, id)))
  )[0]

const lastPublishedAt = async (db: Db | Tx, kind: ContentKind, ids: string[]): Promise<Map<string, Date>> => {
  if (ids.length === 0) return new Map()
  const rows = await db
    .select({ recordId: contentRevisions.recordId, at: max(contentRevisions.at) })
    .from(contentRevisions)
    .where(
      and(eq(contentRevisions.kind, kind), inArray(contentRevisions.recordId, ids), sql`${contentRevisions.action} <> 'import_delete'`),
    )
    .groupBy(contentRevisions.recordId)
  return new Map(rows.flatMap((row) => (row.at ? [[row.recordId, row.at] as const] : [])))
}

const staffNames = async (db: Db | Tx, ids: string[]): Promise<Map<string, string>> => {
  if (ids.length === 0) return new Map()
  const rows = await db.select({ id: staff.id, displayName: staff.displayName }).from(staff).where(inArray(staff.id, ids))
  return new Map(rows.map((row) => [row.id, row.displayName]))
}

/** The ids in a record's photos (zones, parks and spaces have them; a draft may hold anything). */
const photoIdsOf = (record: unknown): string[] => {
  const photos = (record as { photos?: unknown } | undefined)?.photos
  return Array.isArray(photos)
    ? photos.flatMap((photo) => (typeof (photo as { id?: unknown })?.id === 'string' ? [(photo as { id: string }).id] : []))
    : []
}

/** One record as the console edits it: published (from the database) and the pending draft. */
export const getConsoleRecord = async (
  deps: Pick<Deps, 'db' | 'tokens' | 'clock'>,
  member: StaffIdentity,
  kind: ContentKind,
  id: string,
): Promise<ConsoleRecord> => {
  const published = await readPublished(deps.db, kind, id)
  const draft = await findDraft(deps.db, kind, id)
  if (!published && !draft) throw notFound('没有找到这条内容')
  const zoneId = published ? zoneOfRecord(kind, published.record) : draft!.zoneId
  requireZone(member, zoneId)
  const publishedAt = (await lastPublishedAt(deps.db, kind, [id])).get(id) ?? null
  const names = await staffNames(deps.db, draft ? [draft.savedBy] : [])
  const photoIds = [published?.record, draft?.data].flatMap((record) => photoIdsOf(record))
  return {
    kind,
    id,
    zoneId,
    state: stateOf(Boolean(published), Boolean(draft)),
    published: published ? (published.record as unknown as Record<string, unknown>) : null,
    publishedAt: publishedAt?.toISOString() ?? null,
    draft: draft
      ? {
          record: draft.data,
          savedAt: draft.savedAt.toISOString(),
          savedBy: { id: draft.savedBy, displayName: names.get(draft.savedBy) ?? '' },
        }
      : null,
    photoUrls: Object.fromEntries(photoIds.map((photoId) => [photoId, signedMediaPath(deps.tokens, photoId, deps.clock())])),
  }
}

/** A zone's records of one kind (published ones from the content in memory, then drafts of new ones). */
export const listConsole = async (
  deps: Pick<Deps, 'db' | 'content'>,
  kind: ContentKind,
  zoneId: string | null,
): Promise<ConsoleListItem[]> => {
  const published = (deps.content.bundle[BUNDLE_KEY_OF_KIND[kind]] as ContentRecord[]).filter(
    (record) => zoneId === null || zoneOfRecord(kind, record) === zoneId,
  )
  const drafts = await deps.db
    .select()
    .from(contentDrafts)
    .where(and(eq(contentDrafts.kind, kind), zoneId === null ? undefined : eq(contentDrafts.zoneId, zoneId)))
    .orderBy(desc(contentDrafts.savedAt))
  const draftById = new Map(drafts.map((draft) => [draft.recordId, draft]))
  const publishedAt = await lastPublishedAt(
    deps.db,
    kind,
    published.map((record) => record.id),
  )
  const names = await staffNames(deps.db, [...new Set(drafts.map((draft) => draft.savedBy))])
  const item = (id: string, record: Record<string, unknown>, zone: string, isPublished: boolean): ConsoleListItem => {
    const draft = draftById.get(id)
    return {
      kind,
      id,
      zoneId: zone,
      title: titleOf(draft?.data ?? record),
      state: stateOf(isPublished, Boolean(draft)),
      publishedAt: publishedAt.get(id)?.toISOString() ?? null,
      draftSavedAt: draft?.savedAt.toISOString() ?? null,
      draftSavedBy: draft ? { id: draft.savedBy, displayName: names.get(draft.savedBy) ?? '' } : null,
    }
  }
  const publishedIds = new Set(published.map((record) => record.id))
  return [
    ...drafts.filter((draft) => !publishedIds.has(draft.recordId)).map((draft) => item(draft.recordId, draft.data, draft.zoneId, false)),
    ...published.map((record) => item(record.id, record as unknown as Record<string, unknown>, zoneOfRecord(kind, record), true)),
  ]
}

/**
 * Saves the pending draft of a record (replacing an earlier one). Checked like a publish would be;
 * on any problem nothing is stored. Creating a zone is for admins.
 */
export const saveDraft = async (
  deps: Pick<Deps, 'db' | 'content' | 'clock' | 'tokens'>,
  member: StaffIdentity,
  kind: ContentKind,
  id: string,
  body: unknown,
): Promise<ConsoleRecord> => {
  const published = await readPublished(deps.db, kind, id)
  if (published) requireZone(member, zoneOfRecord(kind, published.record))
  else if (kind === 'zones') requireAdmin(member, '只有管理员可以新建开发区')
  const record = validateRecord(kind, id, body, published?.record ?? null, deps.content.bundle)
  const zoneId = zoneOfRecord(kind, record)
  requireZone(member, zoneId)
  const now = deps.clock()
  await deps.db.transaction(async (tx) => {
    const values = { kind, recordId: id, zoneId, data: record as unknown as Record<string, unknown>, savedAt: now, savedBy: member.id }
    await tx
      .insert(contentDrafts)
      .values(values)
      .onConflictDoUpdate({
        target: [contentDrafts.kind, contentDrafts.recordId],
        set: { zoneId, data: values.data, savedAt: now, savedBy: member.id },
      })
    await writeAudit(tx, { action: 'draft_saved', zoneId, staffId: member.id, at: now, kind, recordId: id })
  })
  return getConsoleRecord(deps, member, kind, id)
}

/** Drops the pending draft (the published record stays as it is). */
export const deleteDraft = async (
  deps: Pick<Deps, 'db' | 'clock'>,
  member: StaffIdentity,
  kind: ContentKind,
  id: string,
): Promise<void> => {
  const draft = await findDraft(deps.db, kind, id)
  if (!draft) throw new ApiError(404, 'not_found', '没有待发布的草稿')
  requireZone(member, draft.zoneId)
  await deps.db.transaction(async (tx) => {
    await tx.delete(contentDrafts).where(and(eq(contentDrafts.kind, kind), eq(contentDrafts.recordId, id)))
    await writeAudit(tx, { action: 'draft_deleted', zoneId: draft.zoneId, staffId: member.id, at: deps.clock(), kind, recordId: id })
  })
}
