import { asc, eq, sql } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import type { z } from 'zod'
import { chinaDate, chinaDayStartMs, DAY_MS } from '../../../../types/china-time'
import { ContentBundle } from '../../../../types/content'
import { systemClock, type Clock } from '../../clock'
import type { Db } from '../../db/client'
import { chains, contentMeta, enterprises, parks, policies, serviceCommitments, signedProjects, spaces, zones } from '../../db/schema'
import { buildSnapshot, buildSnapshotAsync, type ContentSnapshot } from './snapshot'

/** Version reported before anything was imported. */
export const EMPTY_VERSION = 'empty'

type Loaded = { version: string; bundle: ContentBundle }

type Logger = { warn(object: object, message: string): void; info(object: object, message: string): void }

/**
 * Content served from memory. Loaded from the database once, rebuilt into response snapshots per
 * version and day. Other processes' imports are noticed by polling content_meta.version: one tiny
 * query per interval, never per request.
 */
export class ContentStore {
  private loaded: Loaded = { version: EMPTY_VERSION, bundle: emptyBundle() }
  private snapshot: ContentSnapshot | undefined
  /** Start (ms) of the China day the snapshot was built for. */
  private dayStart = Number.NEGATIVE_INFINITY
  private reloading: Promise<void> | undefined
  private building: Promise<void> | undefined
  private timer: NodeJS.Timeout | undefined

  constructor(
    private readonly db: Db,
    private readonly clock: Clock = systemClock,
    private readonly log?: Logger,
  ) {}

  get version(): string {
    return this.loaded.version
  }

  /** The records themselves, for computations over them (policy matching). */
  get bundle(): ContentBundle {
    return this.loaded.bundle
  }

  /**
   * The responses for the current version and today's date. After midnight (China time) the previous
   * day's responses are served while the new day's are built in steps; only the very first call builds
   * at once (before the API listens).
   */
  current(): ContentSnapshot {
    const now = this.clock().getTime()
    // Fast path for every content request: the same China day as the snapshot (a clock set back is checked too).
    if (this.snapshot && now >= this.dayStart && now < this.dayStart + DAY_MS) return this.snapshot
    const today = chinaDate(new Date(now))
    if (!this.snapshot) {
      this.snapshot = buildSnapshot(this.loaded.bundle, this.loaded.version, today)
    } else if (this.snapshot.today !== today) {
      this.rebuildFor(today, now)
      return this.snapshot
    }
    this.dayStart = chinaDayStartMs(now)
    return this.snapshot
  }

  /** Resolves once no reload or new-day build is under way (tests, and a clean shutdown). */
  async settled(): Promise<void> {
    while (this.reloading || this.building) await (this.reloading ?? this.building)
  }

  private rebuildFor(today: string, now: number): void {
    // A reload under way builds for the day it ends on.
    if (this.building || this.reloading) return
    const { bundle, version } = this.loaded
    this.building = buildSnapshotAsync(bundle, version, today)
      .then((snapshot) => {
        if (this.loaded.version !== version) return
        this.snapshot = snapshot
        this.dayStart = chinaDayStartMs(now)
      })
      .catch((error: unknown) => this.log?.warn({ err: error }, 'building the new day failed'))
      .finally(() => {
        this.building = undefined
      })
  }

  /**
   * The first load, before the API listens: nobody waits on the event loop yet, so each table is read
   * in one statement and the responses are built without yielding.
   */
  load(): Promise<void> {
    return this.readAndSwap({ inSteps: false })
  }

  /**
   * Reads all content from the database and builds the responses before swapping them in, so a
   * failed reload keeps serving the previous content. Concurrent callers share one read.
   */
  reload(): Promise<void> {
    this.reloading ??= this.readAndSwap({ inSteps: true }).finally(() => {
      this.reloading = undefined
    })
    return this.reloading
  }

  /** Reads, parses and builds, then swaps the new version in; `inSteps` lets requests in between. */
  private async readAndSwap({ inSteps }: { inSteps: boolean }): Promise<void> {
    const { version, raw } = await this.readAll(inSteps ? READ_PAGE : Number.POSITIVE_INFINITY)
    const bundle = await parseInSteps(raw, inSteps ? PARSE_SLICE_MS : Number.POSITIVE_INFINITY)
    const at = this.clock()
    const today = chinaDate(at)
    const snapshot = inSteps ? await buildSnapshotAsync(bundle, version, today) : buildSnapshot(bundle, version, today)
    this.loaded = { version, bundle }
    this.snapshot = snapshot
    this.dayStart = chinaDayStartMs(at.getTime())
  }

  /** Reloads when another process imported a different version. Returns whether it did. */
  async checkForUpdate(): Promise<boolean> {
    const [meta] = await this.db.select({ version: contentMeta.version }).from(contentMeta).where(eq(contentMeta.id, 1))
    if ((meta?.version ?? EMPTY_VERSION) === this.loaded.version) return false
    await this.reload()
    this.log?.info({ version: this.loaded.version }, 'content reloaded')
    return true
  }

  startPolling(intervalMs: number): void {
    this.stopPolling()
    if (intervalMs <= 0) return
    this.timer = setInterval(() => {
      this.checkForUpdate().catch((error: unknown) => this.log?.warn({ err: error }, 'content version check failed'))
    }, intervalMs)
    this.timer.unref()
  }

  stopPolling(): void {
    clearInterval(this.timer)
    this.timer = undefined
  }

  /**
   * One repeatable-read transaction, so the rows and the version belong to the same import; each table
   * read in pages of `pageSize` rows, so a large bundle need not arrive (and be decoded) in one piece.
   */
  private readAll(pageSize: number): Promise<{ version: string; raw: Record<keyof ContentBundle, unknown[]> }> {
    return this.db.transaction(
      async (tx) => {
        const [meta] = await tx.select({ version: contentMeta.version }).from(contentMeta).where(eq(contentMeta.id, 1))
        const raw = {} as Record<keyof ContentBundle, unknown[]>
        for (const [key, table] of Object.entries(TABLES) as [keyof ContentBundle, (typeof TABLES)[keyof ContentBundle]][]) {
          raw[key] = []
          for (let after: { position: number; id: string } | null = null; ;) {
            const query = tx
              .select({ data: table.data, position: table.position, id: table.id })
              .from(table as PgTable)
              .where(after ? sql`(${table.position}, ${table.id}) > (${after.position}, ${after.id})` : undefined)
              .orderBy(asc(table.position), asc(table.id))
              .$dynamic()
            const rows: { data: unknown; position: number; id: string }[] = await (Number.isFinite(pageSize)
              ? query.limit(pageSize)
              : query)
            for (const row of rows) raw[key].push(row.data)
            if (rows.length < pageSize) break
            // Query results can arrive as resolved promises only: let timers and I/O in between pages.
            await nextTurn()
            after = rows[rows.length - 1]
          }
        }
        return { version: meta?.version ?? EMPTY_VERSION, raw }
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    )
  }
}

/** Rows per read of a content table. */
const READ_PAGE = 250

const TABLES = {
  zones,
  parks,
  spaces,
  enterprises,
  signedProjects,
  policies,
  chains,
  serviceCommitments,
} satisfies Record<keyof ContentBundle, unknown>

const emptyBundle = (): ContentBundle => ({
  zones: [],
  parks: [],
  spaces: [],
  enterprises: [],
  signedProjects: [],
  policies: [],
  chains: [],
  serviceCommitments: [],
})

/** Longest stretch of parsing between two event-loop turns. */
const PARSE_SLICE_MS = 10
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Rows were validated on import; parsing again guards against data left by an older schema. In steps,
 * so requests keep being answered while a large bundle is read.
 */
const parseInSteps = async (raw: Record<keyof ContentBundle, unknown[]>, sliceMs: number): Promise<ContentBundle> => {
  const bundle = emptyBundle()
  let sliceStart = performance.now()
  for (const key of Object.keys(bundle) as (keyof ContentBundle)[]) {
    const schema = ContentBundle.shape[key].element as z.ZodType<ContentBundle[typeof key][number]>
    const records = bundle[key] as unknown[]
    for (const item of raw[key]) {
      records.push(schema.parse(item))
      if (performance.now() - sliceStart > sliceMs) {
        await nextTurn()
        sliceStart = performance.now()
      }
    }
  }
  return bundle
}
