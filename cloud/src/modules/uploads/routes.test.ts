import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import sharp from 'sharp'
import { ServiceRequest, StaffRequestDetail, UploadResult } from '../../../../types/service'
import { uploads } from '../../db/schema'
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

describe('POST /api/uploads', () => {
  it('accepts a real PNG, stores it under a random name and records it', async () => {
    const png = tinyPng()
    const response = await upload(owner, 'factory.png', 'image/png', png)
    expect(response.statusCode).toBe(201)
    const photo = UploadResult.parse(response.json())
    expect(photo).toMatchObject({ contentType: 'image/png', size: png.length })
    expect(photo.url).toMatch(new RegExp(`^/api/uploads/${photo.id}\\?exp=\\d+&sig=[\\w-]+$`))
    const [row] = await t.app.db.select().from(uploads).where(eq(uploads.id, photo.id))
    expect(row).toMatchObject({ contentType: 'image/png', size: png.length })
    const stored = fs.readdirSync(uploadDir, { recursive: true }).map(String)
    expect(stored.some((name) => name.endsWith(photo.id))).toBe(true)
    expect(stored.some((name) => name.includes('factory'))).toBe(false)
  })

  it('decides the type from the bytes: a text file renamed .png is 415, a PNG declared as text is accepted', async () => {
    const fake = await upload(owner, 'photo.png', 'image/png', Buffer.from('just some text, not an image at all'))
    expect(fake.statusCode).toBe(415)
    expect(fake.json()).toEqual({ error: { code: 'unsupported_type', message: '只支持 JPEG、PNG、WebP 或 GIF 格式的图片' } })
    const disguised = await upload(owner, 'notes.txt', 'text/plain', tinyPng())
    expect(disguised.statusCode).toBe(201)
    expect(disguised.json().contentType).toBe('image/png')
  })

  it('refuses more than 5 MB with 413 file_too_large', async () => {
    const big = Buffer.concat([tinyPng(), Buffer.alloc(5 * 1024 * 1024)])
    const response = await upload(owner, 'big.png', 'image/png', big)
    expect(response.statusCode).toBe(413)
    expect(response.json()).toEqual({ error: { code: 'file_too_large', message: '图片不能超过 5 MB' } })
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
      { id: photoId, url: expect.stringContaining(`/api/uploads/${photoId}?`), contentType: 'image/png', size: tinyPng().length },
    ])
  })

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers })

  it('serves the bytes to the owner and to staff of the request’s zone', async () => {
    for (const token of [owner, agent.token]) {
      const response = await get(`/api/uploads/${photoId}`, bearer(token))
      expect(response.statusCode).toBe(200)
      expect(response.headers['content-type']).toBe('image/png')
      expect(response.rawPayload.equals(tinyPng())).toBe(true)
    }
  })

  it('serves a thumbnail that fits 288×288 when asked (w=288): smaller, same format, never enlarged', async () => {
    const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#0b57d0' } }).png().toBuffer()
    const big = UploadResult.parse((await upload(owner, 'site.png', 'image/png', photo)).json())
    const thumb = await get(`${big.url}&w=288`)
    expect(thumb.statusCode).toBe(200)
    expect(thumb.headers['content-type']).toBe('image/png')
    expect(await sharp(thumb.rawPayload).metadata()).toMatchObject({ width: 288, height: 216, format: 'png' })
    expect(thumb.rawPayload.length).toBeLessThan(photo.length)

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
      expect(served.rawPayload.equals(png)).toBe(true)
      expect(fs.readdirSync(s3Dir)).toEqual([])

      // With the store gone the upload fails (500) and no record is written.
      await s3.close()
      const recorded = (await t.app.db.select().from(uploads)).length
      const failed = await app.inject({ method: 'POST', url: '/api/uploads', headers: { ...bearer(owner), ...headers }, payload })
      expect(failed.statusCode).toBe(500)
      expect(await t.app.db.select().from(uploads)).toHaveLength(recorded)
    } finally {
      await app.close()
      await s3.close()
      fs.rmSync(s3Dir, { recursive: true, force: true })
    }
  })
})
