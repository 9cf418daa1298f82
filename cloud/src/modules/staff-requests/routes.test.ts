import { randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import {
  REQUEST_STAGE_LABELS,
  REQUEST_STATUSES,
  STATUS_TRANSITIONS,
  canTransition,
  requestStage,
  type RequestStatus,
} from '../../../../types/request-status'
import { ServiceRequest, StaffRequestDetail, StaffRequestPage } from '../../../../types/service'
import { TokenSigner } from '../auth/tokens'
import { requestAudit, serviceRequests, staff as staffTable } from '../../db/schema'
import { generateRequests } from '../../../../test/scale/requests'
import { execSql } from '../../../test-support/database'
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

const Page = StaffRequestPage
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
const closeTicket = (id: string, reason: string, token = agent.token) =>
  t.app.inject({ method: 'POST', url: `/api/staff/requests/${id}/close`, headers: bearer(token), payload: { reason } })
/** A status change as staff make it: 关闭工单 (with a reason) for `closed`, the status route for the rest. */
const move = (id: string, to: RequestStatus, token = agent.token) =>
  to === 'closed' ? closeTicket(id, '企业已自行解决，电话确认后关闭', token) : setStatus(id, to, token)
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
  for (const step of PATH_TO[status]) expect((await move(request.id, step)).statusCode).toBe(200)
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
    // The agent owns what it moved along; a request still new (or withdrawn while new) is nobody's, so
    // the supervisor moves it (an agent may only accept it, which makes it theirs: see "who may act").
    const actor = (from === 'new' || from === 'withdrawn') && to !== 'accepted' ? supervisor : agent
    const response = await move(id, to, actor.token)
    if (canTransition(from, to)) {
      expect(response.statusCode).toBe(200)
      const view = StaffRequestDetail.parse(response.json())
      expect(view.status).toBe(to)
      expect(view.allowedTransitions).toEqual([...STATUS_TRANSITIONS[to]])
      expect(view.audit.at(-1)).toMatchObject({ action: 'status_changed', detail: { from, to }, actor: actor.displayName })
      if (to === 'closed') expect(view.audit.at(-1)?.detail).toMatchObject({ closeReason: '企业已自行解决，电话确认后关闭' })
    } else {
      expect(response.statusCode).toBe(409)
      expect(response.json().error).toEqual({ code: 'invalid_transition', message: expect.stringMatching(/不能改为/) })
      expect((await detail(id)).status).toBe(from)
    }
  })
})

describe('关闭工单 (issue 15.6)', () => {
  it('the status route never closes: closing needs a reason, and nothing changes without one', async () => {
    const id = await requestIn('resolved')
    const refused = await setStatus(id, 'closed')
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error.fields).toEqual({ status: expect.stringContaining('关闭原因') })
    for (const reason of ['', ' ', '好']) {
      const response = await closeTicket(id, reason)
      expect(response.statusCode).toBe(400)
      expect(response.json().error.fields).toEqual({ reason: '请填写关闭原因（至少 2 个字）' })
    }
    expect((await closeTicket(id, '长'.repeat(201))).json().error.fields).toEqual({ reason: '关闭原因不能超过 200 个字' })
    expect((await detail(id)).status).toBe('resolved')
  })

  it('closes a resolved request with the reason audited; the investor sees 已关闭 and why, not 已评价', async () => {
    const request = await newRequest()
    await setStatus(request.id, 'accepted')
    await setStatus(request.id, 'resolved')
    const closed = StaffRequestDetail.parse((await closeTicket(request.id, '  企业已另行解决，电话确认后关闭  ')).json())
    expect(closed).toMatchObject({ status: 'closed', rated: false, allowedTransitions: [] })
    expect(closed.audit.at(-1)).toMatchObject({
      action: 'status_changed',
      actor: '赵小二',
      detail: { from: 'resolved', to: 'closed', closeReason: '企业已另行解决，电话确认后关闭' },
    })
    const view = ServiceRequest.parse(
      (await t.app.inject({ method: 'GET', url: `/api/requests/${request.id}`, headers: bearer(investor) })).json(),
    )
    expect(view).toMatchObject({ status: 'closed', rated: false, canRate: false })
    expect(view.timeline.at(-1)).toMatchObject({ step: 'closed', actor: '店小二 赵小二', note: '企业已另行解决，电话确认后关闭' })
    expect(requestStage(view.status, { rated: view.rated, latestStep: view.timeline.at(-1)?.step })).toBe('closed')
    // Closed is final: no rating, no second close.
    expect((await closeTicket(request.id, '再关一次')).statusCode).toBe(409)
    const rating = await t.app.inject({
      method: 'POST',
      url: `/api/requests/${request.id}/rating`,
      headers: bearer(investor),
      payload: { score: 5 },
    })
    expect(rating.statusCode).toBe(409)
  })

  it('an open request cannot be closed (STATUS_TRANSITIONS), only resolved ones', async () => {
    const id = await requestIn('in_progress')
    const response = await closeTicket(id, '重复提交')
    expect(response.statusCode).toBe(409)
    expect(response.json().error.code).toBe('invalid_transition')
  })
})

describe('how the investor sees staff names (issue 15.15)', () => {
  it('店小二 prefixes a plain name, never a name that already says 店小二', async () => {
    // A supervisor may answer a colleague's request (an agent may not: see "who may act").
    const named = await addStaff(t.app, 'supervisor', 'zouping', '邹平店小二')
    const request = await newRequest()
    await staffPost(t.app, agent.token, `/api/staff/requests/${request.id}/replies`, { body: '我是赵小二，您好，已收到。' })
    clock.advance(60_000)
    await staffPost(t.app, named.token, `/api/staff/requests/${request.id}/replies`, { body: '补充一句。' })
    clock.advance(-60_000)
    const view = ServiceRequest.parse(
      (await t.app.inject({ method: 'GET', url: `/api/requests/${request.id}`, headers: bearer(investor) })).json(),
    )
    expect(view.messages.map((message) => message.authorName)).toEqual(['店小二 赵小二', '邹平店小二'])
    expect(view.timeline.map((entry) => entry.actor)).toEqual(['您', '店小二 赵小二', '店小二 赵小二', '邹平店小二'])
  })
})

describe('status tag and timeline agree (issue 15.6)', () => {
  it('after a public reply the latest step is 已答复 and the tag says so; a later status change moves both', async () => {
    const request = await newRequest()
    await setStatus(request.id, 'accepted')
    await setStatus(request.id, 'in_progress')
    const replied = StaffRequestDetail.parse(
      await staffPost(t.app, agent.token, `/api/staff/requests/${request.id}/replies`, { body: '您好，材料已收到。' }),
    )
    const stage = (view: { status: RequestStatus; rated: boolean; timeline: { step: string }[] }) =>
      requestStage(view.status, { rated: view.rated, latestStep: view.timeline.at(-1)?.step })
    expect(replied.timeline.at(-1)?.step).toBe('replied')
    expect(REQUEST_STAGE_LABELS[stage(replied)]).toBe('已答复')
    const resolved = StaffRequestDetail.parse((await setStatus(request.id, 'resolved')).json())
    expect(REQUEST_STAGE_LABELS[stage(resolved)]).toBe('已办结')
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

describe('who may act on a request (roles × owner or not × action)', () => {
  type Actor = 'owner' | 'colleague' | 'supervisor' | 'admin' | 'outsider'
  type Action = 'in_progress' | 'resolved' | 'withdrawn' | 'reply' | 'note'
  const who = (actor: Actor): TestStaff => ({ owner: agent, colleague, supervisor, admin, outsider })[actor]
  const act = (id: string, action: Action, member: TestStaff) =>
    action === 'reply' || action === 'note'
      ? t.app.inject({
          method: 'POST',
          url: `/api/staff/requests/${id}/${action === 'reply' ? 'replies' : 'notes'}`,
          headers: bearer(member.token),
          payload: { body: `${member.displayName}的${action === 'reply' ? '答复' : '备注'}` },
        })
      : setStatus(id, action, member.token)
  /** An accepted request the agent 赵小二 has taken. */
  const owned = async () => {
    const request = await newRequest()
    await staffPost(t.app, agent.token, `/api/staff/requests/${request.id}/claim`)
    return request.id
  }
  const EXPECTED: Record<Actor, Record<Action, number>> = {
    owner: { in_progress: 200, resolved: 200, withdrawn: 200, reply: 200, note: 200 },
    colleague: { in_progress: 403, resolved: 403, withdrawn: 403, reply: 403, note: 200 },
    supervisor: { in_progress: 200, resolved: 200, withdrawn: 200, reply: 200, note: 200 },
    admin: { in_progress: 200, resolved: 200, withdrawn: 200, reply: 200, note: 200 },
    outsider: { in_progress: 404, resolved: 404, withdrawn: 404, reply: 404, note: 404 },
  }
  const cases = (Object.keys(EXPECTED) as Actor[]).flatMap((actor) =>
    (Object.keys(EXPECTED[actor]) as Action[]).map((action) => [actor, action, EXPECTED[actor][action]] as const),
  )

  it.each(cases)('%s: %s → %d', async (actor, action, status) => {
    const id = await owned()
    const before = await detail(id)
    const response = await act(id, action, who(actor))
    expect(response.statusCode).toBe(status)
    const after = await detail(id, supervisor.token)
    if (status === 200) {
      if (action === 'note') expect(after.notes.at(-1)?.author.id).toBe(who(actor).id)
      else if (action === 'reply') expect(after.messages.at(-1)).toMatchObject({ author: 'staff', body: `${who(actor).displayName}的答复` })
      else expect(after.status).toBe(action)
      return
    }
    if (status === 403) {
      expect(response.json().error).toEqual({ code: 'forbidden', message: expect.stringContaining('内部备注') })
    }
    // A refusal changes nothing: status, messages, notes, audit, first response.
    expect({ ...after, assignee: after.assignee?.id }).toEqual({ ...before, assignee: before.assignee?.id })
  })

  it('a request nobody has taken: an agent accepts or answers it (and so takes it), but may not withdraw or resolve it', async () => {
    const accepted = await newRequest()
    const acceptedView = StaffRequestDetail.parse((await setStatus(accepted.id, 'accepted', colleague.token)).json())
    expect(acceptedView.assignee?.id).toBe(colleague.id)

    const answered = await newRequest()
    const reply = await act(answered.id, 'reply', colleague)
    expect(reply.statusCode).toBe(200)
    expect(StaffRequestDetail.parse(reply.json())).toMatchObject({ status: 'accepted', assignee: { id: colleague.id } })

    const untouched = await newRequest()
    expect((await setStatus(untouched.id, 'withdrawn', colleague.token)).statusCode).toBe(403)
    expect((await act(untouched.id, 'note', colleague)).statusCode).toBe(200)
    expect(await detail(untouched.id)).toMatchObject({ status: 'new', assignee: null, firstRespondedAt: null })
    expect((await setStatus(untouched.id, 'withdrawn', supervisor.token)).statusCode).toBe(200)
  })

  it('after reassignment the new assignee acts and the former one may only add notes', async () => {
    const id = await owned()
    await staffPost(t.app, supervisor.token, `/api/staff/requests/${id}/assign`, { staffId: colleague.id })
    expect((await act(id, 'reply', colleague)).statusCode).toBe(200)
    expect((await act(id, 'in_progress', colleague)).statusCode).toBe(200)
    expect((await act(id, 'reply', agent)).statusCode).toBe(403)
    expect((await act(id, 'resolved', agent)).statusCode).toBe(403)
    expect((await act(id, 'note', agent)).statusCode).toBe(200)
    expect((await detail(id)).status).toBe('in_progress')
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

describe('a long queue', () => {
  it(
    'counts up to 999 (totalCapped past it, never an exact count) and pages through every row once by keyset',
    async () => {
      // 2,000 requests of the last half day in gaoqing: over half of them new, all of them in `all`.
      await generateRequests(execSql(t.database), {
        requests: 2000,
        zones: [{ id: 'gaoqing', ticketPrefix: 'GQ', parkIds: ['gaoqing-a', 'gaoqing-b'] }],
        now: clock.now(),
        days: 0.5,
        events: false,
      })
      const [member] = await t.app.db.select().from(staffTable).where(eq(staffTable.username, 'scale-gaoqing-a1'))
      const token = t.app.tokens.sign('staff', member.id, HOUR).token
      const exact = async (where: ReturnType<typeof sql>) =>
        (
          (await t.app.db.execute(
            sql`select count(*)::int as n from service_requests where zone_id = 'gaoqing' and ${where}`,
          )) as unknown as {
            rows: { n: number }[]
          }
        ).rows[0].n
      const all = await list('queue=all&limit=50', token)
      expect({ total: all.total, totalCapped: all.totalCapped }).toEqual({ total: 999, totalCapped: true })
      const newCount = await exact(sql`status = 'new' and assignee_id is null`)
      expect(newCount).toBeGreaterThan(999)
      const fresh = await list('queue=new&limit=50', token)
      expect({ total: fresh.total, totalCapped: fresh.totalCapped }).toEqual({ total: 999, totalCapped: true })
      // Under the cap the count is exact.
      const finance = await list('queue=all&type=finance&limit=50', token)
      expect({ total: finance.total, totalCapped: finance.totalCapped }).toEqual({
        total: await exact(sql`type = 'finance'`),
        totalCapped: false,
      })

      // Every row of `new`, oldest first, once.
      const seen: string[] = []
      let cursor: string | null = null
      do {
        const pageOf: Awaited<ReturnType<typeof list>> = await list(`queue=new&limit=50${cursor ? `&cursor=${cursor}` : ''}`, token)
        seen.push(...pageOf.items.map((item) => item.createdAt + ' ' + item.id))
        cursor = pageOf.nextCursor
      } while (cursor)
      expect(seen).toHaveLength(newCount)
      expect(new Set(seen).size).toBe(newCount)
      expect([...seen].sort()).toEqual(seen)
    },
    SETUP_TIMEOUT,
  )
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

  /** managersOnly: the zone's supervisors and admins may, agents may not. */
  type Route = { method: 'GET' | 'POST'; url: () => string; payload?: () => object; perRequest: boolean; managersOnly?: boolean }
  const routes: Route[] = [
    { method: 'GET', url: () => '/api/staff/requests?zoneId=zouping', perRequest: false },
    { method: 'GET', url: () => `/api/staff/requests/${requestId}`, perRequest: true },
    { method: 'POST', url: () => `/api/staff/requests/${requestId}/claim`, perRequest: true },
    { method: 'POST', url: () => `/api/staff/requests/${requestId}/assign`, payload: () => ({ staffId: agent.id }), perRequest: true },
    { method: 'POST', url: () => `/api/staff/requests/${requestId}/replies`, payload: () => ({ body: '您好' }), perRequest: true },
    { method: 'POST', url: () => `/api/staff/requests/${requestId}/notes`, payload: () => ({ body: '备注' }), perRequest: true },
    { method: 'POST', url: () => `/api/staff/requests/${requestId}/status`, payload: () => ({ status: 'accepted' }), perRequest: true },
    { method: 'POST', url: () => `/api/staff/requests/${requestId}/close`, payload: () => ({ reason: '企业已解决' }), perRequest: true },
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
