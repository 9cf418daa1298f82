import { eq } from 'drizzle-orm'
import { DEFAULT_RATE_LIMITS } from '../../config'
import { shareVisits } from '../../db/schema'
import { ShareWxacode } from '../../../../types/service'
import { refFromScene } from '../../../../types/share-code'
import { buildApp } from '../../app'
import { createTestApp, SETUP_TIMEOUT, type TestApp } from '../../../test-support/app'
import { addStaff, bearer, guestToken, ManualClock, Receiver, serviceTestConfig } from '../../../test-support/service'

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

describe('a colleague’s own link to 首页 (issue 15.12)', () => {
  it('a visit to 首页 with their ref counts for them and for their zone', async () => {
    const agent = await addStaff(t.app, 'agent', 'zouping')
    expect((await visit({ ref: agent.shareCode, page: 'pages/index/index', targetId: 'home' }, {}, '10.3.3.3')).statusCode).toBe(201)
    const [row] = await t.app.db.select().from(shareVisits).where(eq(shareVisits.ref, agent.shareCode))
    expect(row).toMatchObject({ page: 'pages/index/index', staffId: agent.id, zoneIds: ['zouping'] })
  })

  it('the 小程序码 is 503 until WECHAT_APPID / WECHAT_SECRET are set', async () => {
    const agent = await addStaff(t.app, 'agent', 'pingyuan')
    const response = await t.app.inject({ method: 'GET', url: '/api/staff/share/wxacode', headers: bearer(agent.token) })
    expect(response.statusCode).toBe(503)
    expect(response.json().error.code).toBe('wechat_not_configured')
    const investor = await guestToken(t.app)
    expect((await t.app.inject({ method: 'GET', url: '/api/staff/share/wxacode', headers: bearer(investor) })).statusCode).toBe(403)
  })

  it('with WeChat configured: getUnlimitedQRCode for 首页, carrying the share code as scene', async () => {
    const wechat = new Receiver()
    await wechat.start()
    const png = Buffer.from('89504e470d0a1a0a', 'hex')
    wechat.replies.set('/cgi-bin/stable_token', () => ({ access_token: 'token-1', expires_in: 7200 }))
    wechat.files.set('/wxa/getwxacodeunlimit', () => ({ contentType: 'image/png', body: png }))
    const app = await buildApp({
      db: t.database,
      clock: clock.now,
      config: serviceTestConfig({ WECHAT_APPID: 'wx1', WECHAT_SECRET: 's1', WECHAT_API_BASE: wechat.url('') }),
    })
    try {
      const agent = await addStaff(t.app, 'agent', 'pingyuan')
      const response = await app.inject({ method: 'GET', url: '/api/staff/share/wxacode', headers: bearer(agent.token) })
      expect(response.statusCode).toBe(200)
      const body = ShareWxacode.parse(response.json())
      expect(body.image).toBe(`data:image/png;base64,${png.toString('base64')}`)
      expect(refFromScene(encodeURIComponent(body.scene))).toBe(agent.shareCode)
      const call = wechat.received.find((entry) => entry.url.startsWith('/wxa/getwxacodeunlimit'))
      expect(call?.url).toBe('/wxa/getwxacodeunlimit?access_token=token-1')
      expect(JSON.parse(call!.body)).toMatchObject({ scene: `r=${agent.shareCode}`, page: 'pages/index/index', check_path: false })

      // WeChat refusing (errcode JSON instead of an image) is a clear 503, not a broken image.
      wechat.files.delete('/wxa/getwxacodeunlimit')
      wechat.replies.set('/wxa/getwxacodeunlimit', () => ({ errcode: 41030, errmsg: 'invalid page' }))
      const refused = await app.inject({ method: 'GET', url: '/api/staff/share/wxacode', headers: bearer(agent.token) })
      expect(refused.statusCode).toBe(503)
      expect(refused.json().error.code).toBe('wechat_unavailable')
    } finally {
      await app.close()
      await wechat.stop()
    }
  })
})
