import { eq, getTableColumns, sql } from 'drizzle-orm'
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core'
import { BUNDLE_KEY_OF_KIND, type ContentKind, type ContentRecord } from '../../../../types/console'
import type {
  Chain,
  ContentBundle,
  Enterprise,
  Park,
  Policy,
  ServiceCommitment,
  SignedProject,
  Space,
  Zone,
} from '../../../../types/content'
import { NOT_PROVIDED } from '../../../../types/vocabulary'
import type { Db, Tx } from '../../db/client'
import { chains, enterprises, parks, policies, serviceCommitments, signedProjects, spaces, zones } from '../../db/schema'

// Where each kind of content is stored, and the columns kept beside the record (`data`): one place for
// content import and the console's publish and revert.

export const TABLE_OF_KIND = {
  zones,
  parks,
  spaces,
  policies,
  enterprises,
  projects: signedProjects,
  chains,
  commitments: serviceCommitments,
} as const satisfies Record<ContentKind, PgTable & { id: PgColumn; position: PgColumn }>

export type BundleKey = keyof ContentBundle
export const KIND_OF_BUNDLE_KEY = Object.fromEntries(Object.entries(BUNDLE_KEY_OF_KIND).map(([kind, key]) => [key, kind])) as Record<
  BundleKey,
  ContentKind
>

/** The zone a record belongs to: a zone is its own. */
export const zoneOfRecord = (kind: ContentKind, record: ContentRecord): string =>
  kind === 'zones' ? record.id : (record as Exclude<ContentRecord, Zone>).zoneId

/** The row of a record: its columns and `data`; `position` keeps the editorial order. */
export const rowOf = (kind: ContentKind, record: ContentRecord, position: number): Record<string, unknown> => {
  switch (kind) {
    case 'zones': {
      const zone = record as Zone
      return { id: zone.id, ticketPrefix: zone.ticketPrefix, sortOrder: zone.order, position, data: zone }
    }
    case 'parks': {
      const park = record as Park
      return { id: park.id, zoneId: park.zoneId, featured: park.featured, sortOrder: park.order, position, data: park }
    }
    case 'spaces':
    case 'enterprises': {
      const inPark = record as Space | Enterprise
      return { id: inPark.id, zoneId: inPark.zoneId, parkId: inPark.parkId, position, data: inPark }
    }
    case 'projects': {
      const project = record as SignedProject
      return { id: project.id, zoneId: project.zoneId, parkId: project.parkId, rank: project.rank, position, data: project }
    }
    case 'policies': {
      const policy = record as Policy
      const validTo = policy.validTo === NOT_PROVIDED ? null : policy.validTo
      return { id: policy.id, zoneId: policy.zoneId, parkIds: policy.parkIds, validTo, position, data: policy }
    }
    case 'chains':
    case 'commitments': {
      const other = record as Chain | ServiceCommitment
      return { id: other.id, zoneId: other.zoneId, position, data: other }
    }
  }
}

type Writer = Db | Tx

/** Insert new rows, overwrite existing ones (by id). */
export const upsertRows = async (tx: Writer, kind: ContentKind, rows: Record<string, unknown>[]): Promise<void> => {
  if (rows.length === 0) return
  const table = TABLE_OF_KIND[kind] as PgTable & { id: PgColumn }
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => key !== 'id')
  const set = Object.fromEntries(columns.map(([key, column]) => [key, sql.raw(`excluded."${column.name}"`)])) as PgUpdateSetSource<
    typeof table
  >
  await tx
    .insert(table)
    .values(rows as never)
    .onConflictDoUpdate({ target: table.id, set })
}

/** The published record and its row's zone (null: no such record), read in the caller's transaction. */
export const readPublished = async (
  tx: Writer,
  kind: ContentKind,
  id: string,
): Promise<{ record: ContentRecord; position: number } | null> => {
  const table = TABLE_OF_KIND[kind]
  const [row] = await tx
    .select({ data: table.data, position: table.position })
    .from(table as PgTable)
    .where(eq(table.id, id))
  return row ? { record: row.data as ContentRecord, position: row.position } : null
}

/** The position a new record of this kind takes: after the others. */
export const nextPosition = async (tx: Writer, kind: ContentKind): Promise<number> => {
  const table = TABLE_OF_KIND[kind]
  const [row] = await tx.select({ max: sql<number | null>`max(${table.position})` }).from(table as PgTable)
  return (row?.max ?? -1) + 1
}
