import { randomUUID } from 'node:crypto'
import { and, asc, eq, like } from 'drizzle-orm'
import { MyRequestList, ServiceRequest } from '../../../../types/service'
import { formatTicketNo } from '../../../../types/tickets'
import { HOLIDAY_CALENDAR_YEARS, addWorkingDays } from '../../../../types/working-days'
import { buildApp } from '../../app'
import { idempotencyKeys, investors, outbox, rateLimitHits, serviceRequests, slaTargets, staff, ticketCounters } from '../../db/schema'
import { createTestApp, SETUP_TIMEOUT, type TestApp } from '../../../test-support/app'
import {
  addStaff,
  bearer,
  guestToken,
  ManualClock,
  requestBody,
  serviceTestConfig,
  staffPost,
  submit,
  type TestStaff,
} from '../../../test-support/service'
import { pruneIdempotencyKeys } from './submit'

const clock = new ManualClock('2026-11-20T02:00:00Z') // Friday 10:00 in China
let t: TestApp
let investor: string
let other: string
let agent: TestStaff
let supervisor: TestStaff
beforeAll(async () => {
  t = await createTestApp({ clock: clock.now, config: serviceTestConfig() })
  investor = await guestToken(t.app)
  other = await guestToken(t.app)
  agent = await addStaff(t.app, 'agent', 'pingyuan', '张三')
  supervisor = await addStaff(t.app, 'supervisor', 'pingyuan', '李主管')
}, SETUP_TIMEOUT)
afterAll(() => t.close(), SETUP_TIMEOUT)

const post = (url: string, token: string, payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, headers: { ...bearer(token), ...headers }, payload })

describe('working days past the holiday calendar', () => {
  // First in the file: the last app built hears of uncovered years, and this one is the only one so far.
  it('counts Monday–Friday in a year chinese-days does not cover yet, and logs a warning once for that year', async () => {
    const year = HOLIDAY_CALENDAR_YEARS.last + 1
    const warn = jest.spyOn(t.app.log, 'warn')
    clock.set(`${year}-06-16T02:00:00Z`)
    try {
      const visitor = await guestToken(t.app) // signed at that time
      const first = await submit(t.app, visitor, { zoneId: 'yunhe', parkId: undefined })
      const second = await submit(t.app, visitor, { zoneId: 'yunhe', parkId: undefined })
      for (const request of [first, second]) expect(request.resolutionDueAt).toBe(mondayToFriday(clock.now(), 5).toISOString())
      const warnings = warn.mock.calls.filter(([fields]) => (fields as { year?: number }).year === year)
      expect(warnings).toHaveLength(1)
      expect(String(warnings[0][1])).toContain('chinese-days')
    } finally {
      warn.mockRestore()
      clock.set('2026-11-20T02:00:00Z')
    }
  })
})

/** `days` weekdays (China time) after `start`, at the same time of day. */
const mondayToFriday = (start: Date, days: number): Date => {
  let at = start.getTime()
  for (let counted = 0; counted < days; ) {
    at += 24 * 3600_000
    const weekday = new Date(at + 8 * 3600_000).getUTCDay()
    if (weekday !== 0 && weekday !== 6) counted++
  }
  return new Date(at)
}

describe('POST /api/requests', () => {
  it('creates a request with a per-zone, per-day ticket number and the SLA deadlines', async () => {
    const first = await submit(t.app, investor)
    const second = await submit(t.app, investor, { zoneId: 'pingyuan', parkId: undefined })
    const qingyun = await submit(t.app, investor, { zoneId: 'qingyun', parkId: undefined })

    expect(first.ticketNo).toMatch(/^PY-20261120-\d{4}$/)
    expect(Number(second.ticketNo.slice(-4))).toBe(Number(first.ticketNo.slice(-4)) + 1)
    expect(qingyun.ticketNo).toMatch(/^QY-20261120-\d{4}$/)
    expect(first).toMatchObject({
      status: 'new',
      escalated: false,
      createdAt: '2026-11-20T02:00:00.000Z',
      firstResponseDueAt: '2026-11-21T02:00:00.000Z',
      firstRespondedAt: null,
      // Friday + 5 working days = next Friday, same time.
      resolutionDueAt: '2026-11-27T02:00:00.000Z',
      supervisionHotline: null,
      canWithdraw: true,
      canRate: false,
      rating: null,
      messages: [],
      timeline: [{ step: 'submitted', at: '2026-11-20T02:00:00.000Z', actor: '您' }],
    })
  })

  it('uses the zone and type resolution target from sla_targets', async () => {
    await t.app.db.insert(slaTargets).values({ zoneId: 'gaoqing', type: 'finance', workingDays: 2 })
    const request = await submit(t.app, investor, { zoneId: 'gaoqing', parkId: undefined, type: 'finance' })
    expect(request.resolutionDueAt).toBe('2026-11-24T02:00:00.000Z') // Fri → Mon (1), Tue (2)
  })

  it('follows a changed or removed sla_targets row from the next submission on', async () => {
    const target = and(eq(slaTargets.zoneId, 'gaoqing'), eq(slaTargets.type, 'agency'))
    await t.app.db.insert(slaTargets).values({ zoneId: 'gaoqing', type: 'agency', workingDays: 2 })
    const due = async () => (await submit(t.app, investor, { zoneId: 'gaoqing', parkId: undefined, type: 'agency' })).resolutionDueAt
    expect(await due()).toBe('2026-11-24T02:00:00.000Z')
    await t.app.db.update(slaTargets).set({ workingDays: 3 }).where(target)
    expect(await due()).toBe('2026-11-25T02:00:00.000Z')
    await t.app.db.delete(slaTargets).where(target)
    expect(await due()).toBe('2026-11-27T02:00:00.000Z') // the default, 5 working days
  })

  it('counts the resolution deadline in working days as government offices do: public holidays off, 调休 weekends on', async () => {
    clock.set('2026-09-30T02:00:00Z') // Wednesday 10:00, the day before National Day
    try {
      const request = await submit(t.app, investor, { zoneId: 'yunhe', parkId: undefined })
      // 10-01 … 10-07 are holidays; Thu 10-08 (1), Fri 10-09 (2), Sat 10-10 a make-up working day (3), Mon (4), Tue (5).
      expect(request.resolutionDueAt).toBe('2026-10-13T02:00:00.000Z')
      expect(request.resolutionDueAt).toBe(addWorkingDays(clock.now(), 5).toISOString())
      // The retention test below counts keys by age: this one is weeks older than the rest.
      await t.app.db.delete(idempotencyKeys).where(eq(idempotencyKeys.requestId, request.id))
    } finally {
      clock.set('2026-11-20T02:00:00Z')
    }
  })

  it('numbers tickets by the China-time day (just after midnight in China is the next day)', async () => {
    clock.set('2026-11-20T16:30:00Z')
    try {
      const request = await submit(t.app, investor, { zoneId: 'yunhe', parkId: undefined })
      expect(request.ticketNo).toBe('YH-20261121-0001')
    } finally {
      clock.set('2026-11-20T02:00:00Z')
    }
  })

  it('announces the request to its zone once, through the job loop (skipped: no webhook configured)', async () => {
    const request = await submit(t.app, investor)
    await t.app.jobs.announce()
    await t.app.jobs.announce()
    const rows = await t.app.db.select().from(outbox).where(eq(outbox.requestId, request.id))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ kind: 'new_request', channel: 'wecom', status: 'skipped', lastError: '开发区未设置企业微信群机器人' })
    expect(JSON.stringify(rows[0].payload)).not.toContain('13800001111')
    expect(JSON.stringify(rows[0].payload)).not.toContain('王先生')
  })

  it('refuses unknown fields, bad values and a park of another zone with 400 and the fields', async () => {
    const key = { 'idempotency-key': randomUUID() }
    const unknown = await post('/api/requests', investor, { ...requestBody(), budget: 5 }, key)
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().error.fields).toEqual({ body: '不支持的字段：budget' })

    const bad = await post('/api/requests', investor, requestBody({ mobile: '12345', description: '太短', type: 'x' as never }), key)
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.fields).toEqual({
      mobile: '请填写 11 位中国大陆手机号',
      description: '请至少用 10 个字描述需求',
      type: expect.stringContaining('应为以下之一'),
    })

    const wrongPark = await post('/api/requests', investor, requestBody({ zoneId: 'qingyun', parkId: 'pingyuan-jingde' }), key)
    expect(wrongPark.statusCode).toBe(400)
    expect(wrongPark.json().error.fields).toEqual({ parkId: '该园区不属于所选开发区' })
  })

  it('refuses newlines and control characters in single-line fields with 400 and the field, writing nothing', async () => {
    const injected = [
      ['company', '正常企业\n**系统通知** 请所有人点击 [链接](https://evil.example) <@all>'],
      ['company', '回车企业\r有限公司'],
      ['company', '制表\t企业有限公司'],
      ['company', '响铃\u0007企业'],
      ['company', '换页\u000c企业'],
      ['company', 'C1控制\u0085企业'],
      ['company', '换行分隔\u2028企业'],
      ['contactName', '王\n先生'],
    ] as const
    for (const [field, value] of injected) {
      const key = randomUUID()
      const response = await post('/api/requests', investor, requestBody({ [field]: value }), { 'idempotency-key': key })
      expect(response.statusCode).toBe(400)
      expect(response.json().error.fields).toEqual({ [field]: expect.stringContaining('不能包含换行或控制字符') })
      expect(await t.app.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key))).toHaveLength(0)
    }
    // The multi-line description keeps its line breaks.
    const described = await submit(t.app, investor, { description: '第一行：需要厂房。\n第二行：希望下月看场地。' })
    expect(described.description).toBe('第一行：需要厂房。\n第二行：希望下月看场地。')
  })

  it('escapes markdown in the WeCom notice: a company name cannot post bold text, links, headings or <@all>', async () => {
    const request = await submit(t.app, investor, { company: '# **系统通知** [点此领取补贴](https://evil.example/x) <@all> `code` ~删~ _斜_' })
    await t.app.jobs.announce()
    const [row] = await t.app.db.select().from(outbox).where(eq(outbox.requestId, request.id))
    const markdown = String(row.payload.markdown)
    const companyLine = markdown.split('\n').find((line) => line.startsWith('> 企业：'))!
    expect(companyLine).toBe('> 企业：＃ ＊＊系统通知＊＊ ［点此领取补贴］(https：//evil.example/x) ＜@all＞ ｀code｀ ～删～ ＿斜＿')
    for (const markup of ['**系统', '](', '<@all>', '`', 'https://']) expect(companyLine).not.toContain(markup)
    // The notice's own markup is untouched.
    expect(markdown.startsWith(`**新的服务请求** ${request.ticketNo}\n`)).toBe(true)
  })

  it('requires an Idempotency-Key of 8–128 characters', async () => {
    const missing = await post('/api/requests', investor, requestBody())
    expect(missing.statusCode).toBe(400)
    expect(missing.json().error.fields['idempotency-key']).toContain('Idempotency-Key')
    const short = await post('/api/requests', investor, requestBody(), { 'idempotency-key': 'abc' })
    expect(short.statusCode).toBe(400)
  })

  it('only accepts photos the investor uploaded, and such a refusal does not use up the key', async () => {
    const key = { 'idempotency-key': randomUUID() }
    const response = await post('/api/requests', investor, requestBody({ photos: [randomUUID()] }), key)
    expect(response.statusCode).toBe(400)
    expect(response.json().error.fields).toEqual({ 'photos.0': '图片不存在或不是您上传的，请重新上传' })
    expect(await t.app.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key['idempotency-key']))).toHaveLength(0)
    expect((await post('/api/requests', investor, requestBody(), key)).statusCode).toBe(201)
  })

  it('needs an investor session', async () => {
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/requests', payload: requestBody() })
    expect(anonymous.statusCode).toBe(401)
    const asStaff = await post('/api/requests', agent.token, requestBody(), { 'idempotency-key': randomUUID() })
    expect(asStaff.statusCode).toBe(403)
  })

  it('never answers 5xx for odd input', async () => {
    const cases = [
      { payload: 'not json', headers: { 'content-type': 'application/json' } },
      { payload: JSON.stringify([1, 2]), headers: { 'content-type': 'application/json' } },
      { payload: JSON.stringify(requestBody({ description: 'x'.repeat(70_000) })), headers: { 'content-type': 'application/json' } },
      { payload: '<xml/>', headers: { 'content-type': 'application/xml' } },
      { payload: JSON.stringify({ ...requestBody(), photos: ['a', 'b', 'c', 'd'] }), headers: { 'content-type': 'application/json' } },
      // PostgreSQL text cannot hold NUL: refused up front.
      { payload: JSON.stringify(requestBody({ company: '德州\u0000机械有限公司' })), headers: { 'content-type': 'application/json' } },
    ]
    for (const { payload, headers } of cases) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/requests',
        headers: { ...bearer(investor), 'idempotency-key': randomUUID(), ...headers },
        payload,
      })
      expect(response.statusCode).toBeGreaterThanOrEqual(400)
      expect(response.statusCode).toBeLessThan(500)
    }
    for (const url of ['/api/requests/not-a-uuid', `/api/requests/${randomUUID()}`, `/api/requests/${'9'.repeat(90)}`]) {
      const response = await t.app.inject({ method: 'GET', url, headers: bearer(investor) })
      expect([400, 404]).toContain(response.statusCode)
    }
  })
})

describe('idempotency', () => {
  it('creates exactly one request for 10 concurrent retries with the same key; all answers are equal', async () => {
    const key = randomUUID()
    const body = requestBody({ company: '并发重试测试有限公司' })
    const responses = await Promise.all(Array.from({ length: 10 }, () => post('/api/requests', investor, body, { 'idempotency-key': key })))

    const statuses = responses.map((response) => response.statusCode).sort()
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201])
    const bodies = responses.map((response) => response.json())
    for (const replayed of bodies) expect(replayed).toEqual(bodies[0])
    for (const response of responses.filter((candidate) => candidate.statusCode === 200)) {
      expect(response.headers['idempotent-replayed']).toBe('true')
    }
    const created = await t.app.db.select().from(serviceRequests).where(eq(serviceRequests.company, '并发重试测试有限公司'))
    expect(created).toHaveLength(1)
    expect(created[0].id).toBe(bodies[0].id)
  })

  it('answers 422 idempotency_mismatch for the same key with a different body', async () => {
    const key = randomUUID()
    expect((await post('/api/requests', investor, requestBody(), { 'idempotency-key': key })).statusCode).toBe(201)
    const changed = await post('/api/requests', investor, requestBody({ description: '换了一个需求描述，内容不同了。' }), {
      'idempotency-key': key,
    })
    expect(changed.statusCode).toBe(422)
    expect(changed.json().error.code).toBe('idempotency_mismatch')
  })

  it('keeps keys per investor: another investor may use the same key', async () => {
    const key = randomUUID()
    const mine = await post('/api/requests', investor, requestBody(), { 'idempotency-key': key })
    const theirs = await post('/api/requests', other, requestBody(), { 'idempotency-key': key })
    expect([mine.statusCode, theirs.statusCode]).toEqual([201, 201])
    expect(mine.json().id).not.toBe(theirs.json().id)
    const keys = await t.app.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key))
    expect(keys).toHaveLength(2)
  })

  it('does not use up a key on a refused body: the corrected retry creates the request', async () => {
    const key = randomUUID()
    const refused = await post('/api/requests', investor, requestBody({ mobile: '123' }), { 'idempotency-key': key })
    expect(refused.statusCode).toBe(400)
    expect((await post('/api/requests', investor, requestBody(), { 'idempotency-key': key })).statusCode).toBe(201)
  })

  it('replays a key for 30 days; after that the job loop forgets the key and the request stays', async () => {
    const key = randomUUID()
    const body = requestBody({ company: '保留期测试有限公司' })
    const created = await post('/api/requests', investor, body, { 'idempotency-key': key })
    expect(created.statusCode).toBe(201)
    const day = 24 * 3600_000
    const storedKey = () => t.app.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key))

    expect(await pruneIdempotencyKeys(t.app.db, new Date(clock.now().getTime() + 29 * day))).toBe(0)
    const retried = await post('/api/requests', investor, body, { 'idempotency-key': key })
    expect(retried.statusCode).toBe(200)
    expect(retried.json().id).toBe(created.json().id)

    expect(await pruneIdempotencyKeys(t.app.db, new Date(clock.now().getTime() + 31 * day))).toBeGreaterThanOrEqual(1)
    expect(await storedKey()).toHaveLength(0)
    const kept = await t.app.db.select().from(serviceRequests).where(eq(serviceRequests.id, created.json().id))
    expect(kept).toHaveLength(1)
  })
})

describe('one statement per submission', () => {
  it('numbers concurrent submissions of one zone and day without gaps or repeats', async () => {
    clock.set('2026-12-01T02:00:00Z')
    try {
      const created = await Promise.all(Array.from({ length: 20 }, () => submit(t.app, investor, { zoneId: 'zouping', parkId: undefined })))
      expect(created.map((request) => request.ticketNo).sort()).toEqual(
        Array.from({ length: 20 }, (_, n) => `ZP-20261201-${String(n + 1).padStart(4, '0')}`),
      )
    } finally {
      clock.set('2026-11-20T02:00:00Z')
    }
  })

  it('creates exactly once when two API instances on one database get the same key at the same time', async () => {
    const second = await buildApp({ db: t.database, config: serviceTestConfig(), clock: clock.now })
    try {
      const key = randomUUID()
      const body = requestBody({ company: '两个进程同一请求有限公司' })
      const responses = await Promise.all(
        Array.from({ length: 8 }, (_, n) =>
          (n % 2 ? second : t.app).inject({
            method: 'POST',
            url: '/api/requests',
            headers: { ...bearer(investor), 'idempotency-key': key },
            payload: body,
          }),
        ),
      )
      expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201])
      for (const response of responses) expect(response.json()).toEqual(responses[0].json())
      const stored = await t.app.db.select().from(serviceRequests).where(eq(serviceRequests.company, '两个进程同一请求有限公司'))
      expect(stored.map((row) => row.id)).toEqual([responses[0].json().id])
    } finally {
      await second.close()
    }
  })

  it('replays the request it created (same id and ticket), as it stands now, after the request has moved on', async () => {
    const key = { 'idempotency-key': randomUUID() }
    const created = await post('/api/requests', investor, requestBody(), key)
    expect(created.statusCode).toBe(201)
    await staffPost(t.app, agent.token, `/api/staff/requests/${created.json().id}/claim`)
    const replay = await post('/api/requests', investor, requestBody(), key)
    expect(replay.statusCode).toBe(200)
    expect(replay.headers['idempotent-replayed']).toBe('true')
    expect(replay.json()).toEqual({ ...created.json(), status: 'accepted', canWithdraw: true, timeline: expect.any(Array) })
    expect(replay.json().timeline.map((step: { step: string }) => step.step)).toEqual(['submitted', 'accepted'])
    expect(await t.app.db.select().from(serviceRequests).where(eq(serviceRequests.id, created.json().id))).toHaveLength(1)
  })

  it('hands out ticket numbers as types/tickets formats them, past 9999 too', async () => {
    clock.set('2026-12-02T02:00:00Z')
    try {
      await t.app.db.insert(ticketCounters).values({ zoneId: 'qingyun', day: '20261202', lastSeq: 9998 })
      const [last4, first5] = [await submit(t.app, investor, { zoneId: 'qingyun', parkId: undefined }), await submit(t.app, investor, { zoneId: 'qingyun', parkId: undefined })]
      expect([last4.ticketNo, first5.ticketNo]).toEqual([formatTicketNo('QY', '20261202', 9999), formatTicketNo('QY', '20261202', 10000)])
      expect(first5.ticketNo).toBe('QY-20261202-10000')
    } finally {
      clock.set('2026-11-20T02:00:00Z')
    }
  })

  it('answers 401 invalid_token, writing nothing, when the investor behind a valid token is gone', async () => {
    const token = await guestToken(t.app)
    const claims = t.app.tokens.verify(token)
    if (!claims.ok) throw new Error('token')
    await t.app.db.delete(investors).where(eq(investors.id, claims.claims.sub))
    const key = randomUUID()
    const response = await post('/api/requests', token, requestBody({ company: '已注销投资者有限公司' }), { 'idempotency-key': key })
    expect(response.statusCode).toBe(401)
    expect(response.json().error.code).toBe('invalid_token')
    expect(await t.app.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key))).toHaveLength(0)
    expect(await t.app.db.select().from(serviceRequests).where(eq(serviceRequests.company, '已注销投资者有限公司'))).toHaveLength(0)
  })

  it('addresses the new-request notice to the zone agents, oldest first, and names the ticket', async () => {
    const later = await addStaff(t.app, 'agent', 'pingyuan', '王五')
    const request = await submit(t.app, investor)
    await t.app.jobs.announce()
    const [row] = await t.app.db.select().from(outbox).where(eq(outbox.requestId, request.id))
    const agents = await t.app.db
      .select({ id: staff.id })
      .from(staff)
      .where(and(eq(staff.zoneId, 'pingyuan'), eq(staff.role, 'agent')))
      .orderBy(asc(staff.createdAt), asc(staff.id))
    expect(row.recipients).toEqual(agents.map((member) => member.id))
    expect(row.recipients).toEqual(expect.arrayContaining([agent.id, later.id]))
    expect(row.payload.markdown).toBe(
      [
        `**新的服务请求** ${request.ticketNo}`,
        '> 开发区：平原经济开发区 · 京德智造产业园',
        '> 类型：选址与厂房',
        '> 企业：德州示例机械有限公司',
        '> 首次响应截止：2026-11-21 10:00',
        '请店小二尽快受理。',
      ].join('\n'),
    )
  })
})

describe('submission limits', () => {
  it('answers 429 with Retry-After past the per-investor limit, counted in memory on PGlite and in the database on PostgreSQL', async () => {
    const limited = await buildApp({
      db: t.database,
      config: serviceTestConfig(
        {},
        { rateLimits: { ...serviceTestConfig().rateLimits, submitPerInvestor: { max: 3, windowMs: 3_600_000 } } },
      ),
      clock: clock.now,
    })
    try {
      const token = await guestToken(limited)
      const statuses = []
      for (let n = 0; n < 4; n++) {
        const response = await limited.inject({
          method: 'POST',
          url: '/api/requests',
          headers: { ...bearer(token), 'idempotency-key': randomUUID() },
          payload: requestBody(),
        })
        statuses.push(response.statusCode)
        if (response.statusCode === 429) {
          expect(response.json().error.code).toBe('rate_limited')
          expect(Number(response.headers['retry-after'])).toBe(3600)
        }
      }
      expect(statuses).toEqual([201, 201, 201, 429])
      const claims = limited.tokens.verify(token)
      if (!claims.ok) throw new Error('token')
      const rows = await t.app.db
        .select()
        .from(rateLimitHits)
        .where(like(rateLimitHits.key, `submit:investor:${claims.claims.sub}`))
      expect(rows).toHaveLength(t.database.kind === 'postgres' ? 1 : 0)
    } finally {
      await limited.close()
    }
  })
})

describe('reading requests', () => {
  it('lists only my requests, newest first, and hides others’ requests behind 404', async () => {
    const someone = await guestToken(t.app)
    const older = await submit(t.app, someone, { company: '别人的公司有限公司' })
    clock.advance(60_000)
    const mine = await submit(t.app, someone, { company: '别人的公司有限公司' })
    clock.advance(-60_000)
    const list = MyRequestList.parse((await t.app.inject({ method: 'GET', url: '/api/requests/mine', headers: bearer(someone) })).json())
    expect(list.items.map((item) => item.id)).toEqual([mine.id, older.id])

    const stranger = await t.app.inject({ method: 'GET', url: `/api/requests/${mine.id}`, headers: bearer(investor) })
    expect((await t.app.inject({ method: 'GET', url: `/api/requests/${mine.id}`, headers: bearer(someone) })).statusCode).toBe(200)
    expect(stranger.statusCode).toBe(404)
    const missing = await t.app.inject({ method: 'GET', url: `/api/requests/${randomUUID()}`, headers: bearer(investor) })
    expect(stranger.json()).toEqual(missing.json())
    for (const action of ['messages', 'rating', 'withdraw']) {
      const payload = action === 'messages' ? { body: '你好，我想补充一些材料。' } : action === 'rating' ? { score: 5 } : {}
      expect((await post(`/api/requests/${mine.id}/${action}`, investor, payload)).statusCode).toBe(404)
    }
  })

  it('shows the investor staff replies as 店小二 with their name, never internal notes', async () => {
    const request = await submit(t.app, investor)
    await staffPost(t.app, agent.token, `/api/staff/requests/${request.id}/notes`, { body: '内部：该企业之前来过电话' })
    await staffPost(t.app, agent.token, `/api/staff/requests/${request.id}/replies`, { body: '您好，厂房下月可交付，我们约时间看现场。' })
    const view = ServiceRequest.parse(
      (await t.app.inject({ method: 'GET', url: `/api/requests/${request.id}`, headers: bearer(investor) })).json(),
    )
    expect(view.messages).toEqual([
      {
        id: expect.any(String),
        author: 'staff',
        authorName: '店小二 张三',
        body: '您好，厂房下月可交付，我们约时间看现场。',
        createdAt: expect.any(String),
      },
    ])
    expect(JSON.stringify(view)).not.toContain('内部')
    expect(view.timeline.map((entry) => [entry.step, entry.actor])).toEqual([
      ['submitted', '您'],
      ['accepted', '店小二 张三'],
      ['replied', '店小二 张三'],
    ])
    expect(view.firstRespondedAt).toBe(clock.now().toISOString())
    expect(view.canWithdraw).toBe(false)
  })
})

describe('investor actions', () => {
  it('a follow-up while waiting on the investor resumes the request and its clock', async () => {
    const request = await submit(t.app, investor)
    await staffPost(t.app, agent.token, `/api/staff/requests/${request.id}/claim`)
    await staffPost(t.app, agent.token, `/api/staff/requests/${request.id}/status`, { status: 'waiting_investor' })
    clock.advance(3 * 3600_000)
    const response = await post(`/api/requests/${request.id}/messages`, investor, { body: '营业执照复印件已经准备好了。' })
    clock.advance(-3 * 3600_000)
    expect(response.statusCode).toBe(200)
    const view = ServiceRequest.parse(response.json())
    expect(view.status).toBe('in_progress')
    expect(view.resolutionDueAt).toBe('2026-11-27T05:00:00.000Z') // pushed back by the 3 hours waited
    expect(view.messages.at(-1)).toMatchObject({ author: 'investor', authorName: '您' })
  })

  it('withdraw works until staff answer publicly, then 409', async () => {
    const quiet = await submit(t.app, investor)
    await staffPost(t.app, agent.token, `/api/staff/requests/${quiet.id}/claim`)
    const withdrawn = await post(`/api/requests/${quiet.id}/withdraw`, investor, {})
    expect(withdrawn.statusCode).toBe(200)
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', canWithdraw: false })

    const answered = await submit(t.app, investor)
    await staffPost(t.app, agent.token, `/api/staff/requests/${answered.id}/replies`, { body: '收到，我们正在核实。' })
    const refused = await post(`/api/requests/${answered.id}/withdraw`, investor, {})
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error).toMatchObject({ code: 'cannot_withdraw', message: expect.stringMatching(/不能撤回/) })
  })

  it('rating: only once resolved; 4–5 closes the request', async () => {
    const request = await submit(t.app, investor)
    expect((await post(`/api/requests/${request.id}/rating`, investor, { score: 5 })).statusCode).toBe(409)
    await staffPost(t.app, agent.token, `/api/staff/requests/${request.id}/claim`)
    await staffPost(t.app, agent.token, `/api/staff/requests/${request.id}/status`, { status: 'resolved' })
    const invalid = await post(`/api/requests/${request.id}/rating`, investor, { score: 6 })
    expect(invalid.statusCode).toBe(400)
    const rated = ServiceRequest.parse((await post(`/api/requests/${request.id}/rating`, investor, { score: 5, comment: '很及时' })).json())
    expect(rated).toMatchObject({
      status: 'closed',
      canRate: false,
      rating: { score: 5, comment: '很及时', ratedAt: clock.now().toISOString() },
    })
    expect(rated.timeline.at(-1)).toMatchObject({ step: 'rated', actor: '您' })
    expect((await post(`/api/requests/${request.id}/rating`, investor, { score: 4 })).statusCode).toBe(409)
  })

  it('rating 1–2 reopens the request for a zone supervisor, escalated, with a low_rating notice and the hotline field', async () => {
    const request = await submit(t.app, investor)
    await staffPost(t.app, agent.token, `/api/staff/requests/${request.id}/claim`)
    await staffPost(t.app, agent.token, `/api/staff/requests/${request.id}/status`, { status: 'resolved' })
    const response = await post(`/api/requests/${request.id}/rating`, investor, { score: 2, comment: '问题没有解决' })
    expect(response.statusCode).toBe(200)
    const view = ServiceRequest.parse(response.json())
    expect(view).toMatchObject({ status: 'in_progress', escalated: true, resolvedAt: null, supervisionHotline: null })
    expect(view.rating).toMatchObject({ score: 2 })

    const [row] = await t.app.db.select().from(serviceRequests).where(eq(serviceRequests.id, request.id))
    expect(row.assigneeId).toBe(supervisor.id)
    const notices = await t.app.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.requestId, request.id), eq(outbox.kind, 'low_rating')))
    expect(notices).toHaveLength(1)
    expect(notices[0].payload.markdown).toContain('李主管')
    expect(notices[0].recipients).toEqual([supervisor.id])
  })
})
