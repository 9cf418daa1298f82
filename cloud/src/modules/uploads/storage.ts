import fs from 'node:fs/promises'
import path from 'node:path'
import type { S3Settings } from '../../config'
import { amzDate, sha256Hex, signV4, uriEncode } from './sigv4'

/** Where photo bytes live; the uploads table holds who owns them and what they are. */
export interface UploadStorage {
  readonly kind: string
  put(id: string, bytes: Buffer): Promise<void>
  /** null when the bytes are gone. */
  get(id: string): Promise<Buffer | null>
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/**
 * Files under DATA_DIR/uploads named by their random uuid (no user-chosen names reach the disk).
 * Written to a temp file and renamed, so a reader never sees half a photo.
 */
export class LocalUploadStorage implements UploadStorage {
  readonly kind = 'local'

  constructor(private readonly dir: string) {}

  private pathOf(id: string): string {
    if (!UUID.test(id)) throw new Error('upload ids are uuids')
    return path.join(this.dir, id.slice(0, 2), id)
  }

  async put(id: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(id)
    await fs.mkdir(path.dirname(target), { recursive: true })
    const temp = `${target}.${process.pid}.tmp`
    await fs.writeFile(temp, bytes, { flag: 'wx' })
    await fs.rename(temp, target)
  }

  async get(id: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.pathOf(id))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }
}

/** Calls to the object store are bounded like every other outgoing call. */
const S3_TIMEOUT_MS = 15_000

/**
 * Any S3-compatible object store, over plain HTTPS with Signature Version 4 (signer in sigv4.ts,
 * checked against AWS's published example). Objects are private: the API serves them after its
 * own access check, so the bucket needs no public access.
 */
export class S3UploadStorage implements UploadStorage {
  readonly kind = 's3'
  private readonly base: URL

  constructor(
    private readonly settings: S3Settings,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.base = new URL(settings.endpoint)
  }

  private target(id: string): { url: string; host: string; path: string } {
    if (!UUID.test(id)) throw new Error('upload ids are uuids')
    const key = `uploads/${id}`
    const basePath = this.base.pathname.replace(/\/+$/, '')
    if (this.settings.pathStyle) {
      const path = `${basePath}/${uriEncode(this.settings.bucket)}/${key}`
      return { url: `${this.base.origin}${path}`, host: this.base.host, path }
    }
    const host = `${this.settings.bucket}.${this.base.host}`
    const path = `${basePath}/${key}`
    return { url: `${this.base.protocol}//${host}${path}`, host, path }
  }

  private async send(method: 'PUT' | 'GET', id: string, body?: Buffer): Promise<Response> {
    const { url, host, path } = this.target(id)
    const at = this.clock()
    const payloadHash = sha256Hex(body ?? '')
    const headers: Record<string, string> = { 'x-amz-content-sha256': payloadHash, 'x-amz-date': amzDate(at) }
    if (body) headers['content-type'] = 'application/octet-stream'
    // Host is signed; fetch sends it itself from the URL.
    const authorization = signV4({ method, path, headers: { ...headers, host }, payloadHash, credentials: this.settings, service: 's3', at })
    try {
      return await fetch(url, { method, headers: { ...headers, authorization }, body, signal: AbortSignal.timeout(S3_TIMEOUT_MS) })
    } catch (error) {
      throw new Error(`object store ${this.base.host} unreachable: ${(error as Error).message}`)
    }
  }

  async put(id: string, bytes: Buffer): Promise<void> {
    const response = await this.send('PUT', id, bytes)
    await response.arrayBuffer()
    if (!response.ok) throw new Error(`object store ${this.base.host} refused PUT: HTTP ${response.status}`)
  }

  async get(id: string): Promise<Buffer | null> {
    const response = await this.send('GET', id)
    const bytes = Buffer.from(await response.arrayBuffer())
    if (response.status === 404) return null
    if (!response.ok) throw new Error(`object store ${this.base.host} refused GET: HTTP ${response.status}`)
    return bytes
  }
}
