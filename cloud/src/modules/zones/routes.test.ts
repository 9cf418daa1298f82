import { ZoneDetail, ZoneOptionList } from '../../../../types/content-api'
import { createTestApp, type TestApp, SETUP_TIMEOUT } from '../../../test-support/app'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
}, SETUP_TIMEOUT)
afterAll(() => t.close(), SETUP_TIMEOUT)

describe('GET /api/zones', () => {
  it('lists every zone as a small option, by its order', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/zones' })
    expect(response.statusCode).toBe(200)
    const { items } = ZoneOptionList.parse(response.json())
    expect(items.map((zone) => zone.id)).toEqual(['qingyun', 'pingyuan', 'zouping', 'gaoqing', 'yunhe'])
    expect(items.map((zone) => zone.order)).toEqual([0, 1, 2, 3, 4])
    expect(Object.keys(items[1]).sort()).toEqual(['id', 'name', 'order', 'shortName'])
    expect(items[1]).toEqual({ id: 'pingyuan', name: '平原经济开发区', shortName: '平原', order: 1 })
    expect(response.headers.etag).toMatch(/^"[\w-]+"$/)
    const again = await t.app.inject({ method: 'GET', url: '/api/zones', headers: { 'if-none-match': String(response.headers.etag) } })
    expect(again.statusCode).toBe(304)
    // Small enough to gain nothing from gzip at five zones; the same cached-body path gzips it when it grows.
    expect(response.headers.vary).toBe('Accept-Encoding')
    expect(response.body.length).toBeLessThan(1024)
  })
})

describe('GET /api/zones/:id', () => {
  it('returns the zone with its parks, spaces, projects, enterprises, commitments, policies and chains', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/zones/pingyuan' })
    expect(response.statusCode).toBe(200)
    const detail = ZoneDetail.parse(response.json())
    expect(detail.zone.id).toBe('pingyuan')
    expect(detail.parks.map((park) => park.id)).toContain('pingyuan-jingde')
    expect(detail.spaces.map((space) => space.id)).toEqual(['pingyuan-jingde-phase1-factory'])
    expect(detail.spaces[0]).toMatchObject({ zoneName: '平原经济开发区', parkName: '京德智造产业园' })
    for (const list of [detail.parks, detail.spaces, detail.serviceCommitments, detail.policies, detail.projects, detail.enterprises]) {
      for (const item of list) expect(item.zoneId).toBe('pingyuan')
    }
    expect(detail.parks).toHaveLength(detail.zone.parkCount)
    expect(detail.spaces).toHaveLength(detail.zone.spaceCount)
    expect(detail.enterprises.map((enterprise) => enterprise.id).sort()).toEqual(['changcheng-jindian', 'dezhi-hangchuang'])

    const gaoqing = ZoneDetail.parse((await t.app.inject({ method: 'GET', url: '/api/zones/gaoqing' })).json())
    expect(gaoqing.chains.map((chain) => chain.name)).toEqual([
      '新材料产业链',
      '健康医药产业链',
      '新能源产业链',
      '临港物流产业链',
      '农文旅产业链',
    ])
  })

  it('answers 404 zone_not_found in the error shape for an unknown zone', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/zones/atlantis' })
    expect(response.statusCode).toBe(404)
    expect(response.json()).toEqual({ error: { code: 'zone_not_found', message: '没有找到这个开发区' } })
  })

  it('refuses an over-long id with 400 and the field named', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/zones/${'x'.repeat(65)}` })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toEqual({
      error: { code: 'validation_error', message: expect.any(String), fields: { id: '最多 64 个字符' } },
    })
  })
})

describe('an unknown zone in a query', () => {
  it.each(['/api/parks', '/api/policies', '/api/spaces', '/api/chains', '/api/industries'])(
    '%s?zoneId=atlantis is a 400 naming zoneId',
    async (url) => {
      const response = await t.app.inject({ method: 'GET', url: `${url}?zoneId=atlantis` })
      expect(response.statusCode).toBe(400)
      expect(response.json().error).toEqual({ code: 'validation_error', message: '请求参数有误', fields: { zoneId: '没有这个开发区' } })
    },
  )
})
