import { createHash, randomUUID } from 'node:crypto'
import { and, eq, gt, inArray, notInArray, sql } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import { BUNDLE_KEY_OF_KIND, type ContentKind, type ContentRecord } from '../../../../types/console'
import type { ContentBundle } from '../../../../types/content'
import { CONTENT_KINDS } from '../../../../types/vocabulary'
import type { Db, Tx } from '../../db/client'
import { contentMeta, contentRevisions, staff, zones } from '../../db/schema'
import { canonicalJson, diffRecords } from './diff'
import { InvalidContentError, type ContentProblem, type LoadedContent } from './load'
import { CONTENT_FILES } from './rules'
import { TABLE_OF_KIND, rowOf, upsertRows } from './tables'

export type ContentCounts = { [K in keyof ContentBundle]: number }

export type ImportResult = {
  version: string
  /** False when the database already held this exact content. */
  changed: boolean
  counts: ContentCounts
  /** Records added, changed and deleted (each with its revision). */
  changes: { added: number; changed: number; deleted: number }
  importedAt: Date
}

/** Arbitrary constant: serializes imports, first-start auto-imports and console publishes between processes. */
export const CONTENT_WRITE_LOCK_KEY = 741_852_963_002

/** Parents first on upsert (children first on delete), so foreign keys hold at every step. */
const WRITE_ORDER: readonly ContentKind[] = ['zones', 'parks', 'spaces', 'enterprises', 'projects', 'policies', 'chains', 'commitments']

export type ImportOptions = {
  /** Overwrite (or delete) records zone staff published from the console since the last import. */
  overwriteConsoleEdits?: boolean
}

/** Records published from the console since the last import that this import would overwrite or delete. */
export class ConsoleEditsError extends Error {
  override name = 'ConsoleEditsError'
  constructor(readonly records: { kind: ContentKind; id: string; at: Date; by: string | null }[]) {
    super(
      `以下内容在上次导入之后由开发区在控制台发布过，导入会覆盖或删除它们 / these records were published from the console since the last import:\n` +
        records
          .map((record) => `  ${record.kind}/${record.id}（${record.at.toISOString()}${record.by ? `，${record.by}` : ''}）`)
          .join('\n') +
        '\n确认用文件内容覆盖时加 --overwrite-console-edits / add --overwrite-console-edits to overwrite them',
    )
  }
}

/**
 * Writes a validated folder in one transaction. A folder speaks for the zones in its zones.json:
 * their records are upserted by id, and their records missing from the folder are deleted; other
 * zones are left alone. Every addition, change and deletion gets a revision (by no one: the import).
 * Importing the same content again writes nothing and only refreshes imported_at.
 */
export const importContent = async (db: Db, content: LoadedContent, now = new Date(), options: ImportOptions = {}): Promise<ImportResult> =>
  (await writeContent(db, content, now, false, options))!

/**
 * Imports only into a database that never had content (returns null otherwise): several API
 * processes starting together on a fresh database import once.
 */
export const importIntoEmpty = (db: Db, content: LoadedContent, now = new Date()): Promise<ImportResult | null> =>
  writeContent(db, content, now, true, {})

/**
 * Whether the database has had content imported. Checked before reading the content folder at
 * start-up: reading and validating a province's folder takes longer than the rest of the start.
 */
export const hasContent = async (db: Db): Promise<boolean> =>
  (await db.select({ id: contentMeta.id }).from(contentMeta).where(eq(contentMeta.id, 1))).length > 0

type Existing = Map<string, { zoneId: string; data: ContentRecord; position: number }>

const zoneColumn = (kind: ContentKind): PgColumn => {
  const table = TABLE_OF_KIND[kind]
  return kind === 'zones' ? table.id : (table as typeof TABLE_OF_KIND.parks).zoneId
}

/** Every row of a kind with its zone, keyed by id. */
const readExisting = async (tx: Tx, kind: ContentKind): Promise<Existing> => {
  const table = TABLE_OF_KIND[kind]
  const rows = await tx
    .select({ id: table.id, zoneId: zoneColumn(kind), data: table.data, position: table.position })
    .from(table as PgTable)
  return new Map(
    rows.map((row) => [
      row.id as string,
      { zoneId: row.zoneId as string, data: row.data as ContentRecord, position: row.position as number },
    ]),
  )
}

const writeContent = async (
  db: Db,
  { bundle, version: folderVersion }: LoadedContent,
  importedAt: Date,
  onlyIfEmpty: boolean,
  options: ImportOptions,
): Promise<ImportResult | null> =>
  db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CONTENT_WRITE_LOCK_KEY})`)
    const [previous] = await tx.select().from(contentMeta).where(eq(contentMeta.id, 1))
    if (onlyIfEmpty && previous) return null

    const folderZones = new Set(bundle.zones.map((zone) => zone.id))
    // One after another: a transaction is one connection, and node-postgres refuses overlapping queries on it.
    const existing = {} as Record<ContentKind, Existing>
    for (const kind of CONTENT_KINDS) existing[kind] = await readExisting(tx, kind)

    // The folder must fit the zones it does not speak for: no id of theirs, no ticket prefix of theirs.
    const problems: ContentProblem[] = []
    for (const kind of CONTENT_KINDS) {
      const key = BUNDLE_KEY_OF_KIND[kind]
      ;(bundle[key] as ContentRecord[]).forEach((record, index) => {
        const owner = existing[kind].get(record.id)?.zoneId
        if (owner !== undefined && !folderZones.has(owner)) {
          problems.push({ file: CONTENT_FILES[key], path: `[${index}].id`, message: `id "${record.id}" 已被开发区 ${owner} 使用` })
        }
      })
    }
    const otherPrefixes = await tx
      .select({ id: zones.id, ticketPrefix: zones.ticketPrefix })
      .from(zones)
      .where(bundle.zones.length ? notInArray(zones.id, [...folderZones]) : undefined)
    bundle.zones.forEach((zone, index) => {
      const clash = otherPrefixes.find((other) => other.ticketPrefix === zone.ticketPrefix)
      if (clash) {
        problems.push({
          file: CONTENT_FILES.zones,
          path: `[${index}].ticketPrefix`,
          message: `工单前缀 "${zone.ticketPrefix}" 与开发区 ${clash.id} 重复（${zone.id} 与 ${clash.id}）`,
        })
      }
    })
    if (problems.length > 0) throw new InvalidContentError('(database)', problems)

    // What changes: new and changed records of the folder, and its zones' records it no longer has.
    type Change = {
      kind: ContentKind
      id: string
      zoneId: string
      before: ContentRecord | null
      after: ContentRecord | null
      position: number
    }
    const changes: Change[] = []
    for (const kind of CONTENT_KINDS) {
      const records = bundle[BUNDLE_KEY_OF_KIND[kind]] as ContentRecord[]
      const inFolder = new Set<string>()
      records.forEach((record, position) => {
        inFolder.add(record.id)
        const before = existing[kind].get(record.id)
        const zoneId = kind === 'zones' ? record.id : (record as { zoneId: string }).zoneId
        if (!before || canonicalJson(before.data) !== canonicalJson(record) || before.position !== position) {
          changes.push({ kind, id: record.id, zoneId, before: before?.data ?? null, after: record, position })
        }
      })
      for (const [id, row] of existing[kind]) {
        if (folderZones.has(row.zoneId) && !inFolder.has(id))
          changes.push({ kind, id, zoneId: row.zoneId, before: row.data, after: null, position: row.position })
      }
    }
    const dataChanges = changes.filter((change) => canonicalJson(change.before) !== canonicalJson(change.after))

    // Records zone staff published since the last import are theirs unless the operator says otherwise.
    if (previous && !options.overwriteConsoleEdits && dataChanges.length > 0) {
      const edited = await tx
        .select({ kind: contentRevisions.kind, id: contentRevisions.recordId, at: contentRevisions.at, by: staff.displayName })
        .from(contentRevisions)
        .leftJoin(staff, eq(staff.id, contentRevisions.staffId))
        .where(
          and(
            inArray(contentRevisions.action, ['publish', 'revert']),
            gt(contentRevisions.at, previous.importedAt),
            inArray(contentRevisions.zoneId, [...folderZones]),
          ),
        )
      const touched = new Set(dataChanges.map((change) => `${change.kind}/${change.id}`))
      const clashes = edited.filter((row) => touched.has(`${row.kind}/${row.id}`))
      if (clashes.length > 0) throw new ConsoleEditsError(clashes)
    }

    for (const kind of WRITE_ORDER) {
      const rows = changes
        .filter((change) => change.kind === kind && change.after)
        .map((change) => rowOf(kind, change.after!, change.position))
      for (let start = 0; start < rows.length; start += 500) await upsertRows(tx, kind, rows.slice(start, start + 500))
    }
    for (const kind of [...WRITE_ORDER].reverse()) {
      const gone = changes.filter((change) => change.kind === kind && !change.after).map((change) => change.id)
      const table = TABLE_OF_KIND[kind]
      for (let start = 0; start < gone.length; start += 500)
        await tx.delete(table as PgTable).where(inArray(table.id, gone.slice(start, start + 500)))
    }
    const revisions = dataChanges.map((change) => ({
      id: randomUUID(),
      kind: change.kind,
      recordId: change.id,
      zoneId: change.zoneId,
      action: change.after ? ('import' as const) : ('import_delete' as const),
      at: importedAt,
      staffId: null,
      ...diffRecords(change.before as unknown as Record<string, unknown> | null, change.after as unknown as Record<string, unknown> | null),
      record: change.after as unknown as Record<string, unknown> | null,
      restoredRevisionId: null,
    }))
    for (let start = 0; start < revisions.length; start += 500)
      await tx.insert(contentRevisions).values(revisions.slice(start, start + 500))

    // The version names the whole content: the folder's when it is all there is, else derived from both.
    const others = await tx
      .select({ id: zones.id })
      .from(zones)
      .where(bundle.zones.length ? notInArray(zones.id, [...folderZones]) : undefined)
    const version =
      changes.length === 0 && previous
        ? previous.version
        : others.length === 0
          ? folderVersion
          : createHash('sha256')
              .update(`${previous?.version ?? ''}:${folderVersion}`)
              .digest('hex')
              .slice(0, 16)
    await tx
      .insert(contentMeta)
      .values({ id: 1, version, importedAt })
      .onConflictDoUpdate({ target: contentMeta.id, set: { version, importedAt } })

    return {
      version,
      changed: previous?.version !== version,
      counts: countsOf(bundle),
      changes: {
        added: dataChanges.filter((change) => !change.before).length,
        changed: dataChanges.filter((change) => change.before && change.after).length,
        deleted: dataChanges.filter((change) => !change.after).length,
      },
      importedAt,
    }
  })

export const countsOf = (bundle: ContentBundle): ContentCounts => ({
  zones: bundle.zones.length,
  parks: bundle.parks.length,
  spaces: bundle.spaces.length,
  enterprises: bundle.enterprises.length,
  signedProjects: bundle.signedProjects.length,
  policies: bundle.policies.length,
  chains: bundle.chains.length,
  serviceCommitments: bundle.serviceCommitments.length,
})
