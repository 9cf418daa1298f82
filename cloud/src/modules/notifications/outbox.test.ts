import { and, eq } from 'drizzle-orm'
import { outbox, zoneSettings } from '../../db/schema'
import { createTestApp, SETUP_TIMEOUT, type TestApp } from '../../../test-support/app'
import {
  addStaff,
  createTwoApps,
  guestToken,
  ManualClock,
  Receiver,
  serviceTestConfig,
  staffPost,
  submit,
  type TestStaff,
  type TwoApps,
} from '../../../test-support/service'
import { backoffMs } from './outbox'

const SECOND = 1000

describe('outbox delivery', () => {
  const clock = new ManualClock('2026-11-20T02:00:00Z')
  const receiver = new Receiver()
  let t: TestApp
  let agent: TestStaff
  beforeAll(async () => {
    await receiver.start()
    receiver.replies.set('/sns/jscode2session', () => ({ openid: 'o-wechat-investor', session_key: 'k' }))
    receiver.replies.set('/cgi-bin/stable_token', () => ({ access_token: 'ACCESS', expires_in: 7200 }))
    t = await createTestApp({
      clock: clock.now,
      config: serviceTestConfig({
        WECHAT_APPID: 'wx-test',
        WECHAT_SECRET: 'wechat-secret',
        WECHAT_API_BASE: receiver.url(''),
        WECHAT_TEMPLATE_REPLY: 'tpl-reply',
        OUTBOX_MAX_ATTEMPTS: '4',
      }),
    })
    agent = await addStaff(t.app, 'agent', 'zouping', '冯小二')
    // The zone's own group robot, as an admin sets it (PUT /api/staff/zones/zouping/settings).
    await t.app.db
      .insert(zoneSettings)
      .values({ zoneId: 'zouping', wecomWebhookUrl: receiver.url('/cgi-bin/webhook/send?key=zouping-robot'), updatedAt: clock.now() })
  }, SETUP_TIMEOUT)
  afterAll(async () => {
    await t.close()
    await receiver.stop()
  }, SETUP_TIMEOUT)

  const rowsOf = (requestId: string, kind: 'new_request' | 'reply' | 'resolved') =>
    t.app.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.requestId, requestId), eq(outbox.kind, kind)))

  it('survives a receiver outage (HTTP 500, then down) and delivers exactly once after recovery', async () => {
    const investor = await guestToken(t.app)
    receiver.received.length = 0
    receiver.failWith = 500
    const request = await submit(t.app, investor, { zoneId: 'zouping', parkId: undefined })
    expect(await t.app.jobs.announce()).toBe(1)

    expect(await t.app.jobs.dispatchOutbox()).toMatchObject({ delivered: 0, retried: 1 })
    let [row] = await rowsOf(request.id, 'new_request')
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('HTTP 500') })
    expect(row.lastError).not.toContain('zouping-robot') // the webhook key never lands in the table
    expect(row.nextAttemptAt.getTime() - clock.now().getTime()).toBe(backoffMs(1))

    // Not due yet: nothing is sent.
    expect(await t.app.jobs.dispatchOutbox()).toMatchObject({ delivered: 0, retried: 0 })

    await receiver.stop()
    clock.advance(backoffMs(1))
    expect(await t.app.jobs.dispatchOutbox()).toMatchObject({ delivered: 0, retried: 1 })
    ;[row] = await rowsOf(request.id, 'new_request')
    expect(row).toMatchObject({ status: 'pending', attempts: 2 })

    receiver.failWith = null
    await receiver.start()
    clock.advance(backoffMs(2))
    expect(await t.app.jobs.dispatchOutbox()).toMatchObject({ delivered: 1 })
    expect(await t.app.jobs.dispatchOutbox()).toMatchObject({ delivered: 0 })
    clock.advance(3600 * SECOND)
    expect(await t.app.jobs.dispatchOutbox()).toMatchObject({ delivered: 0 })

    ;[row] = await rowsOf(request.id, 'new_request')
    expect(row).toMatchObject({
      status: 'delivered',
      attempts: 3,
      lastError: null,
      deliveredAt: new Date(clock.now().getTime() - 3600 * SECOND),
    })
    const calls = receiver.received.filter((call) => call.url.startsWith('/cgi-bin/webhook/send'))
    expect(calls).toHaveLength(1)
    const message = JSON.parse(calls[0].body) as { msgtype: string; markdown: { content: string } }
    expect(message.msgtype).toBe('markdown')
    expect(message.markdown.content).toContain(request.ticketNo)
    expect(message.markdown.content).not.toContain('13800001111')
  })

  it('gives up after OUTBOX_MAX_ATTEMPTS into a visible dead state', async () => {
    const investor = await guestToken(t.app)
    receiver.failWith = 502
    const request = await submit(t.app, investor, { zoneId: 'zouping', parkId: undefined })
    await t.app.jobs.announce()
    for (let attempt = 1; attempt <= 4; attempt++) {
      await t.app.jobs.dispatchOutbox()
      clock.advance(backoffMs(attempt))
    }
    const [row] = await rowsOf(request.id, 'new_request')
    expect(row).toMatchObject({ status: 'dead', attempts: 4, lastError: expect.stringContaining('HTTP 502') })
    receiver.failWith = null
    clock.advance(24 * 3600 * SECOND)
    await t.app.jobs.dispatchOutbox()
    expect((await rowsOf(request.id, 'new_request'))[0].status).toBe('dead')
  })

  it('sends a WeChat subscribe message to a WeChat investor when staff reply; skips guests and unset templates', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'wx-login-code' } })
    expect(login.statusCode).toBe(200)
    const wechatInvestor = (login.json() as { token: string }).token
    const request = await submit(t.app, wechatInvestor, { zoneId: 'zouping', parkId: undefined })
    await staffPost(t.app, agent.token, `/api/staff/requests/${request.id}/replies`, {
      body: '您好，厂房可以预约现场查看，请告知方便的时间。',
    })
    receiver.received.length = 0
    await t.app.jobs.dispatchOutbox()

    const [reply] = await rowsOf(request.id, 'reply')
    expect(reply).toMatchObject({ channel: 'wechat', status: 'delivered', recipients: [expect.any(String)] })
    const send = receiver.received.find((call) => call.url.startsWith('/cgi-bin/message/subscribe/send'))!
    expect(send.url).toContain('access_token=ACCESS')
    expect(JSON.parse(send.body)).toEqual({
      touser: 'o-wechat-investor',
      template_id: 'tpl-reply',
      page: `pages/request/index?id=${request.id}`,
      data: {
        character_string1: { value: request.ticketNo },
        // `thing` values are cut to WeChat's 20 characters.
        thing2: { value: '您好，厂房可以预约现场查看，请告知方便…' },
        time3: { value: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/) },
      },
    })

    // Resolved has no template configured; a guest has no openid.
    await staffPost(t.app, agent.token, `/api/staff/requests/${request.id}/status`, { status: 'resolved' })
    expect((await rowsOf(request.id, 'resolved'))[0]).toMatchObject({ status: 'skipped', lastError: '办结通知的订阅消息模板未配置' })
    const guest = await guestToken(t.app)
    const guestRequest = await submit(t.app, guest, { zoneId: 'zouping', parkId: undefined })
    await staffPost(t.app, agent.token, `/api/staff/requests/${guestRequest.id}/replies`, { body: '收到' })
    expect((await rowsOf(guestRequest.id, 'reply'))[0]).toMatchObject({ status: 'skipped', lastError: '访客身份（H5）没有微信 openid' })
  })

  it('treats a refused subscription (errcode 43101) as skipped, not as a failure to retry', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'wx-login-code' } })
    const request = await submit(t.app, (login.json() as { token: string }).token, { zoneId: 'zouping', parkId: undefined })
    receiver.replies.set('/cgi-bin/message/subscribe/send', () => ({ errcode: 43101, errmsg: 'user refuse to accept the msg' }))
    try {
      await staffPost(t.app, agent.token, `/api/staff/requests/${request.id}/replies`, { body: '收到' })
      await t.app.jobs.dispatchOutbox()
      expect((await rowsOf(request.id, 'reply'))[0]).toMatchObject({ status: 'skipped', lastError: expect.stringContaining('43101') })
    } finally {
      receiver.replies.delete('/cgi-bin/message/subscribe/send')
    }
  })
})

describe('outbox with two API processes dispatching at once', () => {
  const clock = new ManualClock('2026-11-20T02:00:00Z')
  const receiver = new Receiver()
  let two: TwoApps
  beforeAll(async () => {
    await receiver.start()
    two = await createTwoApps({ clock: clock.now, config: serviceTestConfig() })
    await two.apps[0].db.insert(zoneSettings).values({ zoneId: 'gaoqing', wecomWebhookUrl: receiver.url('/robot?key=gq'), updatedAt: clock.now() })
  }, SETUP_TIMEOUT)
  afterAll(async () => {
    await two.close()
    await receiver.stop()
  }, SETUP_TIMEOUT)

  it('announces and delivers every notification exactly once, escalations included', async () => {
    const [first, second] = two.apps
    await addStaff(first, 'supervisor', 'gaoqing', '褚主管')
    const investor = await guestToken(first)
    const requests = []
    for (let index = 0; index < 8; index++)
      requests.push(await submit(index % 2 ? first : second, investor, { zoneId: 'gaoqing', parkId: undefined }))
    const announced = await Promise.all([first.jobs.announce(), second.jobs.announce(), first.jobs.announce()])
    expect(announced.reduce((sum, count) => sum + count, 0)).toBe(8)
    clock.advance(24 * 3600 * SECOND)
    await Promise.all([first.jobs.runSla(), second.jobs.runSla()])
    const results = await Promise.all([
      first.jobs.dispatchOutbox(),
      second.jobs.dispatchOutbox(),
      first.jobs.dispatchOutbox(),
      second.jobs.dispatchOutbox(),
    ])

    // 8 new_request + 8 breach (the reminder window was skipped: the clock jumped past it).
    expect(results.reduce((sum, result) => sum + result.delivered, 0)).toBe(16)
    expect(receiver.received).toHaveLength(16)
    const contents = receiver.received.map((call) => (JSON.parse(call.body) as { markdown: { content: string } }).markdown.content)
    for (const request of requests) {
      expect(contents.filter((content) => content.includes(request.ticketNo))).toHaveLength(2)
      expect(contents.filter((content) => content.includes(request.ticketNo) && content.includes('超时升级'))).toHaveLength(1)
    }
  })
})
