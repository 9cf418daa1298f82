import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { amzDate, sha256Hex, signV4 } from './sigv4'
import { LocalUploadStorage, S3UploadStorage, type S3Settings } from './storage'

describe('LocalUploadStorage', () => {
  it('stores and reads bytes by uuid; unknown ids read as null; other names are refused', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parklink-storage-'))
    try {
      const storage = new LocalUploadStorage(dir)
      const id = randomUUID()
      await storage.put(id, Buffer.from('bytes'))
      expect((await storage.get(id))?.toString()).toBe('bytes')
      expect(await storage.get(randomUUID())).toBeNull()
      await expect(storage.put('../../etc/passwd', Buffer.from('x'))).rejects.toThrow('uuid')
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

/**
 * A stand-in S3 on 127.0.0.1: keeps objects in memory and, like S3, recomputes the SigV4 signature
 * of every request (403 when it differs). The signer itself is checked against AWS's own example
 * in sigv4.test.ts.
 */
const startFakeS3 = async (settings: Omit<S3Settings, 'endpoint'>) => {
  const objects = new Map<string, Buffer>()
  const seen: string[] = []
  let failWith: number | null = null
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks)
      seen.push(`${request.method} ${request.url}`)
      if (failWith) return void response.writeHead(failWith).end()
      const signed = String(request.headers.authorization).match(/SignedHeaders=([^,]+)/)?.[1].split(';') ?? []
      const headers = Object.fromEntries(signed.map((name) => [name, String(request.headers[name])]))
      const expected = signV4({
        method: request.method!,
        path: request.url!,
        headers,
        payloadHash: sha256Hex(body),
        credentials: settings,
        service: 's3',
        at: new Date(String(request.headers['x-amz-date']).replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z')),
      })
      if (expected !== request.headers.authorization || request.headers['x-amz-content-sha256'] !== sha256Hex(body)) {
        return void response.writeHead(403).end('<Error><Code>SignatureDoesNotMatch</Code></Error>')
      }
      if (request.method === 'PUT') {
        objects.set(request.url!, body)
        return void response.writeHead(200).end()
      }
      const object = objects.get(request.url!)
      if (!object) return void response.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>')
      response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(object)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    objects,
    seen,
    fail: (status: number | null) => {
      failWith = status
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

describe('S3UploadStorage (against a local S3 stand-in)', () => {
  const credentials = { bucket: 'parklink-photos', region: 'cn-north-1', accessKeyId: 'AKIDTEST', secretAccessKey: 'test/secret+key', pathStyle: true }
  let s3: Awaited<ReturnType<typeof startFakeS3>>
  beforeAll(async () => {
    s3 = await startFakeS3(credentials)
  })
  afterAll(() => s3.close())

  it('puts and gets objects under uploads/<id> with valid SigV4 signatures', async () => {
    const storage = new S3UploadStorage({ ...credentials, endpoint: s3.endpoint })
    const id = randomUUID()
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])
    await storage.put(id, bytes)
    expect(s3.objects.get(`/parklink-photos/uploads/${id}`)).toEqual(bytes)
    expect(await storage.get(id)).toEqual(bytes)
    expect(await storage.get(randomUUID())).toBeNull()
    expect(s3.seen.at(0)).toBe(`PUT /parklink-photos/uploads/${id}`)
    expect(amzDate(new Date('2026-11-20T02:03:04.567Z'))).toBe('20261120T020304Z')
  })

  it('fails loudly on a wrong secret or an unavailable store (the upload route answers 500 and stores no record)', async () => {
    const wrong = new S3UploadStorage({ ...credentials, secretAccessKey: 'not-the-secret', endpoint: s3.endpoint })
    await expect(wrong.put(randomUUID(), Buffer.from('x'))).rejects.toThrow('HTTP 403')
    s3.fail(503)
    try {
      const storage = new S3UploadStorage({ ...credentials, endpoint: s3.endpoint })
      await expect(storage.get(randomUUID())).rejects.toThrow('HTTP 503')
    } finally {
      s3.fail(null)
    }
  })
})
