import { eq } from 'drizzle-orm'
import { InvestorSession, StaffSession } from '../../../../types/auth'
import { TokenSigner } from './tokens'
import { buildApp, type App } from '../../app'
import { DEFAULT_RATE_LIMITS } from '../../config'
import { randomUUID } from 'node:crypto'
import { investors, outbox } from '../../db/schema'
import { createStaffAccount } from '../staff/accounts'
import { createTestApp, SETUP_TIMEOUT, type TestApp } from '../../../test-support/app'
import { addStaff, bearer, ManualClock, Receiver, serviceTestConfig } from '../../../test-support/service'

const MINUTE = 60_000
const clock = new ManualClock('2026-11-20T02:00:00Z')
const receiver = new Receiver()
let t: TestApp
let plain: TestApp // WeChat not configured, default rate limits
beforeAll(async () => {
  await receiver.start()
  receiver.replies.set('/sns/jscode2session', () => ({ openid: 'o-abc', session_key: 'secret-session-key' }))
  t = await createTestApp({
    clock: clock.now,
    config: serviceTestConfig({ WECHAT_APPID: 'wx1', WECHAT_SECRET: 's1', WECHAT_API_BASE: receiver.url('') }),
  })
  plain = await createTestApp({ clock: clock.now, config: serviceTestConfig({}, { rateLimits: DEFAULT_RATE_LIMITS }) })
  await createStaffAccount(
    t.app.db,
    { username: 'pingyuan-li', password: 'a-long-password-1', role: 'agent', zoneId: 'pingyuan', displayName: '李小二' },
    clock.now(),
  )
  await createStaffAccount(
    plain.app.db,
    { username: 'qingyun-wu', password: 'a-long-password-2', role: 'supervisor', zoneId: 'qingyun' },
    clock.now(),
  )
}, SETUP_TIMEOUT)
afterAll(async () => {
  await t.close()
  await plain.close()
  await receiver.stop()
}, SETUP_TIMEOUT)

const login = (app: TestApp, username: string, password: string, remoteAddress = '10.0.0.1') =>
  app.app.inject({ method: 'POST', url: '/api/auth/staff', payload: { username, password }, remoteAddress })

describe('investor sign-in', () => {
  it('guest: the same deviceId is always the same investor; no deviceId makes a new one', async () => {
    const first = InvestorSession.parse(
      (await t.app.inject({ method: 'POST', url: '/api/auth/guest', payload: { deviceId: 'dev-abc-123456' } })).json(),
    )
    const again = InvestorSession.parse(
      (await t.app.inject({ method: 'POST', url: '/api/auth/guest', payload: { deviceId: 'dev-abc-123456' } })).json(),
    )
    const fresh = InvestorSession.parse((await t.app.inject({ method: 'POST', url: '/api/auth/guest', payload: {} })).json())
    expect(first.investor).toEqual({ id: again.investor.id, kind: 'guest' })
    expect(fresh.investor.id).not.toBe(first.investor.id)
    expect(first.expiresAt).toBe('2026-12-20T02:00:00.000Z') // 30 days
    const concurrent = await Promise.all(
      Array.from({ length: 5 }, () => t.app.inject({ method: 'POST', url: '/api/auth/guest', payload: { deviceId: 'dev-race-0001' } })),
    )
    expect(new Set(concurrent.map((response) => response.json().investor.id)).size).toBe(1)
  })

  it('wechat: exchanges the code with code2session and maps one openid to one investor', async () => {
    const first = InvestorSession.parse(
      (await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'code-1' } })).json(),
    )
    const second = InvestorSession.parse(
      (await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'code-2' } })).json(),
    )
    expect(first.investor).toEqual({ id: second.investor.id, kind: 'wechat' })
    expect(JSON.stringify(first)).not.toContain('o-abc')
    const call = receiver.received.find((received) => received.url.startsWith('/sns/jscode2session'))!
    expect(new URLSearchParams(call.url.split('?')[1]).get('js_code')).toBe('code-1')
    const [row] = await t.app.db.select().from(investors).where(eq(investors.id, first.investor.id))
    expect(row.openid).toBe('o-abc')
  })

  it('wechat: an invalid code is 401, WeChat being down is 503, no credentials is 503 wechat_not_configured', async () => {
    receiver.replies.set('/sns/jscode2session', () => ({ errcode: 40029, errmsg: 'invalid code' }))
    const invalid = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'bad' } })
    expect(invalid.statusCode).toBe(401)
    expect(invalid.json().error.code).toBe('wechat_code_invalid')
    receiver.failWith = 500
    const down = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'x' } })
    receiver.failWith = null
    receiver.replies.set('/sns/jscode2session', () => ({ openid: 'o-abc', session_key: 'k' }))
    expect(down.statusCode).toBe(503)
    expect(down.json().error.code).toBe('wechat_unavailable')

    const unconfigured = await plain.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'x' } })
    expect(unconfigured.statusCode).toBe(503)
    expect(unconfigured.json()).toEqual({ error: { code: 'wechat_not_configured', message: expect.stringContaining('微信登录') } })
  })
})

describe('tokens', () => {
  it('refuses tampered, expired, foreign-secret and malformed tokens with 401', async () => {
    const session = InvestorSession.parse((await t.app.inject({ method: 'POST', url: '/api/auth/guest', payload: {} })).json())
    const ok = await t.app.inject({ method: 'GET', url: '/api/requests/mine', headers: bearer(session.token) })
    expect(ok.statusCode).toBe(200)

    const [version, payload, signature] = session.token.split('.')
    const flipped = signature.slice(0, -2) + (signature.endsWith('AA') ? 'BB' : 'AA')
    const expired = new TokenSigner(t.app.config.auth.secret, () => new Date(clock.now().getTime() - 31 * 24 * 3600_000)).sign(
      'investor',
      session.investor.id,
      30 * 24 * 3600_000,
    ).token
    const foreign = new TokenSigner('another-secret-of-at-least-32-characters!', clock.now).sign(
      'investor',
      session.investor.id,
      3600_000,
    ).token
    // Other spellings of the same HMAC (lenient base64url decoding) are refused like a wrong one.
    const spellings = [`${signature}=`, `${signature}!`, `${signature}==`, `${signature}%`].map((sig) => `${version}.${payload}.${sig}`)
    for (const token of [`${version}.${payload}.${flipped}`, expired, foreign, 'garbage', `${version}.${payload}`, '', ...spellings]) {
      const response = await t.app.inject({ method: 'GET', url: '/api/requests/mine', headers: bearer(token) })
      expect(response.statusCode).toBe(401)
    }
  })
})

describe('staff sign-in', () => {
  it('signs in with the right password (any case of the username)', async () => {
    const response = await login(t, 'PingYuan-Li', 'a-long-password-1')
    expect(response.statusCode).toBe(200)
    const session = StaffSession.parse(response.json())
    expect(session.staff).toEqual({
      id: expect.any(String),
      username: 'pingyuan-li',
      displayName: '李小二',
      role: 'agent',
      zoneId: 'pingyuan',
      shareCode: expect.any(String),
    })
    expect(session.expiresAt).toBe('2026-11-20T14:00:00.000Z') // 12 hours
    expect(response.body).not.toContain('password')
    const queue = await t.app.inject({ method: 'GET', url: '/api/staff/requests', headers: bearer(session.token) })
    expect(queue.statusCode).toBe(200)
  })

  it('answers an unknown user and a wrong password the same way', async () => {
    const unknown = await login(t, 'nobody-here', 'whatever-password')
    const wrong = await login(t, 'pingyuan-li', 'wrong-password-here')
    expect(unknown.statusCode).toBe(401)
    expect(wrong.statusCode).toBe(401)
    expect(unknown.json()).toEqual(wrong.json())
    expect(unknown.json().error.code).toBe('invalid_credentials')
    await login(t, 'pingyuan-li', 'a-long-password-1') // resets the failure count
  })

  it('limits login attempts per client address (10 a minute) with 429 rate_limited and Retry-After', async () => {
    const answers = []
    for (let attempt = 0; attempt < 11; attempt++) answers.push(await login(plain, 'qingyun-wu', 'not-the-password', '10.9.9.9'))
    // Five failures slow the address down (login_throttled); past ten a minute the address limit answers.
    expect(answers.map((answer) => answer.statusCode)).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429, 429])
    expect(answers.slice(5, 10).every((answer) => answer.json().error.code === 'login_throttled')).toBe(true)
    expect(answers[10].json().error.code).toBe('rate_limited')
    expect(Number(answers[10].headers['retry-after'])).toBeGreaterThan(0)
    // Another address is not affected.
    expect((await login(plain, 'nobody', 'whatever-password', '10.9.9.10')).statusCode).toBe(401)
  })
})

describe('staff sign-in throttling (no lock-out)', () => {
  // Every checked password is a real scrypt hash: dozens of sign-ins per test.
  jest.setTimeout(120_000)
  const SECOND = 1000
  let address = 0
  /** A fresh client address per test, so address throttling from one test does not reach the next. */
  const nextAddress = () => `10.20.${Math.floor(++address / 250)}.${(address % 250) + 1}`
  const account = async (username: string, role: 'agent' | 'supervisor' | 'admin' = 'agent', zoneId: 'pingyuan' | null = 'pingyuan') =>
    createStaffAccount(t.app.db, { username, password: 'the-right-password', role, zoneId: zoneId ?? undefined }, clock.now())
  const answer = (response: Awaited<ReturnType<typeof login>>) => ({
    status: response.statusCode,
    body: response.json() as unknown,
    retryAfter: response.headers['retry-after'] ?? null,
  })

  it('slows a username down with growing waits instead of locking it: the right password works once a wait is over', async () => {
    await account('throttle-a')
    const from = nextAddress()
    for (let attempt = 1; attempt <= 5; attempt++)
      expect((await login(t, 'throttle-a', `wrong-${attempt}-pass`, from)).statusCode).toBe(401)
    // Even the right password waits, and is told how long (no password is checked meanwhile).
    const waiting = await login(t, 'throttle-a', 'the-right-password', nextAddress())
    expect(answer(waiting)).toEqual({
      status: 429,
      body: { error: { code: 'login_throttled', message: '登录尝试过于频繁，请 1 秒后再试' } },
      retryAfter: '1',
    })
    clock.advance(SECOND)
    expect((await login(t, 'throttle-a', 'the-right-password', nextAddress())).statusCode).toBe(200)
    // A success starts the username's count again; each failure past the fifth doubles the wait, up to a minute.
    const waits: string[] = []
    for (let failure = 1; failure <= 14; failure++) {
      expect((await login(t, 'throttle-a', 'still-wrong-pass', nextAddress())).statusCode).toBe(401)
      if (failure < 5) continue
      const refused = await login(t, 'throttle-a', 'still-wrong-pass', nextAddress())
      expect(refused.json().error.code).toBe('login_throttled')
      waits.push(String(refused.headers['retry-after']))
      clock.advance(Number(refused.headers['retry-after']) * SECOND)
    }
    expect(waits).toEqual(['1', '2', '4', '8', '16', '32', '60', '60', '60', '60'])
    // Never a lock: after the last wait the right password signs in.
    expect((await login(t, 'throttle-a', 'the-right-password', nextAddress())).statusCode).toBe(200)
    // Failures over a quarter of an hour ago are forgotten.
    for (let attempt = 1; attempt <= 5; attempt++) await login(t, 'throttle-a', 'wrong-again-pass', nextAddress())
    clock.advance(15 * MINUTE + SECOND)
    expect((await login(t, 'throttle-a', 'wrong-once-more', nextAddress())).statusCode).toBe(401)
    expect((await login(t, 'throttle-a', 'the-right-password', nextAddress())).statusCode).toBe(200)
  })

  it('answers an unknown username exactly like a known one, attempt after attempt (status, body, Retry-After, about the same time)', async () => {
    await account('throttle-known')
    const run = async (username: string) => {
      const from = nextAddress()
      const answers = []
      const durations: number[] = []
      for (let attempt = 1; attempt <= 9; attempt++) {
        const started = process.hrtime.bigint()
        const response = await login(t, username, `wrong-${attempt}-password`, from)
        durations.push(Number(process.hrtime.bigint() - started) / 1e6)
        answers.push(answer(response))
        if (attempt === 7) clock.advance(2 * SECOND)
      }
      return { answers, durations }
    }
    const known = await run('throttle-known')
    const unknown = await run('throttle-nobody')
    expect(unknown.answers).toEqual(known.answers)
    expect(known.answers.map((entry) => entry.status)).toEqual([401, 401, 401, 401, 401, 429, 429, 401, 429])
    // Both check a password (scrypt) when they check one: the median times are of the same order.
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
    const checked = (run: { answers: { status: number }[]; durations: number[] }) =>
      median(run.durations.filter((_, index) => run.answers[index].status === 401))
    const ratio = checked(known) / checked(unknown)
    expect(ratio).toBeGreaterThan(1 / 3)
    expect(ratio).toBeLessThan(3)
  })

  it('slows a client address down across usernames; other addresses are not slowed', async () => {
    await account('throttle-b')
    const attacker = nextAddress()
    for (const username of ['guess-1', 'guess-2', 'guess-3', 'throttle-b', 'guess-5']) {
      expect((await login(t, username, 'a-wrong-password', attacker)).statusCode).toBe(401)
    }
    const slowed = await login(t, 'throttle-b', 'the-right-password', attacker)
    expect(slowed.statusCode).toBe(429)
    expect(slowed.json().error.code).toBe('login_throttled')
    expect((await login(t, 'throttle-b', 'the-right-password', nextAddress())).statusCode).toBe(200)
  })

  it('an admin lifts the waits of an account and of the addresses it failed from; nobody else may', async () => {
    const member = await account('throttle-c')
    const from = nextAddress()
    for (let attempt = 1; attempt <= 8; attempt++) {
      clock.advance(60 * SECOND) // past any wait so far: every attempt is a counted failure
      expect((await login(t, 'throttle-c', `wrong-${attempt}-password`, from)).statusCode).toBe(401)
    }
    expect((await login(t, 'throttle-c', 'the-right-password', from)).statusCode).toBe(429)
    const agent = await addStaff(t.app, 'agent', 'pingyuan')
    const supervisor = await addStaff(t.app, 'supervisor', 'pingyuan')
    const admin = await addStaff(t.app, 'admin', null)
    const unlock = (token: string, id = member.id) =>
      t.app.inject({ method: 'POST', url: `/api/staff/accounts/${id}/unlock`, headers: bearer(token) })
    for (const token of [agent.token, supervisor.token]) expect((await unlock(token)).statusCode).toBe(403)
    expect((await unlock(admin.token, randomUUID())).statusCode).toBe(404)
    expect((await login(t, 'throttle-c', 'the-right-password', from)).statusCode).toBe(429)
    const lifted = await unlock(admin.token)
    expect(lifted.statusCode).toBe(204)
    expect((await login(t, 'throttle-c', 'the-right-password', from)).statusCode).toBe(200)
  })

  it("notifies the account's zone supervisors of a burst of failures, once per burst, without the passwords tried", async () => {
    const member = await account('throttle-d')
    const supervisor = await addStaff(t.app, 'supervisor', 'pingyuan', '钱主管')
    const before = await t.app.db.select().from(outbox).where(eq(outbox.kind, 'login_burst'))
    for (let attempt = 1; attempt <= 14; attempt++) {
      await login(t, 'throttle-d', `secret-guess-${attempt}`, nextAddress())
      clock.advance(61 * SECOND)
    }
    const rows = (await t.app.db.select().from(outbox).where(eq(outbox.kind, 'login_burst'))).filter(
      (row) => !before.some((seen) => seen.id === row.id),
    )
    expect(rows).toHaveLength(1)
    const [notice] = rows
    expect(notice).toMatchObject({ channel: 'wecom', zoneId: 'pingyuan', requestId: null })
    expect(notice.recipients).toEqual(expect.arrayContaining([supervisor.id]))
    const markdown = String(notice.payload.markdown)
    expect(markdown).toContain('**登录异常提醒**')
    expect(markdown).toContain(`${member.displayName}（throttle-d）`)
    expect(markdown).toContain('10 次')
    expect(markdown).not.toContain('secret-guess')
    // An unknown username has nobody to tell, and its answers say nothing about that.
    for (let attempt = 1; attempt <= 12; attempt++) {
      await login(t, 'throttle-nobody-2', `guess-${attempt}-password`, nextAddress())
      clock.advance(61 * SECOND)
    }
    expect((await t.app.db.select().from(outbox).where(eq(outbox.kind, 'login_burst'))).length).toBe(before.length + 1)
  })
})

describe('the client address behind proxies (TRUST_PROXY)', () => {
  // Three guest sign-ins a minute per address, so a fourth from the same client is refused.
  const limited = (trustProxy: string) =>
    buildApp({
      db: plain.database,
      clock: clock.now,
      config: serviceTestConfig(
        { TRUST_PROXY: trustProxy },
        { rateLimits: { ...DEFAULT_RATE_LIMITS, investorLoginPerIp: { max: 3, windowMs: MINUTE } } },
      ),
    })
  const guest = (app: App, remoteAddress: string, forwardedFor?: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/guest',
      payload: {},
      remoteAddress,
      headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
    })

  it('a hop count takes the address the last proxy saw: a client spoofing X-Forwarded-For is still one client', async () => {
    const app = await limited('1')
    try {
      // The proxy (10.0.0.1) appends the real client (203.0.113.7) to whatever the client sent.
      const statuses = []
      for (const spoofed of ['1.1.1.1', '2.2.2.2', '3.3.3.3, 4.4.4.4', '5.5.5.5'])
        statuses.push((await guest(app, '10.0.0.1', `${spoofed}, 203.0.113.7`)).statusCode)
      expect(statuses).toEqual([200, 200, 200, 429])
      // Another real client behind the same proxy has its own count.
      expect((await guest(app, '10.0.0.1', '203.0.113.8')).statusCode).toBe(200)
    } finally {
      await app.close()
    }
  })

  it('a list of proxies trusts X-Forwarded-For only from them; a client talking directly is its socket address', async () => {
    const app = await limited('10.0.0.0/8')
    try {
      const fromProxy = []
      for (const spoofed of ['1.1.1.1', '2.2.2.2', '3.3.3.3', '4.4.4.4'])
        fromProxy.push((await guest(app, '10.0.0.2', `${spoofed}, 198.51.100.4`)).statusCode)
      expect(fromProxy).toEqual([200, 200, 200, 429])
      // Straight from the internet, X-Forwarded-For is ignored: each spoofed value is still 198.51.100.9.
      const direct = []
      for (const spoofed of ['1.1.1.1', '2.2.2.2', '3.3.3.3', '4.4.4.4'])
        direct.push((await guest(app, '198.51.100.9', spoofed)).statusCode)
      expect(direct).toEqual([200, 200, 200, 429])
    } finally {
      await app.close()
    }
  })

  it('without TRUST_PROXY the header is ignored altogether', async () => {
    const app = await limited('false')
    try {
      const statuses = []
      for (const spoofed of ['1.1.1.1', '2.2.2.2', '3.3.3.3', '4.4.4.4'])
        statuses.push((await guest(app, '192.0.2.50', spoofed)).statusCode)
      expect(statuses).toEqual([200, 200, 200, 429])
    } finally {
      await app.close()
    }
  })
})
