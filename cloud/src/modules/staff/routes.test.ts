import { CannedReply, CannedReplyList, Dashboard, StaffMemberList } from '../../../../types/service'
import { createTestApp, SETUP_TIMEOUT, type TestApp } from '../../../test-support/app'
import {
  addStaff,
  bearer,
  guestToken,
  ManualClock,
  serviceTestConfig,
  staffPost,
  submit,
  type TestStaff,
} from '../../../test-support/service'
import { DEFAULT_CANNED_REPLIES, seedCannedReplies } from './canned-replies'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const clock = new ManualClock('2026-11-16T02:00:00Z') // Monday 10:00 in China
let t: TestApp
let agent: TestStaff
let supervisor: TestStaff
let admin: TestStaff
let yunheAgent: TestStaff
beforeAll(async () => {
  t = await createTestApp({ clock: clock.now, config: serviceTestConfig() })
  agent = await addStaff(t.app, 'agent', 'gaoqing', '卫小二')
  supervisor = await addStaff(t.app, 'supervisor', 'gaoqing', '蒋主管')
  admin = await addStaff(t.app, 'admin', null, '沈管理员')
  yunheAgent = await addStaff(t.app, 'agent', 'yunhe', '韩小二')
}, SETUP_TIMEOUT)
afterAll(() => t.close(), SETUP_TIMEOUT)

const get = (url: string, token: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) })

describe('GET /api/staff/members', () => {
  it('lists the agents and supervisors of my zone; admins may pick a zone', async () => {
    const mine = StaffMemberList.parse((await get('/api/staff/members', agent.token)).json())
    expect(mine.items.map((member) => member.displayName).sort()).toEqual(['卫小二', '蒋主管'].sort())
    const yunhe = StaffMemberList.parse((await get('/api/staff/members?zoneId=yunhe', admin.token)).json())
    expect(yunhe.items).toEqual([{ id: yunheAgent.id, displayName: '韩小二', role: 'agent' }])
    expect((await get('/api/staff/members?zoneId=yunhe', agent.token)).statusCode).toBe(403)
  })
})

describe('canned replies', () => {
  it('admins and the zone’s supervisors add them; everyone reads their zone’s; agents may not add (403)', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/staff/canned-replies',
      headers: bearer(admin.token),
      payload: { zoneId: 'gaoqing', title: '已受理', body: '您好，您的需求已受理，店小二会在 24 小时内联系您。' },
    })
    expect(created.statusCode).toBe(201)
    const reply = CannedReply.parse(created.json())
    expect(reply.zoneId).toBe('gaoqing')

    const noZone = await t.app.inject({
      method: 'POST',
      url: '/api/staff/canned-replies',
      headers: bearer(admin.token),
      payload: { title: 't', body: 'b' },
    })
    expect(noZone.statusCode).toBe(400)
    expect(noZone.json().error.fields).toEqual({ zoneId: '请选择开发区' })

    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/staff/canned-replies',
      headers: bearer(agent.token),
      payload: { title: 't', body: 'b' },
    })
    expect(refused.statusCode).toBe(403)
    // Listed in the order they were added: the second one a minute later.
    clock.advance(60_000)
    const bySupervisor = await t.app.inject({
      method: 'POST',
      url: '/api/staff/canned-replies',
      headers: bearer(supervisor.token),
      payload: { title: '请补充材料', body: '请补充营业执照复印件。' },
    })
    expect(bySupervisor.statusCode).toBe(201)
    expect(CannedReply.parse(bySupervisor.json()).zoneId).toBe('gaoqing')
    const otherZone = await t.app.inject({
      method: 'POST',
      url: '/api/staff/canned-replies',
      headers: bearer(supervisor.token),
      payload: { zoneId: 'yunhe', title: 't', body: 'b' },
    })
    expect(otherZone.statusCode).toBe(403)
    expect(CannedReplyList.parse((await get('/api/staff/canned-replies', agent.token)).json()).items.map((item) => item.title)).toEqual([
      '已受理',
      '请补充材料',
    ])
    expect(CannedReplyList.parse((await get('/api/staff/canned-replies', yunheAgent.token)).json()).items).toEqual([])
  })

  it('supervisors edit and delete their zone’s replies; agents and other zones may not', async () => {
    const [first] = CannedReplyList.parse((await get('/api/staff/canned-replies', agent.token)).json()).items
    const edit = (token: string, payload = { title: '已受理（改）', body: '您好，您的需求已受理。' }) =>
      t.app.inject({ method: 'PUT', url: `/api/staff/canned-replies/${first.id}`, headers: bearer(token), payload })
    expect((await edit(agent.token)).statusCode).toBe(403)
    const yunheSupervisor = await addStaff(t.app, 'supervisor', 'yunhe', '运河主管')
    expect((await edit(yunheSupervisor.token)).statusCode).toBe(403)
    const edited = await edit(supervisor.token)
    expect(edited.statusCode).toBe(200)
    expect(CannedReply.parse(edited.json())).toMatchObject({ id: first.id, title: '已受理（改）' })
    const bad = await edit(supervisor.token, { title: '', body: 'x' })
    expect(bad.json().error.fields).toEqual({ title: '请输入标题' })

    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/staff/canned-replies/${first.id}`, headers: bearer(agent.token) })).statusCode,
    ).toBe(403)
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/staff/canned-replies/${first.id}`, headers: bearer(supervisor.token) }))
        .statusCode,
    ).toBe(204)
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/staff/canned-replies/${first.id}`, headers: bearer(supervisor.token) }))
        .statusCode,
    ).toBe(404)
  })

  it('every zone without replies gets the plain defaults, which name no fact of any zone', async () => {
    expect(await seedCannedReplies(t.app.db, ['yunhe', 'gaoqing'], clock.now())).toEqual(['yunhe'])
    const yunhe = CannedReplyList.parse((await get('/api/staff/canned-replies', yunheAgent.token)).json()).items
    expect(yunhe.map((item) => item.title)).toEqual(DEFAULT_CANNED_REPLIES.map((item) => item.title))
    for (const item of DEFAULT_CANNED_REPLIES) expect(item.body).not.toMatch(/\d/)
    expect(await seedCannedReplies(t.app.db, ['yunhe'], clock.now())).toEqual([])
  })
})

describe('GET /api/staff/dashboard', () => {
  let ids: Record<string, string>
  beforeAll(async () => {
    const investor = await guestToken(t.app)
    const at = (hours: number) => clock.set(new Date(Date.parse('2026-11-16T02:00:00Z') + hours * HOUR))
    const make = (overrides = {}) => submit(t.app, investor, { zoneId: 'gaoqing', parkId: undefined, ...overrides })
    const act = (id: string, action: string, payload: object = {}, token = agent.token) =>
      staffPost(t.app, token, `/api/staff/requests/${id}/${action}`, payload)

    at(0)
    const fast = await make({ parkId: 'gaoqing-yaogu', type: 'finance' }) // answered in 30 min, resolved, rated 5
    at(1)
    const slow = await make({ parkId: 'gaoqing-yaogu' }) // answered in 90 min, resolved, rated 2 → reopened
    at(2)
    const ignored = await make() // never answered → overdue
    const withdrawn = await make()
    await t.app.inject({ method: 'POST', url: `/api/requests/${withdrawn.id}/withdraw`, headers: bearer(investor), payload: {} })
    await submit(t.app, investor, { zoneId: 'yunhe', parkId: undefined }) // another zone

    at(0.5)
    await act(fast.id, 'replies', { body: '已收到，马上安排。' })
    at(2.5)
    await act(slow.id, 'replies', { body: '已收到。' })
    at(24)
    await act(fast.id, 'status', { status: 'resolved' })
    await act(slow.id, 'status', { status: 'resolved' })
    for (const [id, score] of [
      [fast.id, 5],
      [slow.id, 2],
    ] as const) {
      await t.app.inject({ method: 'POST', url: `/api/requests/${id}/rating`, headers: bearer(investor), payload: { score } })
    }
    at(30)
    ids = { fast: fast.id, slow: slow.id, ignored: ignored.id, withdrawn: withdrawn.id }
  })

  it('computes the figures for my zone', async () => {
    const response = await get('/api/staff/dashboard?from=2026-11-16&to=2026-11-17', agent.token)
    expect(response.statusCode).toBe(200)
    const dashboard = Dashboard.parse(response.json())
    expect(dashboard).toMatchObject({
      zoneId: 'gaoqing',
      from: '2026-11-16',
      to: '2026-11-17',
      total: 4,
      byStatus: { closed: 1, in_progress: 1, new: 1, withdrawn: 1 },
      byType: { finance: 1, site: 3 },
      firstResponse: { medianMinutes: 60, p90Minutes: 84, within24hShare: 0.6667 },
      resolutionWithinTargetShare: 1,
      satisfactionShare: 0.5,
      ratedCount: 2,
    })
    expect(dashboard.byPark).toEqual([
      { parkId: 'gaoqing-yaogu', parkName: '黄三角药谷产业园', count: 2 },
      { parkId: null, parkName: '未指定园区', count: 2 },
    ])
    expect(dashboard.overdue.map((item) => item.id)).toEqual([ids.ignored])
    expect(dashboard.overdue[0].mobileMasked).toBe('138****1111')
  })

  it('holds agents to their zone; admins see one zone or all', async () => {
    expect((await get('/api/staff/dashboard?zoneId=yunhe', agent.token)).statusCode).toBe(403)
    const all = Dashboard.parse((await get('/api/staff/dashboard?from=2026-11-16&to=2026-11-17', admin.token)).json())
    expect(all).toMatchObject({ zoneId: null, total: 5 })
    const yunhe = Dashboard.parse((await get('/api/staff/dashboard?zoneId=yunhe&from=2026-11-16&to=2026-11-17', admin.token)).json())
    expect(yunhe.total).toBe(1)
  })

  it('defaults to the last 30 days and refuses a reversed or too long period', async () => {
    const defaults = Dashboard.parse((await get('/api/staff/dashboard', agent.token)).json())
    expect(defaults).toMatchObject({ from: '2026-10-19', to: '2026-11-17', total: 4 })
    const reversed = await get('/api/staff/dashboard?from=2026-11-17&to=2026-11-01', agent.token)
    expect(reversed.statusCode).toBe(400)
    expect(reversed.json().error.fields).toEqual({ from: '开始日期不能晚于结束日期' })
    expect((await get('/api/staff/dashboard?from=2024-01-01&to=2026-01-01', agent.token)).statusCode).toBe(400)
    expect((await get('/api/staff/dashboard?from=2026-13-01', agent.token)).statusCode).toBe(400)
  })

  it('shows referrals: visits through staff share codes and by shared page, per zone', async () => {
    const visit = (ref: string, page: string, targetId: string) =>
      t.app.inject({ method: 'POST', url: '/api/share-visits', payload: { ref, page, targetId, scene: 1007 } })
    for (const response of await Promise.all([
      visit(agent.shareCode, 'pages/park/index', 'gaoqing-yaogu'),
      visit(agent.shareCode, 'pages/park/index', 'gaoqing-yaogu'),
      visit(supervisor.shareCode, 'pages/compare/index', 'gaoqing-yaogu,yunhe-hitech'),
      visit('some-investor-id', 'pages/park/index', 'gaoqing-chemical'),
      visit(yunheAgent.shareCode, 'pages/park/index', 'yunhe-hitech'),
    ])) {
      expect(response.statusCode).toBe(201)
    }
    const { referrals } = Dashboard.parse((await get('/api/staff/dashboard', agent.token)).json())
    expect(referrals).toEqual({
      byStaff: [
        { staffId: agent.id, displayName: '卫小二', visits: 2 },
        { staffId: supervisor.id, displayName: '蒋主管', visits: 1 },
      ],
      byPage: [
        { page: 'pages/park/index', targetId: 'gaoqing-yaogu', visits: 2 },
        { page: 'pages/compare/index', targetId: 'gaoqing-yaogu,yunhe-hitech', visits: 1 },
        { page: 'pages/park/index', targetId: 'gaoqing-chemical', visits: 1 },
      ],
    })
    const yunhe = Dashboard.parse((await get('/api/staff/dashboard', yunheAgent.token)).json()).referrals!
    expect(yunhe.byStaff).toEqual([{ staffId: yunheAgent.id, displayName: '韩小二', visits: 1 }])
    expect(yunhe.byPage.map((row) => row.targetId).sort()).toEqual(['gaoqing-yaogu,yunhe-hitech', 'yunhe-hitech'])
  })
})
