import { asc, eq } from 'drizzle-orm'
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

  /** The responses for the current version and today's date (rebuilt lazily after midnight). */
  current(): ContentSnapshot {
    const now = this.clock().getTime()
    // Fast path for every content request: the same China day as the snapshot (a clock set back is checked too).
    if (this.snapshot && now >= this.dayStart && now < this.dayStart + DAY_MS) return this.snapshot
    const today = chinaDate(new Date(now))
    if (!this.snapshot || this.snapshot.today !== today) {
      this.snapshot = buildSnapshot(this.loaded.bundle, this.loaded.version, today)
    }
    this.dayStart = chinaDayStartMs(now)
    return this.snapshot
  }

  /**
   * Reads all content from the database and builds the responses before swapping them in, so a
   * failed reload keeps serving the previous content. Concurrent callers share one read.
   */
  reload(): Promise<void> {
    this.reloading ??= this.readAll()
      .then(async (loaded) => {
        const at = this.clock()
        const snapshot = await buildSnapshotAsync(loaded.bundle, loaded.version, chinaDate(at))
        this.loaded = loaded
        this.snapshot = snapshot
        this.dayStart = chinaDayStartMs(at.getTime())
      })
      .finally(() => {
        this.reloading = undefined
      })
    return this.reloading
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

  /** One repeatable-read transaction, so the rows and the version belong to the same import. */
  private readAll(): Promise<Loaded> {
    return this.db.transaction(
      async (tx) => {
        const [meta] = await tx.select({ version: contentMeta.version }).from(contentMeta).where(eq(contentMeta.id, 1))
        const data = async <T>(rows: Promise<{ data: T }[]>) => (await rows).map((row) => row.data)
        const raw = {
          zones: await data(tx.select({ data: zones.data }).from(zones).orderBy(asc(zones.position))),
          parks: await data(tx.select({ data: parks.data }).from(parks).orderBy(asc(parks.position))),
          spaces: await data(tx.select({ data: spaces.data }).from(spaces).orderBy(asc(spaces.position))),
          enterprises: await data(tx.select({ data: enterprises.data }).from(enterprises).orderBy(asc(enterprises.position))),
          signedProjects: await data(tx.select({ data: signedProjects.data }).from(signedProjects).orderBy(asc(signedProjects.position))),
          policies: await data(tx.select({ data: policies.data }).from(policies).orderBy(asc(policies.position))),
          chains: await data(tx.select({ data: chains.data }).from(chains).orderBy(asc(chains.position))),
          serviceCommitments: await data(
            tx.select({ data: serviceCommitments.data }).from(serviceCommitments).orderBy(asc(serviceCommitments.position)),
          ),
        }
        // Rows were validated on import; parsing again guards against data left by an older schema.
        return { version: meta?.version ?? EMPTY_VERSION, bundle: ContentBundle.parse(raw) }
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    )
  }
}

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
