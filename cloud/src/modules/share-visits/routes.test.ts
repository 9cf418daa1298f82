import { eq } from 'drizzle-orm'
import { DEFAULT_RATE_LIMITS } from '../../config'
import { shareVisits } from '../../db/schema'
import { createTestApp, SETUP_TIMEOUT, type TestApp } from '../../../test-support/app'
import { addStaff, bearer, guestToken, ManualClock, serviceTestConfig } from '../../../test-support/service'

const clock = new ManualClock('2026-11-20T02:00:00Z')
let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ clock: clock.now, config: serviceTestConfig({}, { rateLimits: DEFAULT_RATE_LIMITS }) })
}, SETUP_TIMEOUT)
afterAll(() => t.close(), SETUP_TIMEOUT)

const visit = (payload: object, headers: Record<string, string> = {}, remoteAddress = '10.1.1.1') =>
  t.app.inject({ method: 'POST', url: '/api/share-visits', payload, headers, remoteAddress })

describe('POST /api/share-visits', () => {
  it('records an anonymous visit, linked to the staff member whose shareCode is the ref', async () => {
    const agent = await addStaff(t.app, 'agent', 'pingyuan')
    const response = await visit({ ref: agent.shareCode, page: 'pages/park/index', targetId: 'pingyuan-jingde', scene: 1008 })
    expect(response.statusCode).toBe(201)
    expect(response.json()).toEqual({ recorded: true })
    const rows = await t.app.db.select().from(shareVisits).where(eq(shareVisits.ref, agent.shareCode))
    expect(rows).toEqual([
      expect.objectContaining({
        page: 'pages/park/index',
        targetId: 'pingyuan-jingde',
        scene: 1008,
        staffId: agent.id,
        investorId: null,
        zoneIds: ['pingyuan'],
      }),
    ])
  })

  it('credits zone, chain and space listing pages to the zone they belong to', async () => {
    const agent = await addStaff(t.app, 'agent', 'gaoqing')
    for (const [page, targetId] of [
      ['pages/zone/index', 'gaoqing'],
      ['pages/chain/index', 'gaoqing-chain-health'],
      ['pages/space/index', 'pingyuan-jingde-phase1-factory'],
    ] as const) {
      expect((await visit({ ref: agent.shareCode, page, targetId }, {}, '10.1.1.9')).statusCode).toBe(201)
    }
    const rows = await t.app.db.select().from(shareVisits).where(eq(shareVisits.ref, agent.shareCode))
    expect(Object.fromEntries(rows.map((row) => [row.page, row.zoneIds]))).toEqual({
      'pages/zone/index': ['gaoqing'],
      'pages/chain/index': ['gaoqing'],
      'pages/space/index': ['pingyuan'],
    })
  })

  it('records the signed-in visitor; an invalid token is ignored rather than failing the visit', async () => {
    const token = await guestToken(t.app)
    expect((await visit({ ref: 'friend-1', page: 'pages/policy/index', targetId: 'qingyun-yici-banhao' }, bearer(token))).statusCode).toBe(
      201,
    )
    expect(
      (await visit({ ref: 'friend-2', page: 'pages/policy/index', targetId: 'qingyun-yici-banhao' }, bearer('v1.x.y'))).statusCode,
    ).toBe(201)
    const [signedIn] = await t.app.db.select().from(shareVisits).where(eq(shareVisits.ref, 'friend-1'))
    const [anonymous] = await t.app.db.select().from(shareVisits).where(eq(shareVisits.ref, 'friend-2'))
    expect(signedIn.investorId).toEqual(expect.any(String))
    expect(signedIn).toMatchObject({ staffId: null, zoneIds: ['qingyun'] })
    expect(anonymous.investorId).toBeNull()
  })

  it('refuses bad bodies with 400 and the fields', async () => {
    const response = await visit({ ref: '', page: 'pages/admin/index', targetId: 'x' })
    expect(response.statusCode).toBe(400)
    expect(Object.keys(response.json().error.fields).sort()).toEqual(['page', 'ref'])
  })

  it('limits visits per client address (60 a minute)', async () => {
    const statuses = []
    for (let index = 0; index < 61; index++) {
      statuses.push((await visit({ ref: 'r', page: 'pages/park/index', targetId: 'qingyun-jjj' }, {}, '10.2.2.2')).statusCode)
    }
    expect(statuses.filter((status) => status === 201)).toHaveLength(60)
    expect(statuses.at(-1)).toBe(429)
    expect((await visit({ ref: 'r', page: 'pages/park/index', targetId: 'qingyun-jjj' }, {}, '10.2.2.3')).statusCode).toBe(201)
    clock.advance(60_000)
    expect((await visit({ ref: 'r', page: 'pages/park/index', targetId: 'qingyun-jjj' }, {}, '10.2.2.2')).statusCode).toBe(201)
  })
})
