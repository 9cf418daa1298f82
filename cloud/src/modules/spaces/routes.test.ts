import { ChainDetail, ChainList, SpaceDetail, SpacePage } from '../../../../types/content-api'
import type { Chain, Space } from '../../../../types/content'
import { createTestApp, SETUP_TIMEOUT, type TestApp } from '../../../test-support/app'
import { addStaff, bearer, ManualClock, type TestStaff } from '../../../test-support/service'

const clock = new ManualClock('2026-11-20T02:00:00Z')
let t: TestApp
let pingyuan: TestStaff
let gaoqing: TestStaff

const get = (url: string) => t.app.inject({ method: 'GET', url })
const publish = async (who: TestStaff, kind: 'spaces' | 'chains', record: Space | Chain) => {
  const saved = await t.app.inject({
    method: 'PUT',
    url: `/api/staff/content/${kind}/${record.id}`,
    headers: bearer(who.token),
    payload: record,
  })
  expect(saved.statusCode).toBe(200)
  const published = await t.app.inject({
    method: 'POST',
    url: `/api/staff/content/${kind}/${record.id}/publish`,
    headers: bearer(who.token),
  })
  expect(published.statusCode).toBe(200)
}

const space = (id: string, patch: Partial<Space>): Space => ({
  id,
  zoneId: 'pingyuan',
  parkId: 'pingyuan-jingde',
  type: 'factory',
  title: '京德智造产业园标准厂房',
  description: '单层标准厂房。',
  area: 'not_provided',
  price: '面议',
  availability: 'not_provided',
  delivery: 'not_provided',
  deliveryDate: 'not_provided',
  customBuild: false,
  photos: [],
  ...patch,
})

beforeAll(async () => {
  t = await createTestApp({ clock: clock.now })
  pingyuan = await addStaff(t.app, 'supervisor', 'pingyuan')
  gaoqing = await addStaff(t.app, 'supervisor', 'gaoqing')
  // Three listings published from the console next to the one the article gives (4 万平方米, no availability).
  await publish(
    pingyuan,
    'spaces',
    space('pingyuan-test-small', { area: { label: '建筑面积', value: 3000, unit: '平方米' }, availability: 'for_rent' }),
  )
  await publish(
    pingyuan,
    'spaces',
    space('pingyuan-test-land', {
      type: 'land',
      parkId: null,
      title: '工业用地',
      area: { label: '面积', value: 50, unit: '亩' },
      availability: 'for_sale',
    }),
  )
  await publish(
    pingyuan,
    'spaces',
    space('pingyuan-test-taken', { area: { label: '建筑面积', value: 5000, unit: '平方米' }, availability: 'occupied' }),
  )
  await publish(
    gaoqing,
    'spaces',
    space('gaoqing-test-office', { zoneId: 'gaoqing', parkId: null, type: 'office', title: '写字楼', availability: 'for_rent' }),
  )
}, SETUP_TIMEOUT)
afterAll(() => t.close(), SETUP_TIMEOUT)

const ids = async (url: string) => {
  const response = await get(url)
  expect(response.statusCode).toBe(200)
  return SpacePage.parse(response.json()).items.map((item) => item.id)
}

describe('GET /api/spaces', () => {
  it('filters by zone, park, type, availability and area in square metres (亩 and 万平方米 converted)', async () => {
    expect(await ids('/api/spaces?zoneId=pingyuan')).toEqual([
      'pingyuan-jingde-phase1-factory',
      'pingyuan-test-small',
      'pingyuan-test-land',
      'pingyuan-test-taken',
    ])
    expect(await ids('/api/spaces?parkId=pingyuan-jingde&type=factory')).toEqual([
      'pingyuan-jingde-phase1-factory',
      'pingyuan-test-small',
      'pingyuan-test-taken',
    ])
    expect(await ids('/api/spaces?type=land')).toEqual(['pingyuan-test-land'])
    expect(await ids('/api/spaces?zoneId=pingyuan&available=true')).toEqual(['pingyuan-test-small', 'pingyuan-test-land'])
    // 50 亩 ≈ 33,333 m²; 4 万平方米 = 40,000 m²; a listing without an area never passes an area filter.
    expect(await ids('/api/spaces?minArea=30000')).toEqual(['pingyuan-jingde-phase1-factory', 'pingyuan-test-land'])
    expect(await ids('/api/spaces?minArea=4000&maxArea=35000')).toEqual(['pingyuan-test-land', 'pingyuan-test-taken'])
    expect(await ids('/api/spaces?zoneId=gaoqing&minArea=1')).toEqual([])
  })

  it('pages with a cursor that belongs to its query, and names the zone and park on each card', async () => {
    const first = SpacePage.parse((await get('/api/spaces?zoneId=pingyuan&limit=3')).json())
    expect(first.total).toBe(4)
    expect(first.items).toHaveLength(3)
    expect(first.items[0]).toMatchObject({ zoneName: '平原经济开发区', parkName: '京德智造产业园' })
    expect(first.nextCursor).not.toBeNull()
    const second = SpacePage.parse((await get(`/api/spaces?zoneId=pingyuan&limit=3&cursor=${first.nextCursor}`)).json())
    expect(second.items.map((item) => item.id)).toEqual(['pingyuan-test-taken'])
    expect(second.items[0].parkName).toBe('京德智造产业园')
    expect(second.nextCursor).toBeNull()
    const land = SpacePage.parse((await get('/api/spaces?type=land')).json()).items[0]
    expect(land.parkName).toBeNull()

    const foreign = await get(`/api/spaces?zoneId=gaoqing&limit=3&cursor=${first.nextCursor}`)
    expect(foreign.statusCode).toBe(400)
  })

  it('refuses bad filters field by field', async () => {
    const response = await get('/api/spaces?type=castle&minArea=-1')
    expect(response.statusCode).toBe(400)
    expect(Object.keys(response.json().error.fields).sort()).toEqual(['minArea', 'type'])
  })
})

describe('GET /api/spaces/{id}', () => {
  it('gives the listing with its zone and park', async () => {
    const detail = SpaceDetail.parse((await get('/api/spaces/pingyuan-jingde-phase1-factory')).json())
    expect(detail.space.area).toEqual({ label: '一期定制标准厂房', value: 4, unit: '万平方米' })
    expect(detail.space.source).toBeDefined()
    expect(detail.zone).toEqual({ id: 'pingyuan', name: '平原经济开发区', shortName: '平原', order: 1 })
    expect(detail.park).toMatchObject({ id: 'pingyuan-jingde', name: '京德智造产业园' })
    const land = SpaceDetail.parse((await get('/api/spaces/pingyuan-test-land')).json())
    expect(land.park).toBeNull()
    expect(land.space.updatedAt).toBe(clock.now().toISOString())
  })

  it('answers 404 for an unknown listing', async () => {
    const response = await get('/api/spaces/pingyuan-nowhere')
    expect(response.statusCode).toBe(404)
    expect(response.json().error.message).toBe('没有找到这个载体')
  })
})

describe('chains, which link spaces', () => {
  it('lists 高青’s five chain teams, and only them for another zone', async () => {
    const all = ChainList.parse((await get('/api/chains')).json()).items
    expect(all.map((chain) => chain.zoneId)).toEqual(['gaoqing', 'gaoqing', 'gaoqing', 'gaoqing', 'gaoqing'])
    expect(ChainList.parse((await get('/api/chains?zoneId=pingyuan')).json()).items).toEqual([])
    expect(all[0]).toMatchObject({ zoneName: '高青县', name: '新材料产业链' })
  })

  it('gives a chain with the parks, policies and projects it names; an edit published from the console links a space', async () => {
    const before = ChainDetail.parse((await get('/api/chains/gaoqing-chain-health')).json())
    expect(before.zone.id).toBe('gaoqing')
    expect(before.parks.map((park) => park.id)).toEqual(['gaoqing-yaogu'])
    expect(before.policies.map((policy) => policy.id)).toEqual(['gaoqing-chain-leader-one-policy'])
    expect(before.projects.map((project) => project.id)).toEqual(['gaoqing-pharma-formulation-api'])
    expect(before.spaces).toEqual([])

    await publish(gaoqing, 'chains', { ...before.chain, spaceIds: ['gaoqing-test-office'], gaps: ['原料药配套'] })
    const after = ChainDetail.parse((await get('/api/chains/gaoqing-chain-health')).json())
    expect(after.spaces.map((item) => item.id)).toEqual(['gaoqing-test-office'])
    expect(after.chain.gaps).toEqual(['原料药配套'])
    expect(ChainList.parse((await get('/api/chains?zoneId=gaoqing')).json()).items[1].gaps).toEqual(['原料药配套'])
  })

  it('refuses a chain that links a space of another zone, with the field named', async () => {
    const { chain } = ChainDetail.parse((await get('/api/chains/gaoqing-chain-new-energy')).json())
    const response = await t.app.inject({
      method: 'PUT',
      url: `/api/staff/content/chains/${chain.id}`,
      headers: bearer(gaoqing.token),
      payload: { ...chain, spaceIds: ['pingyuan-test-land'] },
    })
    expect(response.statusCode).toBe(400)
    expect(Object.keys(response.json().error.fields)).toEqual(['spaceIds.0'])
  })

  it('answers 404 for an unknown chain', async () => {
    expect((await get('/api/chains/gaoqing-chain-nothing')).statusCode).toBe(404)
  })
})
