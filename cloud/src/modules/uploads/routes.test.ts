import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import sharp from 'sharp'
import { ServiceRequest, StaffRequestDetail, UploadResult } from '../../../../types/service'
import { uploads } from '../../db/schema'
import { reencodeImage } from './images'
import { buildApp } from '../../app'
import { createTestApp, SETUP_TIMEOUT, type TestApp } from '../../../test-support/app'
import { startLocalS3 } from '../../../test-support/s3'
import {
  addStaff,
  bearer,
  guestToken,
  ManualClock,
  multipartBody,
  requestBody,
  serviceTestConfig,
  tinyPng,
  type TestStaff,
} from '../../../test-support/service'

const clock = new ManualClock('2026-11-20T02:00:00Z')
let uploadDir: string
let t: TestApp
let owner: string
let stranger: string
let agent: TestStaff
let outsider: TestStaff
beforeAll(async () => {
  uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parklink-uploads-'))
  t = await createTestApp({ clock: clock.now, config: serviceTestConfig({ UPLOAD_DIR: uploadDir }) })
  owner = await guestToken(t.app)
  stranger = await guestToken(t.app)
  agent = await addStaff(t.app, 'agent', 'pingyuan')
  outsider = await addStaff(t.app, 'agent', 'qingyun')
}, SETUP_TIMEOUT)
afterAll(async () => {
  await t.close()
  fs.rmSync(uploadDir, { recursive: true, force: true })
}, SETUP_TIMEOUT)

const upload = (token: string, filename: string, contentType: string, bytes: Buffer) => {
  const { payload, headers } = multipartBody('file', filename, contentType, bytes)
  return t.app.inject({ method: 'POST', url: '/api/uploads', headers: { ...bearer(token), ...headers }, payload })
}

/** A photo as a phone would send it: JPEG with EXIF (camera, GPS-like text), rotated by the orientation tag. */
const cameraJpeg = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#0b57d0' } })
    .jpeg({ quality: 90 })
    .withExif({ IFD0: { Make: 'PhoneCo', Copyright: 'GPS 37.43N 116.30E' } })
    .toBuffer()
const noise = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#000000', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .png()
    .toBuffer()
const storedFiles = () => fs.readdirSync(uploadDir, { recursive: true }).map(String)

describe('POST /api/uploads', () => {
  it('decodes and re-encodes the image as JPEG, without its metadata, stores it under a random name and records it', async () => {
    const original = await cameraJpeg(1200, 900)
    expect((await sharp(original).metadata()).exif).toBeDefined()
    const response = await upload(owner, 'factory.jpg', 'image/jpeg', original)
    expect(response.statusCode).toBe(201)
    const photo = UploadResult.parse(response.json())
    expect(photo.url).toMatch(new RegExp(`^/api/uploads/${photo.id}\\?exp=\\d+&sig=[\\w-]+$`))
    const [row] = await t.app.db.select().from(uploads).where(eq(uploads.id, photo.id))
    expect(row).toMatchObject({ contentType: 'image/jpeg', size: photo.size })
    const file = storedFiles().find((name) => name.endsWith(photo.id))!
    expect(storedFiles().some((name) => name.includes('factory'))).toBe(false)
    const stored = fs.readFileSync(path.join(uploadDir, file))
    expect(stored.length).toBe(photo.size)
    const metadata = await sharp(stored).metadata()
    expect(metadata).toMatchObject({ format: 'jpeg', width: 1200, height: 900 })
    expect(metadata.exif).toBeUndefined()
    expect(stored.includes(Buffer.from('GPS 37.43N'))).toBe(false)
    expect(stored.includes(Buffer.from('PhoneCo'))).toBe(false)
  })

  it('caps the size of what it keeps at 2560 px on the longer side (never enlarging)', async () => {
    const huge = await sharp({ create: { width: 5000, height: 3000, channels: 3, background: '#40a05a' } })
      .png()
      .toBuffer()
    const photo = UploadResult.parse((await upload(owner, 'huge.png', 'image/png', huge)).json())
    const stored = fs.readFileSync(
      path.join(
        uploadDir,
        storedFiles().find((name) => name.endsWith(photo.id))!,
      ),
    )
    expect(await sharp(stored).metadata()).toMatchObject({ width: 2560, height: 1536, format: 'jpeg' })
    const small = UploadResult.parse((await upload(owner, 'small.png', 'image/png', tinyPng())).json())
    expect(
      await sharp(
        fs.readFileSync(
          path.join(
            uploadDir,
            storedFiles().find((name) => name.endsWith(small.id))!,
          ),
        ),
      ).metadata(),
    ).toMatchObject({ width: 1, height: 1 })
  })

  it('refuses what only looks like an image: a PNG signature followed by noise is 415, nothing stored', async () => {
    const before = { rows: (await t.app.db.select().from(uploads)).length, files: storedFiles().length }
    const fake = Buffer.concat([tinyPng().subarray(0, 8), Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 251))])
    const response = await upload(owner, 'fake.png', 'image/png', fake)
    expect(response.statusCode).toBe(415)
    expect(response.json()).toEqual({ error: { code: 'unsupported_type', message: expect.stringContaining('无法读取') } })
    expect({ rows: (await t.app.db.select().from(uploads)).length, files: storedFiles().length }).toEqual(before)
  })

  it('keeps only the picture of a polyglot: whatever follows the image data is gone', async () => {
    const script = Buffer.from('<html><script>alert(document.cookie)</script></html>PK\u0003\u0004zip-payload')
    const polyglot = Buffer.concat([await cameraJpeg(64, 48), script])
    const photo = UploadResult.parse((await upload(owner, 'poly.jpg', 'image/jpeg', polyglot)).json())
    const stored = fs.readFileSync(
      path.join(
        uploadDir,
        storedFiles().find((name) => name.endsWith(photo.id))!,
      ),
    )
    expect(stored.includes(Buffer.from('<script>'))).toBe(false)
    expect(stored.includes(Buffer.from('zip-payload'))).toBe(false)
  })

  it('decides the type from the bytes: a text file renamed .png is 415, a PNG declared as text is accepted', async () => {
    const fake = await upload(owner, 'photo.png', 'image/png', Buffer.from('just some text, not an image at all'))
    expect(fake.statusCode).toBe(415)
    expect(fake.json()).toEqual({ error: { code: 'unsupported_type', message: '只支持 JPEG、PNG、WebP 或 GIF 格式的图片' } })
    const disguised = await upload(owner, 'notes.txt', 'text/plain', tinyPng())
    expect(disguised.statusCode).toBe(201)
    expect(disguised.json().contentType).toBe('image/jpeg')
  })

  it('refuses more than 5 MB with 413 file_too_large', async () => {
    const big = Buffer.concat([tinyPng(), Buffer.alloc(5 * 1024 * 1024)])
    const response = await upload(owner, 'big.png', 'image/png', big)
    expect(response.statusCode).toBe(413)
    expect(response.json()).toEqual({ error: { code: 'file_too_large', message: '图片不能超过 5 MB' } })
  })

  it('refuses a second file (or any other part) with 400 instead of keeping the first one, nothing stored', async () => {
    const before = { rows: (await t.app.db.select().from(uploads)).length, files: storedFiles().length }
    const boundary = '----parklinkTwoFiles'
    const part = (name: string, filename: string) =>
      Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\n`,
        ),
        tinyPng(),
        Buffer.from('\r\n'),
      ])
    for (const parts of [
      [part('file', 'a.png'), part('file', 'b.png')],
      [part('file', 'a.png'), part('other', 'b.png')],
    ]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/uploads',
        headers: { ...bearer(owner), 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
      })
      expect(response.statusCode).toBe(400)
      expect(response.json().error.fields).toEqual({ file: '一次只能上传一张图片' })
    }
    expect({ rows: (await t.app.db.select().from(uploads)).length, files: storedFiles().length }).toEqual(before)
  })

  it('needs an investor and a multipart body with a `file` field', async () => {
    const { payload, headers } = multipartBody('file', 'a.png', 'image/png', tinyPng())
    expect((await t.app.inject({ method: 'POST', url: '/api/uploads', headers, payload })).statusCode).toBe(401)
    expect((await upload(agent.token, 'a.png', 'image/png', tinyPng())).statusCode).toBe(403)
    const wrongField = multipartBody('image', 'a.png', 'image/png', tinyPng())
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: { ...bearer(owner), ...wrongField.headers },
      payload: wrongField.payload,
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.fields).toEqual({ file: expect.any(String) })
    const json = await t.app.inject({ method: 'POST', url: '/api/uploads', headers: bearer(owner), payload: { file: 'x' } })
    expect(json.statusCode).toBe(415)
  })
})

describe('daily upload caps (bytes kept per investor and per client address)', () => {
  it('refuses past the cap with 429 and Retry-After until the oldest counted upload is a day old', async () => {
    const image = await noise(600, 400)
    const kept = (await reencodeImage(image)).bytes.length
    const app = await buildApp({
      db: t.database,
      clock: clock.now,
      config: serviceTestConfig({ UPLOAD_DIR: uploadDir }, { uploadDailyBytes: { perInvestor: 2 * kept + 10, perIp: 3 * kept + 10 } }),
    })
    try {
      const [first, second, third] = [await guestToken(app), await guestToken(app), await guestToken(app)]
      const send = (token: string, ip: string) => {
        const { payload, headers } = multipartBody('file', 'noise.png', 'image/png', image)
        return app.inject({ method: 'POST', url: '/api/uploads', headers: { ...bearer(token), ...headers }, payload, remoteAddress: ip })
      }
      const start = clock.now().getTime()
      expect((await send(first, '198.51.100.20')).statusCode).toBe(201)
      clock.advance(3600_000)
      expect((await send(first, '198.51.100.20')).statusCode).toBe(201)
      const overInvestor = await send(first, '198.51.100.21')
      expect(overInvestor.statusCode).toBe(429)
      expect(overInvestor.json().error).toEqual({
        code: 'upload_quota_exceeded',
        message: expect.stringContaining('今天上传的图片已达上限'),
      })
      // Room again once the first upload is a day old.
      expect(Number(overInvestor.headers['retry-after'])).toBe((start + 24 * 3600_000 - clock.now().getTime()) / 1000)

      // Per address: another investor on the same address gets what is left of the address's cap.
      expect((await send(second, '198.51.100.20')).statusCode).toBe(201)
      const overAddress = await send(third, '198.51.100.20')
      expect(overAddress.statusCode).toBe(429)
      expect((await send(third, '198.51.100.22')).statusCode).toBe(201)

      clock.advance(24 * 3600_000)
      expect((await send(first, '198.51.100.20')).statusCode).toBe(201)
    } finally {
      clock.set('2026-11-20T02:00:00Z')
      await app.close()
    }
  })
})

describe('unattached uploads', () => {
  it('are deleted by the job loop a day after upload (row and bytes); photos of requests stay', async () => {
    const attached = UploadResult.parse((await upload(owner, 'kept.png', 'image/png', tinyPng())).json())
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/requests',
      headers: { ...bearer(owner), 'idempotency-key': `kept-${attached.id}` },
      payload: requestBody({ photos: [attached.id] }),
    })
    expect(created.statusCode).toBe(201)
    const orphan = UploadResult.parse((await upload(owner, 'orphan.png', 'image/png', tinyPng())).json())
    const exists = async (id: string) => ({
      row: (await t.app.db.select().from(uploads).where(eq(uploads.id, id))).length === 1,
      file: storedFiles().some((name) => name.endsWith(id)),
    })

    clock.advance(23 * 3600_000)
    await t.app.jobs.tick()
    expect(await exists(orphan.id)).toEqual({ row: true, file: true })
    clock.advance(3600_000 + 1000)
    try {
      await t.app.jobs.tick()
      expect(await exists(orphan.id)).toEqual({ row: false, file: false })
      expect(await exists(attached.id)).toEqual({ row: true, file: true })
      expect((await t.app.inject({ method: 'GET', url: `/api/uploads/${orphan.id}`, headers: bearer(owner) })).statusCode).toBe(404)
    } finally {
      clock.set('2026-11-20T02:00:00Z')
    }
  })
})

describe('an upload store that cannot be written', () => {
  it('answers 503 with Retry-After (nothing recorded), and health says so', async () => {
    const notADirectory = path.join(uploadDir, 'a-file')
    fs.writeFileSync(notADirectory, 'x')
    const app = await buildApp({ db: t.database, clock: clock.now, config: serviceTestConfig({ UPLOAD_DIR: notADirectory }) })
    try {
      const recorded = (await t.app.db.select().from(uploads)).length
      const { payload, headers } = multipartBody('file', 'a.png', 'image/png', tinyPng())
      const response = await app.inject({ method: 'POST', url: '/api/uploads', headers: { ...bearer(owner), ...headers }, payload })
      expect(response.statusCode).toBe(503)
      expect(response.json().error.code).toBe('upload_store_unavailable')
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0)
      expect(await t.app.db.select().from(uploads)).toHaveLength(recorded)

      const health = await app.inject({ method: 'GET', url: '/api/health' })
      expect(health.statusCode).toBe(503)
      expect(health.json().error).toEqual({ code: 'upload_store_unavailable', message: expect.stringContaining('图片存储') })
      expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200)
    } finally {
      await app.close()
    }
  })
})

/** A 64 KB tmpfs to fill up (a full disk); undefined where mounting is not permitted (not root, no CAP_SYS_ADMIN). */
const tinyDisk = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parklink-full-'))
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { encoding: 'utf8' })
  if (mounted.status === 0) return dir
  fs.rmSync(dir, { recursive: true, force: true })
  return undefined
})()
if (!tinyDisk) console.info('uploads: the full-disk test is skipped: it mounts a small tmpfs, which needs root with CAP_SYS_ADMIN')

;(tinyDisk ? describe : describe.skip)('an upload store whose disk is full', () => {
  afterAll(() => {
    spawnSync('umount', [tinyDisk!])
    fs.rmSync(tinyDisk!, { recursive: true, force: true })
  })

  it('answers 503 with Retry-After, records nothing, leaves no partial file, health says so; with room again, the same upload works', async () => {
    const store = path.join(tinyDisk!, 'uploads')
    fs.mkdirSync(store)
    const app = await buildApp({ db: t.database, clock: clock.now, config: serviceTestConfig({ UPLOAD_DIR: store }) })
    try {
      // Fill the disk: write until the kernel says ENOSPC.
      const filler = path.join(tinyDisk!, 'filler')
      const fd = fs.openSync(filler, 'w')
      try {
        for (;;) fs.writeSync(fd, Buffer.alloc(4096, 1))
      } catch (error) {
        expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC')
      } finally {
        fs.closeSync(fd)
      }
      const recorded = (await t.app.db.select().from(uploads)).length
      const { payload, headers } = multipartBody('file', 'site.jpg', 'image/jpeg', await cameraJpeg(800, 600))
      const full = await app.inject({ method: 'POST', url: '/api/uploads', headers: { ...bearer(owner), ...headers }, payload })
      expect(full.statusCode).toBe(503)
      expect(full.json().error.code).toBe('upload_store_unavailable')
      expect(Number(full.headers['retry-after'])).toBeGreaterThan(0)
      expect(await t.app.db.select().from(uploads)).toHaveLength(recorded)
      expect(fs.readdirSync(store, { recursive: true }).filter((name) => fs.statSync(path.join(store, String(name))).isFile())).toEqual([])
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(503)

      fs.rmSync(filler)
      const again = multipartBody('file', 'site.jpg', 'image/jpeg', await cameraJpeg(800, 600))
      const stored = await app.inject({
        method: 'POST',
        url: '/api/uploads',
        headers: { ...bearer(owner), ...again.headers },
        payload: again.payload,
      })
      expect(stored.statusCode).toBe(201)
      expect(await t.app.db.select().from(uploads)).toHaveLength(recorded + 1)
    } finally {
      await app.close()
    }
  })
})

describe('GET /api/uploads/:id (personal data)', () => {
  let photoId: string
  let signedUrl: string
  let requestId: string
  beforeAll(async () => {
    const photo = UploadResult.parse((await upload(owner, 'site.png', 'image/png', tinyPng())).json())
    photoId = photo.id
    signedUrl = photo.url
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/requests',
      headers: { ...bearer(owner), 'idempotency-key': `photo-${photoId}` },
      payload: requestBody({ photos: [photoId] }),
    })
    expect(created.statusCode).toBe(201)
    const request = ServiceRequest.parse(created.json())
    requestId = request.id
    expect(request.photos).toEqual([
      { id: photoId, url: expect.stringContaining(`/api/uploads/${photoId}?`), contentType: 'image/jpeg', size: photo.size },
    ])
  })

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers })

  it('serves the kept bytes to the owner and to staff of the request’s zone, sandboxed (CSP) so nothing in them can run', async () => {
    const kept = (await reencodeImage(tinyPng())).bytes
    for (const token of [owner, agent.token]) {
      const response = await get(`/api/uploads/${photoId}`, bearer(token))
      expect(response.statusCode).toBe(200)
      expect(response.headers['content-type']).toBe('image/jpeg')
      expect(response.headers['content-security-policy']).toBe("default-src 'none'; sandbox")
      expect(response.headers['x-content-type-options']).toBe('nosniff')
      expect(response.rawPayload.equals(kept)).toBe(true)
    }
    const thumb = await get(`/api/uploads/${photoId}?w=288`, bearer(owner))
    expect(thumb.headers['content-security-policy']).toBe("default-src 'none'; sandbox")
  })

  it('serves a thumbnail that fits 288×288 when asked (w=288): smaller, same format, never enlarged', async () => {
    const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#0b57d0' } })
      .png()
      .toBuffer()
    const big = UploadResult.parse((await upload(owner, 'site.png', 'image/png', photo)).json())
    const thumb = await get(`${big.url}&w=288`)
    expect(thumb.statusCode).toBe(200)
    expect(thumb.headers['content-type']).toBe('image/jpeg')
    expect(await sharp(thumb.rawPayload).metadata()).toMatchObject({ width: 288, height: 216, format: 'jpeg' })
    expect(thumb.rawPayload.length).toBeLessThan(big.size)

    const small = await get(`/api/uploads/${photoId}?w=288`, bearer(owner))
    expect(await sharp(small.rawPayload).metadata()).toMatchObject({ width: 1, height: 1 })
    expect((await get(`/api/uploads/${photoId}?w=1024`, bearer(owner))).statusCode).toBe(400)
  })

  it('serves the signed URL from the API without a header (for <image>), until it expires', async () => {
    const detail = StaffRequestDetail.parse((await get(`/api/staff/requests/${requestId}`, bearer(agent.token))).json())
    for (const url of [signedUrl, detail.photos[0].url]) expect((await get(url)).statusCode).toBe(200)
    const forged = signedUrl.replace(/sig=[\w-]+/, 'sig=AAAAAAAAAAAAAAAAAAAAAA')
    expect((await get(forged)).statusCode).toBe(401)
    clock.advance(26 * 3600_000)
    try {
      expect((await get(signedUrl)).statusCode).toBe(401)
    } finally {
      clock.advance(-26 * 3600_000)
    }
  })

  it('hides the photo from other investors and other zones’ staff (404), and asks for a login without any (401)', async () => {
    expect((await get(`/api/uploads/${photoId}`, bearer(stranger))).statusCode).toBe(404)
    expect((await get(`/api/uploads/${photoId}`, bearer(outsider.token))).statusCode).toBe(404)
    expect((await get(`/api/uploads/${photoId}`)).statusCode).toBe(401)
    expect((await get(`/api/uploads/${photoId}`, bearer('v1.bad.token'))).statusCode).toBe(401)
    // Someone else's upload cannot be attached to a request either.
    const theirs = await t.app.inject({
      method: 'POST',
      url: '/api/requests',
      headers: { ...bearer(stranger), 'idempotency-key': `steal-${photoId}` },
      payload: requestBody({ photos: [photoId] }),
    })
    expect(theirs.statusCode).toBe(400)
  })
})

describe('S3-compatible storage (S3_* set)', () => {
  it('stores photos in the bucket and serves them back, nothing on the local disk', async () => {
    const s3 = await startLocalS3()
    const s3Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parklink-uploads-s3-'))
    const { endpoint, bucket, accessKeyId, secretAccessKey } = s3.settings
    const config = serviceTestConfig({
      UPLOAD_DIR: s3Dir,
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: accessKeyId,
      S3_SECRET_ACCESS_KEY: secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    })
    const app = await buildApp({ db: t.database, config, clock: clock.now })
    try {
      const png = tinyPng()
      const { payload, headers } = multipartBody('file', 'site.png', 'image/png', png)
      const created = await app.inject({ method: 'POST', url: '/api/uploads', headers: { ...bearer(owner), ...headers }, payload })
      expect(created.statusCode).toBe(201)
      const photo = UploadResult.parse(created.json())
      const served = await app.inject({ method: 'GET', url: photo.url })
      expect(served.statusCode).toBe(200)
      expect(served.rawPayload.equals((await reencodeImage(png)).bytes)).toBe(true)
      expect(fs.readdirSync(s3Dir)).toEqual([])

      // With the store gone the upload fails (503, try again later) and no record is written.
      await s3.close()
      const recorded = (await t.app.db.select().from(uploads)).length
      const failed = await app.inject({ method: 'POST', url: '/api/uploads', headers: { ...bearer(owner), ...headers }, payload })
      expect(failed.statusCode).toBe(503)
      expect(failed.json().error.code).toBe('upload_store_unavailable')
      expect(await t.app.db.select().from(uploads)).toHaveLength(recorded)
    } finally {
      await app.close()
      await s3.close()
      fs.rmSync(s3Dir, { recursive: true, force: true })
    }
  })
})
