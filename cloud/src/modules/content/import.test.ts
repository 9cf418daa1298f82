import { randomUUID } from 'node:crypto'
import { count, eq } from 'drizzle-orm'
import type { ContentBundle, Park } from '../../../../types/content'
import type { Database } from '../../db/client'
import {
  chains,
  contentMeta,
  contentRevisions,
  enterprises,
  parks,
  policies,
  serviceCommitments,
  signedProjects,
  spaces,
  zones,
} from '../../db/schema'
import { REAL_CONTENT_DIR, SETUP_TIMEOUT } from '../../../test-support/app'
import { copyContentDir } from '../../../test-support/content-dir'
import { createTestDatabase } from '../../../test-support/database'
import { ConsoleEditsError, hasContent, importContent, importIntoEmpty } from './import'
import { InvalidContentError, contentVersion, loadContent, type LoadedContent } from './load'

let database: Database
beforeAll(async () => {
  database = await createTestDatabase()
}, SETUP_TIMEOUT)
afterAll(() => database.close(), SETUP_TIMEOUT)

const tables = { zones, parks, spaces, enterprises, signedProjects, policies, chains, serviceCommitments }

/** What is in the database: row counts, version, and every record. */
const snapshot = async () => {
  const db = database.db
  const counts: Record<string, number> = {}
  for (const [name, table] of Object.entries(tables)) counts[name] = (await db.select({ n: count() }).from(table))[0].n
  const [meta] = await db.select().from(contentMeta)
  const rows = {
    parks: await db.select().from(parks).orderBy(parks.id),
    zones: await db.select().from(zones).orderBy(zones.id),
    enterprises: await db.select().from(enterprises).orderBy(enterprises.id),
  }
  return { counts, version: meta?.version, importedAt: meta?.importedAt, rows }
}

describe('content import', () => {
  let real: LoadedContent
  beforeAll(async () => {
    real = await loadContent(REAL_CONTENT_DIR)
  })

  it('imports into an empty database only once (start-up asks hasContent before reading the folder)', async () => {
    expect(await hasContent(database.db)).toBe(false)
    const first = await importIntoEmpty(database.db, real)
    expect(await hasContent(database.db)).toBe(true)
    expect(first).not.toBeNull()
    expect(first!.changed).toBe(true)
    expect(await importIntoEmpty(database.db, real)).toBeNull()
  })

  it('is idempotent: importing again gives the same counts and version, and only imported_at moves', async () => {
    const before = await snapshot()
    const again = await importContent(database.db, real, new Date(Date.now() + 60_000))
    const after = await snapshot()

    expect(again.changed).toBe(false)
    expect(again.version).toBe(before.version)
    expect(again.counts).toEqual({
      zones: real.bundle.zones.length,
      parks: real.bundle.parks.length,
      spaces: real.bundle.spaces.length,
      enterprises: real.bundle.enterprises.length,
      signedProjects: real.bundle.signedProjects.length,
      policies: real.bundle.policies.length,
      chains: real.bundle.chains.length,
      serviceCommitments: real.bundle.serviceCommitments.length,
    })
    expect(after.counts).toEqual(again.counts)
    expect(after.rows).toEqual(before.rows)
    expect(after.version).toBe(before.version)
    expect(after.importedAt!.getTime()).toBeGreaterThan(before.importedAt!.getTime())
  })

  it('stores the sort columns beside the record', async () => {
    const [jingde] = await database.db.select().from(parks).where(eq(parks.id, 'pingyuan-jingde'))
    const source = real.bundle.parks.find((park) => park.id === 'pingyuan-jingde')!
    expect(jingde).toMatchObject({ zoneId: 'pingyuan', featured: source.featured, sortOrder: source.order, data: source })
  })

  it('updates changed records, deletes removed ones and bumps the version', async () => {
    const copy = copyContentDir()
    try {
      // Remove one park that nothing references, and edit a zone.
      const referenced = new Set([
        ...real.bundle.enterprises.map((enterprise) => enterprise.parkId),
        ...real.bundle.signedProjects.map((project) => project.parkId),
        ...real.bundle.policies.flatMap((policy) => policy.parkIds),
      ])
      const removable = real.bundle.parks.find((park) => !referenced.has(park.id))!
      copy.edit('parks.json', (records) => {
        records.splice(
          records.findIndex((record) => record.id === removable.id),
          1,
        )
      })
      copy.edit('zones.json', (records) => {
        records[0].summary = `${String(records[0].summary)}（已更新）`
      })
      const changed = await loadContent(copy.dir)
      const result = await importContent(database.db, changed)
      expect(result.changed).toBe(true)
      expect(result.version).not.toBe(real.version)

      const after = await snapshot()
      expect(after.counts.parks).toBe(real.bundle.parks.length - 1)
      expect(after.rows.parks.map((row) => row.id)).not.toContain(removable.id)
      const zone = after.rows.zones.find((row) => row.id === changed.bundle.zones[0].id)!
      expect(zone.data.summary).toMatch(/（已更新）$/)
      expect(after.version).toBe(result.version)
    } finally {
      copy.remove()
    }
    // Back to the real content for the next tests.
    expect((await importContent(database.db, real)).version).toBe(real.version)
  })

  it('refuses invalid content before touching the database', async () => {
    const before = await snapshot()
    const copy = copyContentDir()
    try {
      copy.edit('parks.json', (records) => {
        records[0].zoneId = 'atlantis'
      })
      await expect(loadContent(copy.dir)).rejects.toBeInstanceOf(InvalidContentError)
    } finally {
      copy.remove()
    }
    expect(await snapshot()).toEqual(before)
  })

  it('leaves nothing half-imported when the database rejects part of an import', async () => {
    const before = await snapshot()
    // Skips the loader's checks: zones and parks would be written, then an enterprise breaks a foreign key.
    const broken: LoadedContent = {
      version: 'broken-version',
      bundle: {
        ...real.bundle,
        zones: real.bundle.zones.map((zone) => ({ ...zone, summary: `${zone.summary}（不应写入）` })),
        enterprises: [{ ...real.bundle.enterprises[0], parkId: 'no-such-park' }],
      },
    }
    await expect(importContent(database.db, broken)).rejects.toThrow()
    expect(await snapshot()).toEqual(before)
  })
})

describe('a folder speaks for the zones in its zones.json', () => {
  let real: LoadedContent
  beforeAll(async () => {
    real = await loadContent(REAL_CONTENT_DIR)
    await importContent(database.db, real)
  })

  /** A folder with only the given zones' records. */
  const folderOf = (zoneIds: string[], edit: (bundle: ContentBundle) => ContentBundle = (bundle) => bundle): LoadedContent => {
    const keep = <T extends { zoneId: string }>(records: T[]) => records.filter((record) => zoneIds.includes(record.zoneId))
    const bundle = edit({
      zones: real.bundle.zones.filter((zone) => zoneIds.includes(zone.id)),
      parks: keep(real.bundle.parks),
      spaces: keep(real.bundle.spaces),
      enterprises: keep(real.bundle.enterprises),
      signedProjects: keep(real.bundle.signedProjects),
      policies: keep(real.bundle.policies),
      chains: keep(real.bundle.chains),
      serviceCommitments: keep(real.bundle.serviceCommitments),
    })
    return { bundle, version: contentVersion(bundle) }
  }
  const newZone = (bundle: ContentBundle): ContentBundle => ({
    ...bundle,
    zones: [{ ...bundle.zones[0], id: 'lingcheng', name: '陵城经济开发区', shortName: '陵城', ticketPrefix: 'LC', order: 9 }],
    parks: [{ ...bundle.parks[0], id: 'lingcheng-first', zoneId: 'lingcheng', name: '陵城第一产业园' }],
    spaces: [],
    enterprises: [],
    signedProjects: [],
    policies: [],
    chains: [],
    serviceCommitments: [],
  })
  const revisionsOf = (recordId: string) => database.db.select().from(contentRevisions).where(eq(contentRevisions.recordId, recordId))

  it('creates a new zone and leaves the other zones alone', async () => {
    const before = await snapshot()
    const result = await importContent(database.db, folderOf(['qingyun'], newZone))
    expect(result.changes).toEqual({ added: 2, changed: 0, deleted: 0 })
    const after = await snapshot()
    expect(after.counts.zones).toBe(before.counts.zones + 1)
    expect(after.counts.parks).toBe(before.counts.parks + 1)
    expect(after.rows.enterprises).toEqual(before.rows.enterprises)
    // Each addition has its revision, by no one (the import).
    expect(await revisionsOf('lingcheng-first')).toEqual([
      expect.objectContaining({ action: 'import', staffId: null, changedFields: expect.arrayContaining(['name']) }),
    ])
  })

  it('deletes only records of its own zones that it no longer has, each with a revision', async () => {
    const before = await snapshot()
    const pingyuan = folderOf(['pingyuan'], (bundle) => ({
      ...bundle,
      parks: bundle.parks.filter((park) => park.id !== 'pingyuan-aviation'),
    }))
    const result = await importContent(database.db, pingyuan)
    expect(result.changes).toEqual({ added: 0, changed: 0, deleted: 1 })
    const after = await snapshot()
    expect(after.counts.parks).toBe(before.counts.parks - 1)
    expect(after.counts.zones).toBe(before.counts.zones)
    expect((await revisionsOf('pingyuan-aviation')).map((row) => row.action)).toEqual(['import', 'import_delete'])
    await importContent(database.db, folderOf(['pingyuan']))
  })

  it('refuses a ticket prefix or an id another zone has, naming both', async () => {
    const clash = folderOf(['qingyun'], (bundle) => ({ ...newZone(bundle), zones: [{ ...newZone(bundle).zones[0], ticketPrefix: 'PY' }] }))
    await expect(importContent(database.db, clash)).rejects.toThrow('工单前缀 "PY" 与开发区 pingyuan 重复（lingcheng 与 pingyuan）')
    const taken = folderOf(['qingyun'], (bundle) => ({
      ...newZone(bundle),
      parks: [{ ...newZone(bundle).parks[0], id: 'pingyuan-jingde' }],
    }))
    await expect(importContent(database.db, taken)).rejects.toThrow('id "pingyuan-jingde" 已被开发区 pingyuan 使用')
  })

  it('will not overwrite what zone staff published since the last import, unless told to', async () => {
    // A supervisor's publish, as the console writes it.
    const [row] = await database.db.select().from(parks).where(eq(parks.id, 'pingyuan-jingde'))
    const edited = {
      ...(row.data as Park),
      contact: { ...(row.data as Park).contact, phone: '0534-4221234' },
      updatedAt: new Date(Date.now() + 60_000).toISOString(),
    }
    await database.db.update(parks).set({ data: edited }).where(eq(parks.id, 'pingyuan-jingde'))
    await database.db.insert(contentRevisions).values({
      id: randomUUID(),
      kind: 'parks',
      recordId: 'pingyuan-jingde',
      zoneId: 'pingyuan',
      action: 'publish',
      at: new Date(Date.now() + 60_000),
      staffId: null,
      changedFields: ['contact'],
      diff: [],
      record: edited,
      restoredRevisionId: null,
    })
    const later = new Date(Date.now() + 120_000)
    await expect(importContent(database.db, folderOf(['pingyuan']), later)).rejects.toBeInstanceOf(ConsoleEditsError)
    const [kept] = await database.db.select().from(parks).where(eq(parks.id, 'pingyuan-jingde'))
    expect((kept.data as Park).contact.phone).toBe('0534-4221234')
    // Other zones' imports are not held up by it.
    await expect(importContent(database.db, folderOf(['yunhe']), later)).resolves.toBeDefined()

    const forced = await importContent(database.db, folderOf(['pingyuan']), new Date(Date.now() + 180_000), { overwriteConsoleEdits: true })
    expect(forced.changes.changed).toBe(1)
    const [restored] = await database.db.select().from(parks).where(eq(parks.id, 'pingyuan-jingde'))
    expect((restored.data as Park).contact.phone).toBe('not_provided')
  })
})
