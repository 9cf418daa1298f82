import fs from 'node:fs'
import path from 'node:path'
import type { Enterprise, Park, Space } from '../../../../types/content'
import { industriesOfAll } from '../../../../types/industries'
import { ParkDetail, ParkPage, type ParkCard } from '../../../../types/content-api'
import { toSquareMeters } from '../../../../types/units'
import { REAL_CONTENT_DIR, createTestApp, type TestApp, SETUP_TIMEOUT } from '../../../test-support/app'

const readContent = <T>(file: string): T[] => JSON.parse(fs.readFileSync(path.join(REAL_CONTENT_DIR, file), 'utf8'))
const parks = readContent<Park>('parks.json')
const enterprises = readContent<Enterprise>('enterprises.json')
const spaces = readContent<Space>('spaces.json')

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
}, SETUP_TIMEOUT)
afterAll(() => t.close(), SETUP_TIMEOUT)

const get = (url: string) => t.app.inject({ method: 'GET', url })

/** Every page of a query, following nextCursor. */
const walk = async (query: string, limit: number): Promise<{ pages: ParkCard[][]; totals: number[] }> => {
  const pages: ParkCard[][] = []
  const totals: number[] = []
  let cursor: string | null = null
  do {
    const params = new URLSearchParams(query)
    params.set('limit', String(limit))
    if (cursor) params.set('cursor', cursor)
    const response = await get(`/api/parks?${params}`)
    expect(response.statusCode).toBe(200)
    const page = ParkPage.parse(response.json())
    pages.push(page.items)
    totals.push(page.total)
    cursor = page.nextCursor
  } while (cursor && pages.length < 100)
  return { pages, totals }
}

const ids = async (query: string) => {
  const response = await get(`/api/parks?${query}${query ? '&' : ''}limit=50`)
  expect(response.statusCode).toBe(200)
  const page = ParkPage.parse(response.json())
  expect(page.total).toBe(page.items.length)
  return page.items.map((park) => park.id)
}

describe('GET /api/parks — order and paging', () => {
  it('lists every park: featured first, then zone order, then park order', async () => {
    const all = ParkPage.parse((await get('/api/parks?limit=50')).json())
    expect(all.total).toBe(parks.length)
    const zoneOrder = ['qingyun', 'pingyuan', 'zouping', 'gaoqing', 'yunhe']
    const key = (card: ParkCard) => {
      const park = parks.find((p) => p.id === card.id)!
      return [card.featured ? 0 : 1, zoneOrder.indexOf(card.zoneId), park.order]
    }
    const keys = all.items.map(key)
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2])
    expect(keys).toEqual(sorted)
    expect(all.items[0].featured).toBe(true)
  })

  it('walks all results exactly once, with a stable total, at any page size', async () => {
    const expected = await ids('')
    for (const limit of [1, 3, 7]) {
      const { pages, totals } = await walk('', limit)
      const seen = pages.flat().map((park) => park.id)
      expect(seen).toEqual(expected)
      expect(new Set(seen).size).toBe(seen.length)
      expect(new Set(totals)).toEqual(new Set([expected.length]))
      expect(pages.slice(0, -1).every((page) => page.length === limit)).toBe(true)
    }
  })

  it('pages a filtered query too, and the last page has no next cursor', async () => {
    const expected = await ids('zoneId=pingyuan')
    const { pages } = await walk('zoneId=pingyuan', 4)
    expect(pages.flat().map((park) => park.id)).toEqual(expected)
    expect(pages.length).toBe(Math.ceil(expected.length / 4))
  })

  it('defaults to 20 per page', async () => {
    const page = ParkPage.parse((await get('/api/parks')).json())
    expect(page.items).toHaveLength(Math.min(20, parks.length))
  })
})

describe('GET /api/parks — filters', () => {
  it('zoneId narrows to that zone', async () => {
    const result = await ids('zoneId=pingyuan')
    expect(result).toContain('pingyuan-jingde')
    expect(result.sort()).toEqual(
      parks
        .filter((park) => park.zoneId === 'pingyuan')
        .map((park) => park.id)
        .sort(),
    )
  })

  it('industry is one of the curated industries, and finds every park whose tags belong to it', async () => {
    const result = await ids('industry=health')
    const expected = parks.filter((park) => industriesOfAll(park.industries).includes('health')).map((park) => park.id)
    expect(result.sort()).toEqual(expected.sort())
    expect(result).toEqual(expect.arrayContaining(['pingyuan-pharma', 'zouping-pharma', 'gaoqing-yaogu']))
    expect(result).not.toContain('qingyun-jjj')
  })

  it('spaceType keeps parks that have such a space', async () => {
    const result = await ids('spaceType=factory')
    expect(result).toContain('pingyuan-jingde')
    expect(result.sort()).toEqual(
      parks
        .filter((park) => spaces.some((space) => space.parkId === park.id && space.type === 'factory'))
        .map((park) => park.id)
        .sort(),
    )
  })

  it('minArea compares in square metres after converting 万平方米 / 亩 / 公顷', async () => {
    const largest = Math.max(
      ...spaces.filter((space) => space.parkId !== null).map((space) => (space.area === 'not_provided' ? 0 : (toSquareMeters(space.area) ?? 0))),
    )
    expect(largest).toBeGreaterThan(0)
    const atLargest = await ids(`minArea=${largest}`)
    expect(atLargest.length).toBeGreaterThan(0)
    expect(await ids(`minArea=${largest + 1}`)).toEqual([])
    // 京德智造产业园's factory is 4 万平方米 = 40000 ㎡.
    expect(await ids('minArea=40000')).toContain('pingyuan-jingde')
    expect(await ids('minArea=40000&spaceType=land')).not.toContain('pingyuan-jingde')
  })

  it('q finds Chinese substrings in names, industries and summaries', async () => {
    expect(await ids(`q=${encodeURIComponent('京德')}`)).toEqual(['pingyuan-jingde'])
    const pharma = await ids(`q=${encodeURIComponent('医药')}`)
    expect(pharma).toEqual(expect.arrayContaining(['pingyuan-pharma', 'zouping-pharma', 'gaoqing-yaogu']))
    expect(await ids(`q=${encodeURIComponent('不存在的关键词')}`)).toEqual([])
  })

  it('q finds a park by the name of an enterprise in it, and by its zone name', async () => {
    const resident = enterprises.find((enterprise) => enterprise.parkId === 'pingyuan-jingde')!
    expect(await ids(`q=${encodeURIComponent(resident.name)}`)).toContain('pingyuan-jingde')
    const byZone = await ids(`q=${encodeURIComponent('邹平')}`)
    expect(byZone.sort()).toEqual(expect.arrayContaining(parks.filter((park) => park.zoneId === 'zouping').map((park) => park.id)))
  })

  it('ranks: "医药" within 平原 finds its pharma park, not every park of the zone', async () => {
    expect(await ids(`zoneId=pingyuan&q=${encodeURIComponent('医药')}`)).toEqual(['pingyuan-pharma'])
    // Across zones the parks named for it come first.
    const all = await ids(`q=${encodeURIComponent('医药')}`)
    expect(all.slice(0, 2).sort()).toEqual(['pingyuan-pharma', 'zouping-pharma'])
  })

  it('an enterprise or project name finds its park, or where it has none, its zone’s parks', async () => {
    const yunhe = parks.filter((park) => park.zoneId === 'yunhe').map((park) => park.id)
    for (const name of ['史丹利', '华鲁恒升']) expect((await ids(`q=${encodeURIComponent(name)}`)).sort()).toEqual([...yunhe].sort())
    const gaoqing = parks.filter((park) => park.zoneId === 'gaoqing').map((park) => park.id)
    expect((await ids(`q=${encodeURIComponent('金洋')}`)).sort()).toEqual([...gaoqing].sort())
    expect(await ids(`q=${encodeURIComponent('美诺')}`)).toEqual(['zouping-pharma'])
  })

  it('q ignores surrounding spaces', async () => {
    expect(await ids(`q=${encodeURIComponent('  京德 ')}`)).toEqual(['pingyuan-jingde'])
  })

  it('filters combine', async () => {
    const result = await ids(`zoneId=zouping&q=${encodeURIComponent('医药')}`)
    expect(result).toContain('zouping-pharma')
    expect(result.every((id) => id.startsWith('zouping-'))).toBe(true)
  })
})

describe('GET /api/parks — bad requests', () => {
  it('refuses limit above 50 and below 1 with the field named', async () => {
    const tooBig = await get('/api/parks?limit=51')
    expect(tooBig.statusCode).toBe(400)
    expect(tooBig.json()).toEqual({ error: { code: 'validation_error', message: expect.any(String), fields: { limit: '不能大于 50' } } })
    const tooSmall = await get('/api/parks?limit=0')
    expect(tooSmall.json().error.fields).toEqual({ limit: '不能小于 1' })
  })

  it('names every bad field at once, in Chinese', async () => {
    const response = await get('/api/parks?limit=abc&zoneId=Atlantis!&spaceType=castle&minArea=-5&industry=magic')
    expect(response.statusCode).toBe(400)
    const { fields } = response.json().error as { fields: Record<string, string> }
    expect(Object.keys(fields).sort()).toEqual(['industry', 'limit', 'minArea', 'spaceType', 'zoneId'])
    expect(fields.limit).toBe('应为数字')
    expect(fields.minArea).toBe('应为非负数')
    expect(fields.zoneId).toBe('开发区编号应为 2–32 位小写字母、数字或连字符，以字母开头')
    expect(fields.industry).toBe('请选择产业')
    for (const message of Object.values(fields)) expect(message).toMatch(/[\u4e00-\u9fff]/)
  })

  it('refuses a garbage cursor with 400 invalid_cursor', async () => {
    for (const cursor of ['not-a-cursor', Buffer.from('{"o":-1,"f":"x"}').toString('base64url'), 'e30']) {
      const response = await get(`/api/parks?cursor=${cursor}`)
      expect(response.statusCode).toBe(400)
      expect(response.json()).toEqual({
        error: { code: 'invalid_cursor', message: expect.any(String), fields: { cursor: expect.any(String) } },
      })
    }
  })

  it('refuses a cursor taken from a different query', async () => {
    const page = ParkPage.parse((await get('/api/parks?zoneId=pingyuan&limit=2')).json())
    expect(page.nextCursor).not.toBeNull()
    const reused = await get(`/api/parks?zoneId=zouping&limit=2&cursor=${page.nextCursor}`)
    expect(reused.statusCode).toBe(400)
    expect(reused.json().error.code).toBe('invalid_cursor')
    // The same filter with another page size continues fine.
    expect((await get(`/api/parks?zoneId=pingyuan&limit=5&cursor=${page.nextCursor}`)).statusCode).toBe(200)
  })
})

describe('GET /api/parks/:id', () => {
  it('returns the park with its zone, enterprises, signed projects, commitments and applicable policies', async () => {
    const response = await get('/api/parks/pingyuan-jingde')
    expect(response.statusCode).toBe(200)
    const detail = ParkDetail.parse(response.json())
    expect(detail.park.id).toBe('pingyuan-jingde')
    expect(detail.zone.id).toBe('pingyuan')
    expect(detail.enterprises.map((enterprise) => enterprise.id).sort()).toEqual(
      enterprises
        .filter((enterprise) => enterprise.parkId === 'pingyuan-jingde')
        .map((enterprise) => enterprise.id)
        .sort(),
    )
    expect(detail.signedProjects.every((project) => project.parkId === 'pingyuan-jingde')).toBe(true)
    expect(detail.serviceCommitments.every((commitment) => commitment.zoneId === 'pingyuan')).toBe(true)
    // Zone-wide policies plus the ones limited to this park, never another zone's.
    expect(detail.policies.every((policy) => policy.zoneId === 'pingyuan')).toBe(true)
    expect(detail.policies.map((policy) => policy.id)).toContain('pingyuan-jingde-custom-factory')
  })

  it('leaves out policies limited to other parks', async () => {
    const detail = ParkDetail.parse((await get('/api/parks/pingyuan-pharma')).json())
    expect(detail.policies.map((policy) => policy.id)).not.toContain('pingyuan-jingde-custom-factory')
    expect(detail.enterprises.every((enterprise) => enterprise.parkId === 'pingyuan-pharma')).toBe(true)
  })

  it('answers 404 for an unknown park', async () => {
    const response = await get('/api/parks/no-such-park')
    expect(response.statusCode).toBe(404)
    expect(response.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } })
  })
})
