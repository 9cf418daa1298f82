import { HomeResponse } from '../../../../types/content-api'
import { buildApp } from '../../app'
import { gunzipSync } from 'node:zlib'
import { PUBLIC_CACHE_CONTROL, acceptsGzip } from '../../http/cached-body'
import { captureHelmetHeaders } from '../../plugins/external/security'
import { createTestApp, testConfig, type TestApp, SETUP_TIMEOUT } from '../../../test-support/app'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
}, SETUP_TIMEOUT)
afterAll(() => t.close(), SETUP_TIMEOUT)

describe('GET /api/home', () => {
  it('returns the first zones by order, the featured parks, counts, the latest 6 signed projects and 6 policy highlights', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/home' })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8')
    const home = HomeResponse.parse(response.json())

    expect(home.zones.map((zone) => zone.id)).toEqual(['qingyun', 'pingyuan', 'zouping', 'gaoqing', 'yunhe'])
    expect(home).toMatchObject({ zoneCount: 5, parkCount: 19, spaceCount: 1 })
    expect(home.featuredParks.map((park) => park.id)).toEqual(expect.arrayContaining(['qingyun-jjj', 'pingyuan-jingde']))
    expect(home.featuredParks.every((park) => park.featured)).toBe(true)

    const jingde = home.featuredParks.find((park) => park.id === 'pingyuan-jingde')!
    expect(jingde.zoneName).toBe(home.zones.find((zone) => zone.id === 'pingyuan')!.name)
    expect(jingde.spaceTypes).toEqual(['factory'])
    expect(jingde.cover).toBeNull()

    expect(home.latestProjects.length).toBeLessThanOrEqual(6)
    expect(home.latestProjects.every((project) => project.status !== 'negotiating' && project.status !== 'about_to_sign')).toBe(true)
    expect(home.policyHighlights.length).toBeLessThanOrEqual(6)
    expect(home.policyHighlights.every((policy) => policy.kind === 'support')).toBe(true)

    const health = (await t.app.inject({ method: 'GET', url: '/api/health' })).json() as { contentVersion: string }
    expect(home.version).toBe(health.contentVersion)
  })

  it('carries each zone as its home card: the first four figures and its hotline, no sources or contacts', async () => {
    const raw = (await t.app.inject({ method: 'GET', url: '/api/home' })).json() as { zones: Record<string, unknown>[] }
    const qingyun = raw.zones.find((zone) => zone.id === 'qingyun')!
    expect(qingyun).not.toHaveProperty('sources')
    expect(qingyun).not.toHaveProperty('contact')
    expect(qingyun).not.toHaveProperty('photos')
    expect(qingyun).toHaveProperty('cover', null)
    expect(qingyun).toHaveProperty('supervisionHotline')

    const detail = (await t.app.inject({ method: 'GET', url: '/api/zones/qingyun' })).json() as {
      zone: { figures: unknown[]; summary: string }
    }
    expect(detail.zone.figures.length).toBeGreaterThan(4)
    expect(qingyun.figures).toEqual(detail.zone.figures.slice(0, 4))
    expect(qingyun.summary).toBe(detail.zone.summary)
  })
})

describe('HTTP caching', () => {
  it('sends a strong ETag with public cache headers, and 304 when If-None-Match matches', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/api/home' })
    const etag = first.headers.etag as string
    expect(etag).toMatch(/^"[\w-]+"$/)
    expect(first.headers['cache-control']).toBe(PUBLIC_CACHE_CONTROL)
    expect(PUBLIC_CACHE_CONTROL).toBe('public, max-age=60, stale-while-revalidate=600')

    const again = await t.app.inject({ method: 'GET', url: '/api/home' })
    expect(again.headers.etag).toBe(etag)
    expect(again.body).toBe(first.body)

    const notModified = await t.app.inject({ method: 'GET', url: '/api/home', headers: { 'if-none-match': etag } })
    expect(notModified.statusCode).toBe(304)
    expect(notModified.body).toBe('')
    expect(notModified.headers.etag).toBe(etag)
    expect(notModified.headers['cache-control']).toBe(PUBLIC_CACHE_CONTROL)
  })

  it('matches If-None-Match lists and weak forms, and answers 200 for another tag', async () => {
    const etag = (await t.app.inject({ method: 'GET', url: '/api/zones/qingyun' })).headers.etag as string
    const inList = await t.app.inject({ method: 'GET', url: '/api/zones/qingyun', headers: { 'if-none-match': `"old", W/${etag}` } })
    expect(inList.statusCode).toBe(304)
    const other = await t.app.inject({ method: 'GET', url: '/api/zones/qingyun', headers: { 'if-none-match': '"something-else"' } })
    expect(other.statusCode).toBe(200)
  })

  it('gives different resources and different list queries different ETags', async () => {
    const tags = await Promise.all(
      ['/api/zones/qingyun', '/api/zones/pingyuan', '/api/parks', '/api/parks?zoneId=pingyuan', '/api/policies'].map(
        async (url) => (await t.app.inject({ method: 'GET', url })).headers.etag,
      ),
    )
    expect(new Set(tags).size).toBe(tags.length)
  })

  it('gzips content for clients that accept it: same JSON, its own ETag, either ETag revalidates', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/api/home' })
    const gzipped = await t.app.inject({ method: 'GET', url: '/api/home', headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(gzipped.statusCode).toBe(200)
    expect(gzipped.headers['content-encoding']).toBe('gzip')
    expect(gzipped.headers.vary).toBe('Accept-Encoding')
    expect(plain.headers.vary).toBe('Accept-Encoding')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(gzipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2)
    expect(gunzipSync(gzipped.rawPayload).toString('utf8')).toBe(plain.body)
    expect(gzipped.headers.etag).not.toBe(plain.headers.etag)

    for (const etag of [plain.headers.etag, gzipped.headers.etag] as string[]) {
      const again = await t.app.inject({ method: 'GET', url: '/api/home', headers: { 'accept-encoding': 'gzip', 'if-none-match': etag } })
      expect(again.statusCode).toBe(304)
    }
  })

  it('reads Accept-Encoding the way browsers and proxies write it', () => {
    expect(acceptsGzip('gzip')).toBe(true)
    expect(acceptsGzip('deflate, GZIP;q=0.5')).toBe(true)
    expect(acceptsGzip('*')).toBe(true)
    expect(acceptsGzip('gzip;q=0')).toBe(false)
    expect(acceptsGzip('br, identity')).toBe(false)
    expect(acceptsGzip(undefined)).toBe(false)
  })

  it('supports conditional requests on filtered lists too', async () => {
    const url = '/api/parks?zoneId=pingyuan&limit=3'
    const first = await t.app.inject({ method: 'GET', url })
    const second = await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': first.headers.etag as string } })
    expect(second.statusCode).toBe(304)
  })
})

describe('CORS and security headers', () => {
  it('lets the H5 app call from any origin in development, with helmet headers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/home', headers: { origin: 'http://127.0.0.1:10086' } })
    expect(response.headers['access-control-allow-origin']).toBe('http://127.0.0.1:10086')
    expect(response.headers['access-control-expose-headers']).toBe('ETag')
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin')
  })

  it("sends helmet's security headers on content, on errors and on unknown routes", async () => {
    const expected = {
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'cross-origin',
      'origin-agent-cluster': '?1',
      'referrer-policy': 'no-referrer',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'x-dns-prefetch-control': 'off',
      'x-download-options': 'noopen',
      'x-frame-options': 'SAMEORIGIN',
      'x-permitted-cross-domain-policies': 'none',
      'x-xss-protection': '0',
    }
    expect(await captureHelmetHeaders()).toEqual(expected)
    for (const [method, url] of [
      ['GET', '/api/home'],
      ['GET', '/api/parks?limit=2'],
      ['GET', '/api/parks/no-such-park'],
      ['GET', '/api/no-such-route'],
      ['POST', '/api/requests'],
    ] as const) {
      const response = await t.app.inject({ method, url })
      expect({ url, headers: response.headers }).toMatchObject({ url, headers: expected })
      expect(response.headers['content-security-policy']).toBeUndefined()
    }
  })

  it('allows only the configured origins', async () => {
    // A second app on the same database, as a second API process would be.
    const app = await buildApp({ db: t.database, config: testConfig({ CORS_ORIGINS: 'https://h5.example.com' }) })
    try {
      const allowed = await app.inject({
        method: 'OPTIONS',
        url: '/api/parks',
        headers: { origin: 'https://h5.example.com', 'access-control-request-method': 'GET' },
      })
      expect(allowed.statusCode).toBe(204)
      expect(allowed.headers['access-control-allow-origin']).toBe('https://h5.example.com')
      const other = await app.inject({ method: 'GET', url: '/api/parks', headers: { origin: 'https://evil.example.com' } })
      expect(other.headers['access-control-allow-origin']).toBeUndefined()
    } finally {
      await app.close()
    }
  })
})
