import fs from 'node:fs/promises'
import path from 'node:path'
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client, type S3ServiceException } from '@aws-sdk/client-s3'
import type { S3Settings } from '../../config'

/** Where photo bytes live; the uploads table holds who owns them and what they are. */
export interface UploadStorage {
  readonly kind: string
  put(id: string, bytes: Buffer): Promise<void>
  /** null when the bytes are gone. */
  get(id: string): Promise<Buffer | null>
  /** Removes the bytes; gone already is fine. */
  delete(id: string): Promise<void>
  /** Throws when the store cannot take a write now (health check). */
  probe(): Promise<void>
  /** Releases connections (the app closes it on shutdown). */
  close(): Promise<void>
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
    try {
      await fs.writeFile(temp, bytes, { flag: 'wx' })
      await fs.rename(temp, target)
    } catch (error) {
      // A full disk leaves a partial temp file: remove it, so a failed upload takes no space.
      await fs.rm(temp, { force: true })
      throw error
    }
  }

  async delete(id: string): Promise<void> {
    await fs.rm(this.pathOf(id), { force: true })
  }

  /** Writes and removes a small file: fails on a missing, read-only or full disk. */
  async probe(): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true })
    const probe = path.join(this.dir, `.probe-${process.pid}`)
    try {
      await fs.writeFile(probe, 'parklink upload store probe\n')
    } finally {
      await fs.rm(probe, { force: true })
    }
  }

  async get(id: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.pathOf(id))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }

  async close(): Promise<void> {
    // Nothing is held open between calls.
  }
}

/** Calls to the object store are bounded like every other outgoing call. */
const S3_TIMEOUT_MS = 15_000

/**
 * Any S3-compatible object store (AWS, Aliyun OSS, Tencent COS, MinIO) through the official AWS SDK.
 * Objects are private: the API serves them after its own access check, so the bucket needs no
 * public access.
 */
export class S3UploadStorage implements UploadStorage {
  readonly kind = 's3'
  private readonly client: S3Client
  private readonly host: string

  constructor(private readonly settings: S3Settings) {
    this.host = new URL(settings.endpoint).host
    this.client = new S3Client({
      endpoint: settings.endpoint,
      region: settings.region,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
      forcePathStyle: settings.pathStyle,
      // Checksums only where S3 requires them: many S3-compatible stores do not know the newer ones.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 2,
      requestHandler: { connectionTimeout: S3_TIMEOUT_MS, requestTimeout: S3_TIMEOUT_MS },
    })
  }

  private key(id: string): string {
    if (!UUID.test(id)) throw new Error('upload ids are uuids')
    return `uploads/${id}`
  }

  async put(id: string, bytes: Buffer): Promise<void> {
    const command = new PutObjectCommand({
      Bucket: this.settings.bucket,
      Key: this.key(id),
      Body: bytes,
      ContentType: 'application/octet-stream',
    })
    try {
      await this.client.send(command)
    } catch (error) {
      throw this.failure('PUT', error)
    }
  }

  async get(id: string): Promise<Buffer | null> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: this.key(id) }))
      if (!object.Body) return null
      return Buffer.from(await object.Body.transformToByteArray())
    } catch (error) {
      if (error instanceof NoSuchKey || (error as S3ServiceException).$metadata?.httpStatusCode === 404) return null
      throw this.failure('GET', error)
    }
  }

  async delete(id: string): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.key(id) }))
    } catch (error) {
      if ((error as S3ServiceException).$metadata?.httpStatusCode === 404) return
      throw this.failure('DELETE', error)
    }
  }

  /** Writes a small object (the same request an upload makes). */
  async probe(): Promise<void> {
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.settings.bucket,
          Key: 'uploads/.probe',
          Body: 'probe',
          ContentType: 'application/octet-stream',
        }),
      )
    } catch (error) {
      throw this.failure('PUT', error)
    }
  }

  async close(): Promise<void> {
    this.client.destroy()
  }

  /** Names the store's host and the HTTP status, never the credentials. */
  private failure(method: 'PUT' | 'GET' | 'DELETE', error: unknown): Error {
    const status = (error as S3ServiceException).$metadata?.httpStatusCode
    const reason = status ? `HTTP ${status} ${(error as Error).name}` : `unreachable: ${(error as Error).message}`
    return new Error(`object store ${this.host} refused ${method}: ${reason}`, { cause: error })
  }
}
