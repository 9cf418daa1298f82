import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { ConsoleRecord, MediaUpload } from '../../../../types/console'
import { ParkDetail } from '../../../../types/content-api'
import { createTestApp, SETUP_TIMEOUT, type TestApp } from '../../../test-support/app'
import { addStaff, bearer, ManualClock, multipartBody, serviceTestConfig, type TestStaff } from '../../../test-support/service'

const clock = new ManualClock('2026-11-20T02:00:00Z')
let uploadDir: string
let t: TestApp
let agent: TestStaff
let supervisor: TestStaff
let outsider: TestStaff
let admin: TestStaff
beforeAll(async () => {
  uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parklink-media-'))
  t = await createTestApp({ clock: clock.now, config: serviceTestConfig({ UPLOAD_DIR: uploadDir }) })
  agent = await addStaff(t.app, 'agent', 'pingyuan')
  supervisor = await addStaff(t.app, 'supervisor', 'pingyuan')
  outsider = await addStaff(t.app, 'agent', 'qingyun')
  admin = await addStaff(t.app, 'admin', null)
}, SETUP_TIMEOUT)
afterAll(async () => {
  await t.close()
  fs.rmSync(uploadDir, { recursive: true, force: true })
}, SETUP_TIMEOUT)

/** A large phone photo with a GPS position in its EXIF. */
const phonePhoto = () =>
  sharp({ create: { width: 3000, height: 1500, channels: 3, background: '#3a6ea5' } })
    .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'Pro 12' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '37/1 10/1 0/1' } })
    .jpeg()
    .toBuffer()

const upload = (who: TestStaff | null, bytes: Buffer, query = '') => {
  const { payload, headers } = multipartBody('file', 'IMG_0001.jpg', 'image/jpeg', bytes)
  return t.app.inject({
    method: 'POST',
    url: `/api/staff/uploads${query}`,
    headers: { ...(who ? bearer(who.token) : {}), ...headers },
    payload,
  })
}
const fetchMedia = (url: string, who: TestStaff | null = null) =>
  t.app.inject({ method: 'GET', url, headers: who ? bearer(who.token) : {} })

describe('POST /api/staff/uploads', () => {
  it('re-encodes a staff photo: no larger than 2560 px, EXIF (GPS, camera) gone', async () => {
    const response = await upload(agent, await phonePhoto())
    expect(response.statusCode).toBe(201)
    const photo = MediaUpload.parse(response.json())
    expect(photo).toMatchObject({ url: `/api/media/${photo.id}`, contentType: 'image/jpeg', width: 2560, height: 1280 })
    const served = await fetchMedia(photo.url, agent)
    expect(served.statusCode).toBe(200)
    const meta = await sharp(served.rawPayload).metadata()
    expect(meta).toMatchObject({ format: 'jpeg', width: 2560, height: 1280 })
    expect(meta.exif).toBeUndefined()
  })

  it('refuses what is not an image (415), an investor or nobody (401), and another zone (403); an admin names the zone', async () => {
    const text = await upload(agent, Buffer.from('not an image, just text pretending'))
    expect(text.statusCode).toBe(415)
    expect(text.json().error.message).toBe('只支持 JPEG、PNG、WebP 或 GIF 格式的图片')
    // Looks like a JPEG from its first bytes but cannot be decoded.
    const broken = await upload(agent, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]))
    expect(broken.statusCode).toBe(415)
    expect((await upload(null, await phonePhoto())).statusCode).toBe(401)
    expect((await upload(outsider, await phonePhoto(), '?zoneId=pingyuan')).statusCode).toBe(403)
    const unnamed = await upload(admin, await phonePhoto())
    expect(unnamed.statusCode).toBe(400)
    expect(unnamed.json().error.fields).toEqual({ zoneId: '请选择开发区' })
    expect((await upload(admin, await phonePhoto(), '?zoneId=pingyuan')).statusCode).toBe(201)
  })
})

/** An agent uploads a photo and saves a draft of the park with it as the only photo (not published). */
const draftWithPhoto = async (parkId: string, alt: string) => {
  const photo = MediaUpload.parse((await upload(agent, await phonePhoto())).json())
  const park = ParkDetail.parse((await t.app.inject({ method: 'GET', url: `/api/parks/${parkId}` })).json()).park
  const saved = await t.app.inject({
    method: 'PUT',
    url: `/api/staff/content/parks/${parkId}`,
    headers: bearer(agent.token),
    payload: { ...park, photos: [{ id: photo.id, alt }] },
  })
  expect(saved.statusCode).toBe(200)
  return photo
}

describe('GET /api/media/{id}', () => {
  it('serves a photo only a draft uses to its zone’s staff, and to anyone once published, with a long cache', async () => {
    const photo = await draftWithPhoto('pingyuan-jingde', '园区大门')

    expect((await fetchMedia(photo.url)).statusCode).toBe(404)
    expect((await fetchMedia(photo.url, outsider)).statusCode).toBe(404)
    const forStaff = await fetchMedia(photo.url, supervisor)
    expect(forStaff.statusCode).toBe(200)
    expect(forStaff.headers['cache-control']).toBe('private, no-store')

    const published = await t.app.inject({
      method: 'POST',
      url: '/api/staff/content/parks/pingyuan-jingde/publish',
      headers: bearer(supervisor.token),
    })
    expect(published.statusCode).toBe(200)
    const open = await fetchMedia(photo.url)
    expect(open.statusCode).toBe(200)
    expect(open.headers['content-type']).toBe('image/jpeg')
    expect(open.headers['cache-control']).toBe('public, max-age=31536000, immutable')

    const small = await fetchMedia(`${photo.url}?w=750`)
    expect(small.statusCode).toBe(200)
    expect((await sharp(small.rawPayload).metadata()).width).toBeLessThanOrEqual(750)
    expect((await fetchMedia(`${photo.url}?w=123`)).statusCode).toBe(400)
  })

  it('hands the console a signed preview of a photo only a draft uses, which an image tag can load without the token, for a day', async () => {
    const photo = await draftWithPhoto('pingyuan-pharma', '标准厂房')

    // A later visit: the console opens the record and shows the draft's photo.
    const opened = ConsoleRecord.parse(
      (await t.app.inject({ method: 'GET', url: '/api/staff/content/parks/pingyuan-pharma', headers: bearer(supervisor.token) })).json(),
    )
    const preview = opened.photoUrls[photo.id]
    expect(preview).toMatch(new RegExp(`^/api/media/${photo.id}\\?exp=\\d+&sig=[\\w-]+$`))
    const loaded = await fetchMedia(preview)
    expect(loaded.statusCode).toBe(200)
    expect(loaded.headers['content-type']).toBe('image/jpeg')
    expect(loaded.headers['cache-control']).toBe('private, no-store')
    expect((await fetchMedia(`${preview}&w=750`)).statusCode).toBe(200)

    // Still private without it: no signature, a forged one, another photo's, or an expired one.
    expect((await fetchMedia(photo.url)).statusCode).toBe(404)
    expect((await fetchMedia(preview.replace(/sig=[\w-]+/, 'sig=AAAAAAAAAAAAAAAAAAAAAA'))).statusCode).toBe(404)
    const other = MediaUpload.parse((await upload(agent, await phonePhoto())).json())
    expect((await fetchMedia(preview.replace(photo.id, other.id))).statusCode).toBe(404)
    clock.advance(25 * 3600_000)
    expect((await fetchMedia(preview)).statusCode).toBe(404)
  })

  it('answers 404 for an id nobody uploaded', async () => {
    expect((await fetchMedia('/api/media/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404)
  })
})
