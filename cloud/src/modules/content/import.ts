import { eq, getTableColumns, notInArray, sql } from 'drizzle-orm'
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core'
import { NOT_PROVIDED } from '../../../../types/vocabulary'
import type { ContentBundle } from '../../../../types/content'
import type { Db } from '../../db/client'
import { chains, contentMeta, enterprises, parks, policies, serviceCommitments, signedProjects, spaces, zones } from '../../db/schema'
import type { LoadedContent } from './load'

export type ContentCounts = { [K in keyof ContentBundle]: number }

export type ImportResult = {
  version: string
  /** False when the database already held this exact content. */
  changed: boolean
  counts: ContentCounts
  importedAt: Date
}

/** Arbitrary constant: serializes imports (and first-start auto-imports) between processes. */
const IMPORT_LOCK_KEY = 741_852_963_002

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
type ContentTable = PgTable & { id: PgColumn }

/** Insert new rows, overwrite existing ones (by id). Rows are checked against the table's columns. */
const upsert = async <T extends ContentTable>(tx: Tx, table: T, rows: T['$inferInsert'][]) => {
  if (rows.length === 0) return
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => key !== 'id')
  const set = Object.fromEntries(columns.map(([key, column]) => [key, sql.raw(`excluded."${column.name}"`)])) as PgUpdateSetSource<T>
  await tx.insert(table).values(rows).onConflictDoUpdate({ target: table.id, set })
}

/** Delete rows whose id is no longer in the files. */
const deleteOthers = async (tx: Tx, table: ContentTable, ids: string[]) => {
  await tx.delete(table).where(ids.length > 0 ? notInArray(table.id, ids) : undefined)
}

/**
 * Writes a validated bundle in one transaction: upsert by id, delete what the files no longer
 * have, record the version. Importing the same bundle again only refreshes imported_at.
 */
export const importContent = async (db: Db, content: LoadedContent, now = new Date()): Promise<ImportResult> =>
  (await writeContent(db, content, now, false))!

/**
 * Imports only into a database that never had content (returns null otherwise): several API
 * processes starting together on a fresh database import once.
 */
export const importIntoEmpty = (db: Db, content: LoadedContent, now = new Date()): Promise<ImportResult | null> =>
  writeContent(db, content, now, true)

const writeContent = async (
  db: Db,
  { bundle, version }: LoadedContent,
  importedAt: Date,
  onlyIfEmpty: boolean,
): Promise<ImportResult | null> =>
  db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`)
    const [previous] = await tx.select({ version: contentMeta.version }).from(contentMeta).where(eq(contentMeta.id, 1))
    if (onlyIfEmpty && previous) return null

    // Parents first on upsert, children first on delete, so foreign keys hold at every step.
    await upsert(
      tx,
      zones,
      bundle.zones.map((zone, position) => ({ id: zone.id, ticketPrefix: zone.ticketPrefix, sortOrder: zone.order, position, data: zone })),
    )
    await upsert(
      tx,
      parks,
      bundle.parks.map((park, position) => ({
        id: park.id,
        zoneId: park.zoneId,
        featured: park.featured,
        sortOrder: park.order,
        position,
        data: park,
      })),
    )
    await upsert(
      tx,
      spaces,
      bundle.spaces.map((space, position) => ({ id: space.id, zoneId: space.zoneId, parkId: space.parkId, position, data: space })),
    )
    await upsert(
      tx,
      enterprises,
      bundle.enterprises.map((enterprise, position) => ({
        id: enterprise.id,
        zoneId: enterprise.zoneId,
        parkId: enterprise.parkId,
        position,
        data: enterprise,
      })),
    )
    await upsert(
      tx,
      signedProjects,
      bundle.signedProjects.map((project, position) => ({
        id: project.id,
        zoneId: project.zoneId,
        parkId: project.parkId,
        rank: project.rank,
        position,
        data: project,
      })),
    )
    await upsert(
      tx,
      policies,
      bundle.policies.map((policy, position) => ({
        id: policy.id,
        zoneId: policy.zoneId,
        parkIds: policy.parkIds,
        validTo: policy.validTo === NOT_PROVIDED ? null : policy.validTo,
        position,
        data: policy,
      })),
    )
    await upsert(
      tx,
      chains,
      bundle.chains.map((chain, position) => ({ id: chain.id, zoneId: chain.zoneId, position, data: chain })),
    )
    await upsert(
      tx,
      serviceCommitments,
      bundle.serviceCommitments.map((commitment, position) => ({
        id: commitment.id,
        zoneId: commitment.zoneId,
        position,
        data: commitment,
      })),
    )

    const ids = <T extends { id: string }>(records: T[]) => records.map((record) => record.id)
    await deleteOthers(tx, serviceCommitments, ids(bundle.serviceCommitments))
    await deleteOthers(tx, chains, ids(bundle.chains))
    await deleteOthers(tx, policies, ids(bundle.policies))
    await deleteOthers(tx, signedProjects, ids(bundle.signedProjects))
    await deleteOthers(tx, enterprises, ids(bundle.enterprises))
    await deleteOthers(tx, spaces, ids(bundle.spaces))
    await deleteOthers(tx, parks, ids(bundle.parks))
    await deleteOthers(tx, zones, ids(bundle.zones))

    await tx
      .insert(contentMeta)
      .values({ id: 1, version, importedAt })
      .onConflictDoUpdate({ target: contentMeta.id, set: { version, importedAt } })

    return {
      version,
      changed: previous?.version !== version,
      counts: countsOf(bundle),
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
