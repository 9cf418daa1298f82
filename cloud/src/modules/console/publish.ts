import { randomBytes, randomUUID } from 'node:crypto'
import { and, desc, eq, sql } from 'drizzle-orm'
import type { ContentKind, ContentRecord, PublishResult, Revision } from '../../../../types/console'
import type { Db, Tx } from '../../db/client'
import { contentDrafts, contentMeta, contentRevisions, REVISION_ACTIONS, staff } from '../../db/schema'
import type { Deps } from '../../deps'
import { ApiError, notFound } from '../../http/errors'
import type { StaffIdentity } from '../auth/identity'
import { diffRecords } from '../content/diff'
import { CONTENT_WRITE_LOCK_KEY } from '../content/import'
import { nextPosition, readPublished, rowOf, upsertRows, zoneOfRecord } from '../content/tables'
import { seedCannedReplies } from '../staff/canned-replies'
import { requirePublisher } from './access'
import { writeAudit } from './audit'
import { findDraft, getConsoleRecord } from './drafts'
import { validateRecord } from './validate'

type RevisionRow = typeof contentRevisions.$inferSelect

/** A new content version: every API process sees it on its next check and reloads. */
export const bumpVersion = async (tx: Tx, now: Date): Promise<string> => {
  const version = randomBytes(8).toString('hex')
  await tx.insert(contentMeta).values({ id: 1, version, importedAt: now }).onConflictDoUpdate({ target: contentMeta.id, set: { version } })
  return version
}

/** Appends a revision of one record: the change as fields and a readable diff. */
export const writeRevision = async (
  tx: Db | Tx,
  entry: {
    kind: ContentKind
    recordId: string
    zoneId: string
    action: (typeof REVISION_ACTIONS)[number]
    at: Date
    staffId: string | null
    before: ContentRecord | null
    after: ContentRecord | null
    restoredRevisionId?: string
  },
): Promise<RevisionRow> => {
  const { changedFields, diff } = diffRecords(
    entry.before as unknown as Record<string, unknown> | null,
    entry.after as unknown as Record<string, unknown> | null,
  )
  const row: RevisionRow = {
    id: randomUUID(),
    kind: entry.kind,
    recordId: entry.recordId,
    zoneId: entry.zoneId,
    action: entry.action,
    at: entry.at,
    staffId: entry.staffId,
    changedFields,
    diff,
    record: entry.after as unknown as Record<string, unknown> | null,
    restoredRevisionId: entry.restoredRevisionId ?? null,
  }
  await tx.insert(contentRevisions).values(row)
  return row
}

export const toRevision = (row: RevisionRow, names: ReadonlyMap<string, string>): Revision => ({
  id: row.id,
  kind: row.kind,
  recordId: row.recordId,
  zoneId: row.zoneId,
  action: row.action,
  at: row.at.toISOString(),
  by: row.staffId ? { id: row.staffId, displayName: names.get(row.staffId) ?? '' } : null,
  changedFields: row.changedFields,
  diff: row.diff,
  record: row.record,
  restoredRevisionId: row.restoredRevisionId,
})

const namesOf = async (db: Db | Tx, ids: (string | null)[]): Promise<Map<string, string>> => {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))]
  const names = new Map<string, string>()
  for (const id of wanted) {
    const [row] = await db.select({ displayName: staff.displayName }).from(staff).where(eq(staff.id, id))
    if (row) names.set(id, row.displayName)
  }
  return names
}

/** A record's revisions, newest first (staff of its zone). */
export const listRevisions = async (deps: Pick<Deps, 'db'>, member: StaffIdentity, kind: ContentKind, id: string): Promise<Revision[]> => {
  const rows = await deps.db
    .select()
    .from(contentRevisions)
    .where(and(eq(contentRevisions.kind, kind), eq(contentRevisions.recordId, id)))
    .orderBy(desc(contentRevisions.at), desc(contentRevisions.id))
    .limit(200)
  const published = await readPublished(deps.db, kind, id)
  const zoneId = published ? zoneOfRecord(kind, published.record) : rows[0]?.zoneId
  if (!zoneId) throw notFound('没有找到这条内容')
  if (member.role !== 'admin' && member.zoneId !== zoneId) throw notFound('没有找到这条内容')
  const names = await namesOf(
    deps.db,
    rows.map((row) => row.staffId),
  )
  return rows.map((row) => toRevision(row, names))
}

const contentChanged = () => new ApiError(409, 'content_changed', '内容刚被其他人更新，请刷新后重试')

/**
 * Writes a record as published, in one transaction serialized with other publishes and imports:
 * the row, a revision (who, when, the diff), a new content version, the audit entry; the draft goes.
 * The record is validated against the content this process serves, which must be the latest.
 */
const writePublished = async (
  deps: Pick<Deps, 'db' | 'content' | 'clock' | 'tokens'>,
  member: StaffIdentity,
  kind: ContentKind,
  id: string,
  build: (
    tx: Tx,
    published: ContentRecord | null,
  ) => Promise<{ record: ContentRecord; action: 'publish' | 'revert'; restoredRevisionId?: string }>,
): Promise<PublishResult> => {
  await deps.content.checkForUpdate()
  const servedVersion = deps.content.version
  const now = deps.clock()
  const { revision, version } = await deps.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CONTENT_WRITE_LOCK_KEY})`)
    const [meta] = await tx.select({ version: contentMeta.version }).from(contentMeta).where(eq(contentMeta.id, 1))
    if ((meta?.version ?? servedVersion) !== servedVersion) throw contentChanged()
    const existing = await readPublished(tx, kind, id)
    const { record: built, action, restoredRevisionId } = await build(tx, existing?.record ?? null)
    const zoneId = zoneOfRecord(kind, built)
    requirePublisher(member, zoneId)
    const record = { ...built, updatedAt: now.toISOString() } as ContentRecord
    const position = existing?.position ?? (await nextPosition(tx, kind))
    await upsertRows(tx, kind, [rowOf(kind, record, position)])
    const revision = await writeRevision(tx, {
      kind,
      recordId: id,
      zoneId,
      action,
      at: now,
      staffId: member.id,
      before: existing?.record ?? null,
      after: record,
      restoredRevisionId,
    })
    await tx.delete(contentDrafts).where(and(eq(contentDrafts.kind, kind), eq(contentDrafts.recordId, id)))
    await writeAudit(tx, {
      action: action === 'publish' ? 'published' : 'reverted',
      zoneId,
      staffId: member.id,
      at: now,
      kind,
      recordId: id,
      detail: { revisionId: revision.id, changedFields: revision.changedFields, ...(restoredRevisionId ? { restoredRevisionId } : {}) },
    })
    return { revision, version: await bumpVersion(tx, now) }
  })
  // This process serves the change at once; the others on their next version check.
  await deps.content.reload()
  // A new zone starts with the plain canned replies every zone has.
  if (kind === 'zones') await seedCannedReplies(deps.db, [id], now)
  const names = new Map([[member.id, member.displayName]])
  return { record: await getConsoleRecord(deps, member, kind, id), revision: toRevision(revision, names), version }
}

/** Publishes the pending draft (supervisors and admins of the zone). */
export const publishDraft = (deps: Pick<Deps, 'db' | 'content' | 'clock' | 'tokens'>, member: StaffIdentity, kind: ContentKind, id: string) =>
  writePublished(deps, member, kind, id, async (tx, published) => {
    const draft = await findDraft(tx, kind, id)
    if (!draft) throw new ApiError(409, 'no_draft', '没有待发布的草稿，请先保存修改')
    requirePublisher(member, draft.zoneId)
    return { record: validateRecord(kind, id, draft.data, published, deps.content.bundle), action: 'publish' }
  })

/** Publishes an earlier revision's record again (supervisors and admins of the zone). */
export const revertTo = (
  deps: Pick<Deps, 'db' | 'content' | 'clock' | 'tokens'>,
  member: StaffIdentity,
  kind: ContentKind,
  id: string,
  revisionId: string,
) =>
  writePublished(deps, member, kind, id, async (tx, published) => {
    const [revision] = await tx
      .select()
      .from(contentRevisions)
      .where(and(eq(contentRevisions.id, revisionId), eq(contentRevisions.kind, kind), eq(contentRevisions.recordId, id)))
    if (!revision) throw notFound('没有找到这个版本')
    requirePublisher(member, revision.zoneId)
    if (!revision.record) throw new ApiError(409, 'revision_deleted', '这个版本是删除记录，不能恢复')
    return {
      record: validateRecord(kind, id, revision.record, published, deps.content.bundle),
      action: 'revert',
      restoredRevisionId: revision.id,
    }
  })
