import { randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { pageOf } from '../../../../types/common'
import { REQUEST_STATUSES, STATUS_TRANSITIONS, canTransition, type RequestStatus } from '../../../../types/request-status'
import { StaffRequestDetail, StaffRequestSummary } from '../../../../types/service'
import { TokenSigner } from '../auth/tokens'
import { requestAudit, serviceRequests } from '../../db/schema'
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

const Page = pageOf(StaffRequestSummary)
const HOUR = 3600_000

const clock = new ManualClock('2026-11-18T01:00:00Z') // Wednesday 09:00 in China
let t: TestApp
let investor: string
let agent: TestStaff
let colleague: TestStaff
let supervisor: TestStaff
let admin: TestStaff
let outsider: TestStaff // agent of another zone
beforeAll(async () => {
  t = await createTestApp({ clock: clock.now, config: serviceTestConfig() })
  investor = await guestToken(t.app)
  agent = await addStaff(t.app, 'agent', 'zouping', '赵小二')
  colleague = await addStaff(t.app, 'agent', 'zouping', '钱小二')
  supervisor = await addStaff(t.app, 'supervisor', 'zouping', '孙主管')
  admin = await addStaff(t.app, 'admin', null, '周管理员')
  outsider = await addStaff(t.app, 'agent', 'gaoqing', '吴小二')
}, SETUP_TIMEOUT)
afterAll(() => t.close(), SETUP_TIMEOUT)

const newRequest = (overrides = {}) => submit(t.app, investor, { zoneId: 'zouping', parkId: undefined, ...overrides })
const detail = async (id: string, token = agent.token) =>
  StaffRequestDetail.parse((await t.app.inject({ method: 'GET', url: `/api/staff/requests/${id}`, headers: bearer(token) })).json())
const setStatus = (id: string, status: RequestStatus, token = agent.token) =>
  t.app.inject({ method: 'POST', url: `/api/staff/requests/${id}/status`, headers: bearer(token), payload: { status } })
const list = async (query: string, token = agent.token) => {
  const response = await t.app.inject({ method: 'GET', url: `/api/staff/requests?${query}`, headers: bearer(token) })
  expect(response.statusCode).toBe(200)
  return Page.parse(response.json())
}

/** Staff steps from `new` to each status (withdrawn is the investor's own action). */
const PATH_TO: Record<RequestStatus, RequestStatus[]> = {
  new: [],
  accepted: ['accepted'],
  in_progress: ['accepted', 'in_progress'],
  waiting_investor: ['accepted', 'waiting_investor'],
  resolved: ['accepted', 'resolved'],
  closed: ['accepted', 'resolved', 'closed'],
  withdrawn: [],
}

const requestIn = async (status: RequestStatus): Promise<string> => {
  const request = await newRequest()
  for (const step of PATH_TO[status]) expect((await setStatus(request.id, step)).statusCode).toBe(200)
  if (status === 'withdrawn') {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/requests/${request.id}/withdraw`,
      headers: bearer(investor),
      payload: {},
    })
    expect(response.statusCode).toBe(200)
  }
  return request.id
}

describe('status transitions (every pair, against STATUS_TRANSITIONS)', () => {
  const pairs = REQUEST_STATUSES.flatMap((from) => REQUEST_STATUSES.map((to) => [from, to] as const))
  it.each(pairs)('%s → %s', async (from, to) => {
    const id = await requestIn(from)
    const response = await setStatus(id, to)
    if (canTransition(from, to)) {
      expect(response.statusCode).toBe(200)
      const view = StaffRequestDetail.parse(response.json())
      expect(view.status).toBe(to)
      expect(view.allowedTransitions).toEqual([...STATUS_TRANSITIONS[to]])
      expect(view.audit.at(-1)).toMatchObject({ action: 'status_changed', detail: { from, to }, actor: '赵小二' })
    } else {
      expect(response.statusCode).toBe(409)
      expect(response.json().error).toEqual({ code: 'invalid_transition', message: expect.stringMatching(/不能改为/) })
      expect((await detail(id)).status).toBe(from)
    }
  })
})

describe('clocks', () => {
  it('the first public reply stops the 24-hour clock; notes do not', async () => {
    const request = await newRequest()
    clock.advance(HOUR)
    const noted = StaffRequestDetail.parse(
      await staffPost(t.app, agent.token, `/api/staff/requests/${request.id}/notes`, { body: '先电话联系' }),
    )
    expect(noted.firstRespondedAt).toBeNull()
    expect(noted.notes).toEqual([
      {
        id: expect.any(String),
        author: { id: agent.id, displayName: '赵小二', role: 'agent' },
        body: '先电话联系',
        createdAt: expect.any(String),
      },
    ])
    clock.advance(HOUR)
    const replied = StaffRequestDetail.parse(
      await staffPost(t.app, agent.token, `/api/staff/requests/${request.id}/replies`, { body: '您好，已收到。' }),
    )
    expect(replied.firstRespondedAt).toBe(clock.now().toISOString())
    clock.advance(HOUR)
    const again = StaffRequestDetail.parse(
      await staffPost(t.app, agent.token, `/api/staff/requests/${request.id}/replies`, { body: '补充说明。' }),
    )
    expect(again.firstRespondedAt).toBe(replied.firstRespondedAt)
    clock.advance(-3 * HOUR)
  })

  it('waiting_investor pauses the resolution clock; leaving it adds the pause to the due time', async () => {
    const request = await newRequest()
    await setStatus(request.id, 'accepted')
    const paused = StaffRequestDetail.parse((await setStatus(request.id, 'waiting_investor')).json())
    expect(paused.resolutionPausedSince).toBe(clock.now().toISOString())
    clock.advance(26 * HOUR)
    const resumed = StaffRequestDetail.parse((await setStatus(request.id, 'in_progress')).json())
    expect(resumed.resolutionPausedSince).toBeNull()
    expect(Date.parse(resumed.resolutionDueAt!) - Date.parse(request.resolutionDueAt!)).toBe(26 * HOUR)
    // Resolving straight from waiting_investor counts the pause too.
    await setStatus(request.id, 'waiting_investor')
    clock.advance(2 * HOUR)
    const resolved = StaffRequestDetail.parse((await setStatus(request.id, 'resolved')).json())
    expect(Date.parse(resolved.resolutionDueAt!) - Date.parse(request.resolutionDueAt!)).toBe(28 * HOUR)
    expect(resolved.resolvedAt).toBe(clock.now().toISOString())
    clock.advance(-28 * HOUR)
  })
})

describe('claim and assign', () => {
  it('claim takes an unassigned request and accepts it; a colleague then gets 409', async () => {
    const request = await newRequest()
    const claimed = StaffRequestDetail.parse(await staffPost(t.app, agent.token, `/api/staff/requests/${request.id}/claim`))
    expect(claimed).toMatchObject({ status: 'accepted', assignee: { id: agent.id, displayName: '赵小二', role: 'agent' } })
    expect(claimed.audit.map((entry) => entry.action)).toEqual(['created', 'claimed', 'status_changed'])
    await staffPost(t.app, agent.token, `/api/staff/requests/${request.id}/claim`) // claiming again is harmless
    const taken = await t.app.inject({ method: 'POST', url: `/api/staff/requests/${request.id}/claim`, headers: bearer(colleague.token) })
    expect(taken.statusCode).toBe(409)
    expect(taken.json().error.code).toBe('already_assigned')
  })

  it('concurrent claims by two agents: exactly one wins (row lock), the other gets 409', async () => {
    for (let round = 0; round < 3; round++) {
      const request = await newRequest()
      const answers = await Promise.all(
        [agent, colleague].map((member) =>
          t.app.inject({ method: 'POST', url: `/api/staff/requests/${request.id}/claim`, headers: bearer(member.token) }),
        ),
      )
      expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409])
      const claims = await t.app.db
        .select({ n: sql<number>`count(*)::int` })
        .from(requestAudit)
        .where(sql`${requestAudit.requestId} = ${request.id} and ${requestAudit.action} = 'claimed'`)
      expect(claims[0].n).toBe(1)
    }
  })

  it('assign: supervisors assign anything in the zone; agents only hand over their own; only to colleagues of that zone', async () => {
    const request = await newRequest()
    await staffPost(t.app, colleague.token, `/api/staff/requests/${request.id}/claim`)
    const notMine = await t.app.inject({
      method: 'POST',
      url: `/api/staff/requests/${request.id}/assign`,
      headers: bearer(agent.token),
      payload: { staffId: agent.id },
    })
    expect(notMine.statusCode).toBe(403)
    const assigned = StaffRequestDetail.parse(
      await staffPost(t.app, supervisor.token, `/api/staff/requests/${request.id}/assign`, { staffId: agent.id }),
    )
    expect(assigned.assignee?.id).toBe(agent.id)
    expect(assigned.audit.at(-1)).toMatchObject({ action: 'assigned', actor: '孙主管', detail: { from: colleague.id, to: agent.id } })
    const handOver = StaffRequestDetail.parse(
      await staffPost(t.app, agent.token, `/api/staff/requests/${request.id}/assign`, { staffId: colleague.id }),
    )
    expect(handOver.assignee?.id).toBe(colleague.id)
    for (const staffId of [outsider.id, admin.id, randomUUID()]) {
      const wrong = await t.app.inject({
        method: 'POST',
        url: `/api/staff/requests/${request.id}/assign`,
        headers: bearer(supervisor.token),
        payload: { staffId },
      })
      expect(wrong.statusCode).toBe(400)
      expect(wrong.json().error.fields).toEqual({ staffId: '只能指派给本开发区的店小二或主管' })
    }
  })
})

describe('queues', () => {
  it('new, mine, due_soon, overdue and all, with the mobile masked and keyset paging', async () => {
    // A separate zone keeps this test's counts exact.
    const yAgent = await addStaff(t.app, 'agent', 'yunhe', '郑小二')
    const yOther = await addStaff(t.app, 'agent', 'yunhe', '冯小二')
    const submitYunhe = () => submit(t.app, investor, { zoneId: 'yunhe', parkId: undefined })
    const old = await submitYunhe() // will be overdue
    clock.advance(3 * HOUR)
    const soon = await submitYunhe() // 23 h old at check time: due within 2 h
    clock.advance(20 * HOUR)
    const fresh = await submitYunhe()
    clock.advance(60_000)
    const mine = await submitYunhe()
    clock.advance(60_000)
    const theirs = await submitYunhe()
    clock.advance(2 * HOUR - 120_000) // old: 25 h (overdue); soon: 22 h (due in 2 h); others: about 2 h
    await staffPost(t.app, yAgent.token, `/api/staff/requests/${mine.id}/claim`)
    await staffPost(t.app, yOther.token, `/api/staff/requests/${theirs.id}/claim`)

    const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id)
    expect(ids(await list('queue=new', yAgent.token))).toEqual([old.id, soon.id, fresh.id])
    expect(ids(await list('queue=mine', yAgent.token))).toEqual([mine.id])
    expect(ids(await list('queue=due_soon', yAgent.token))).toEqual([soon.id])
    expect(ids(await list('queue=overdue', yAgent.token))).toEqual([old.id])
    const all = await list('queue=all', yAgent.token)
    expect(ids(all)).toEqual([theirs.id, mine.id, fresh.id, soon.id, old.id])
    expect(all.total).toBe(5)
    expect(all.items[0]).toMatchObject({ contactName: '王先生', mobileMasked: '138****1111', assignee: { displayName: '冯小二' } })
    expect(JSON.stringify(all)).not.toContain('13800001111')

    const first = await list('queue=all&limit=2', yAgent.token)
    const second = await list(`queue=all&limit=2&cursor=${first.nextCursor}`, yAgent.token)
    const third = await list(`queue=all&limit=2&cursor=${second.nextCursor}`, yAgent.token)
    expect([...ids(first), ...ids(second), ...ids(third)]).toEqual(ids(all))
    expect(third.nextCursor).toBeNull()
    const badCursor = await t.app.inject({
      method: 'GET',
      url: `/api/staff/requests?queue=new&cursor=${first.nextCursor}`,
      headers: bearer(yAgent.token),
    })
    expect(badCursor.statusCode).toBe(400)
    expect(badCursor.json().error.code).toBe('invalid_cursor')

    // The detail shows the full number, to staff of that zone.
    expect((await detail(old.id, yAgent.token)).mobile).toBe('13800001111')
    // Filters.
    expect((await list('queue=all&type=finance', yAgent.token)).total).toBe(0)
    expect((await list('queue=all&parkId=pingyuan-jingde', yAgent.token)).total).toBe(0)
    // Resolution overdue also counts once answered.
    await staffPost(t.app, yAgent.token, `/api/staff/requests/${mine.id}/replies`, { body: '已答复' })
    clock.advance(8 * 24 * HOUR)
    expect(ids(await list('queue=overdue', yAgent.token))).toEqual(expect.arrayContaining([mine.id]))
    clock.advance(-(8 * 24 + 25) * HOUR)
  })
})

describe('security: every staff route × every wrong identity', () => {
  let requestId: string
  let expired: string
  let tampered: string
  beforeAll(async () => {
    requestId = (await newRequest()).id
    const past = new TokenSigner(t.app.config.auth.secret, () => new Date(clock.now().getTime() - 13 * HOUR))
    expired = past.sign('staff', agent.id, 12 * HOUR).token
    const [version, payload, signature] = agent.token.split('.')
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), s: admin.id })).toString(
      'base64url',
    )
    tampered = [version, forged, signature].join('.')
  })

  type Route = { method: 'GET' | 'POST'; url: () => string; payload?: () => object; perRequest: boolean; managersOnly?: boolean }
  const routes: Route[] = [
    { method: 'GET', url: () => '/api/staff/requests?zoneId=zouping', perRequest: false },
    { method: 'GET', url: () => `/api/staff/requests/${requestId}`, perRequest: true },
    { method: 'POST', url: () => `/api/staff/requests/${requestId}/claim`, perRequest: true },
    { method: 'POST', url: () => `/api/staff/requests/${requestId}/assign`, payload: () => ({ staffId: agent.id }), perRequest: true },
    { method: 'POST', url: () => `/api/staff/requests/${requestId}/replies`, payload: () => ({ body: '您好' }), perRequest: true },
    { method: 'POST', url: () => `/api/staff/requests/${requestId}/notes`, payload: () => ({ body: '备注' }), perRequest: true },
    { method: 'POST', url: () => `/api/staff/requests/${requestId}/status`, payload: () => ({ status: 'accepted' }), perRequest: true },
    { method: 'GET', url: () => '/api/staff/members?zoneId=zouping', perRequest: false },
    { method: 'GET', url: () => '/api/staff/canned-replies?zoneId=zouping', perRequest: false },
    {
      method: 'POST',
      url: () => '/api/staff/canned-replies',
      payload: () => ({ zoneId: 'zouping', title: '问候', body: '您好' }),
      perRequest: false,
      // The zone's supervisors and admins manage canned replies; agents use them.
      managersOnly: true,
    },
    { method: 'GET', url: () => '/api/staff/dashboard?zoneId=zouping', perRequest: false },
  ]
  const call = (route: Route, headers: Record<string, string>) =>
    t.app.inject({ method: route.method, url: route.url(), headers, ...(route.payload ? { payload: route.payload() } : {}) })

  it.each(routes.map((route) => [`${route.method} ${route.url.toString().replace(/^\(\) => /, '')}`, route] as const))(
    '%s',
    async (_name, route) => {
      const expectError = async (headers: Record<string, string>, status: number) => {
        const response = await call(route, headers)
        expect({ identity: headers.authorization?.slice(0, 20) ?? 'none', status: response.statusCode }).toEqual({
          identity: headers.authorization?.slice(0, 20) ?? 'none',
          status,
        })
        expect(response.json()).toEqual({ error: { code: expect.any(String), message: expect.stringMatching(/[\u4e00-\u9fff]/) } })
      }
      await expectError({}, 401)
      await expectError({ authorization: 'Basic abc' }, 401)
      await expectError(bearer(investor), 403)
      await expectError(bearer(expired), 401)
      await expectError(bearer(tampered), 401)
      await expectError(bearer(outsider.token), route.perRequest ? 404 : 403)
      if (route.managersOnly) await expectError(bearer(agent.token), 403)
      // Nothing above changed the request.
      const [row] = await t.app.db.select().from(serviceRequests).where(eq(serviceRequests.id, requestId))
      expect(row).toMatchObject({ status: 'new', assigneeId: null, firstRespondedAt: null })
    },
  )

  it('admins act on every zone', async () => {
    expect((await detail(requestId, admin.token)).id).toBe(requestId)
    expect((await list('queue=all&zoneId=zouping', admin.token)).total).toBeGreaterThan(0)
    expect((await list('queue=all', admin.token)).items.some((item) => item.zoneId !== 'zouping')).toBe(true)
  })

  it('an investor never sees staff data: the investor view of a request has no notes or audit', async () => {
    await staffPost(t.app, agent.token, `/api/staff/requests/${requestId}/notes`, { body: '内部备注，不给企业看' })
    const view = (await t.app.inject({ method: 'GET', url: `/api/requests/${requestId}`, headers: bearer(investor) })).json()
    expect(view).not.toHaveProperty('notes')
    expect(view).not.toHaveProperty('audit')
    expect(JSON.stringify(view)).not.toContain('内部备注')
  })
})

describe('audit trail', () => {
  it('is append-only in the database', async () => {
    const request = await newRequest()
    await expect(t.app.db.execute(sql`update request_audit set action = 'x' where request_id = ${request.id}`)).rejects.toThrow()
    await expect(t.app.db.execute(sql`delete from request_audit where request_id = ${request.id}`)).rejects.toThrow()
    await expect(t.app.db.execute(sql`truncate request_audit cascade`)).rejects.toThrow()
    const entries = await t.app.db.select().from(requestAudit).where(eq(requestAudit.requestId, request.id))
    expect(entries.map((entry) => entry.action)).toEqual(['created'])
  })
})
