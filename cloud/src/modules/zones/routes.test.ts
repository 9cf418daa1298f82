import { ZONE_IDS } from '../../../../types/vocabulary'
import { ZoneDetail, ZoneList } from '../../../../types/content-api'
import { createTestApp, type TestApp, SETUP_TIMEOUT } from '../../../test-support/app'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
}, SETUP_TIMEOUT)
afterAll(() => t.close(), SETUP_TIMEOUT)

describe('GET /api/zones', () => {
  it('lists the five zones in product order with their park counts', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/zones' })
    expect(response.statusCode).toBe(200)
    const { items } = ZoneList.parse(response.json())
    expect(items.map((zone) => zone.id)).toEqual([...ZONE_IDS])
    const pingyuan = items.find((zone) => zone.id === 'pingyuan')!
    expect(pingyuan.parkCount).toBeGreaterThanOrEqual(1)

    const home = (await t.app.inject({ method: 'GET', url: '/api/home' })).json() as { parks: { zoneId: string }[] }
    for (const zone of items) expect(zone.parkCount).toBe(home.parks.filter((park) => park.zoneId === zone.id).length)
  })
})

describe('GET /api/zones/:id', () => {
  it('returns the zone with its parks, commitments, policies and signed projects', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/zones/pingyuan' })
    expect(response.statusCode).toBe(200)
    const detail = ZoneDetail.parse(response.json())
    expect(detail.zone.id).toBe('pingyuan')
    expect(detail.parks.map((park) => park.id)).toContain('pingyuan-jingde')
    for (const list of [detail.parks, detail.serviceCommitments, detail.policies, detail.signedProjects]) {
      for (const item of list) expect(item.zoneId).toBe('pingyuan')
    }
    expect(detail.parks).toHaveLength(detail.zone.parkCount)
    const ranks = detail.signedProjects.map((project) => project.rank)
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a))
  })

  it('answers 404 in the error shape for an unknown zone', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/zones/atlantis' })
    expect(response.statusCode).toBe(404)
    expect(response.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } })
  })

  it('refuses an over-long id with 400 and the field named', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/zones/${'x'.repeat(65)}` })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toEqual({
      error: { code: 'validation_error', message: expect.any(String), fields: { id: '最多 64 个字符' } },
    })
  })
})
