import { eq } from 'drizzle-orm'
import { InvestorSession, StaffSession } from '../../../../types/auth'
import { TokenSigner } from './tokens'
import { buildApp, type App } from '../../app'
import { DEFAULT_RATE_LIMITS } from '../../config'
import { investors, staff } from '../../db/schema'
import { createStaffAccount } from '../staff/accounts'
import { createTestApp, SETUP_TIMEOUT, type TestApp } from '../../../test-support/app'
import { bearer, ManualClock, Receiver, serviceTestConfig } from '../../../test-support/service'

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

  it('locks the account for 15 minutes after 5 consecutive failures, even for the right password', async () => {
    for (let attempt = 1; attempt <= 4; attempt++) expect((await login(t, 'pingyuan-li', `wrong-${attempt}-password`)).statusCode).toBe(401)
    const fifth = await login(t, 'pingyuan-li', 'wrong-5-password')
    expect(fifth.statusCode).toBe(423)
    expect(fifth.json().error).toEqual({ code: 'account_locked', message: expect.stringContaining('锁定') })
    expect((await login(t, 'pingyuan-li', 'a-long-password-1')).statusCode).toBe(423)

    // Held in the database: a second API process on it would see the lock too.
    const [row] = await t.app.db.select().from(staff).where(eq(staff.username, 'pingyuan-li'))
    expect(row.lockedUntil).toEqual(new Date(clock.now().getTime() + 15 * MINUTE))

    clock.advance(15 * MINUTE - 1000)
    expect((await login(t, 'pingyuan-li', 'a-long-password-1')).statusCode).toBe(423)
    clock.advance(1000)
    expect((await login(t, 'pingyuan-li', 'a-long-password-1')).statusCode).toBe(200)
    const [after] = await t.app.db.select().from(staff).where(eq(staff.username, 'pingyuan-li'))
    expect(after).toMatchObject({ failedLogins: 0, lockedUntil: null })
  })

  it('limits login attempts per client address (10 a minute) with 429 and Retry-After', async () => {
    const statuses: number[] = []
    for (let attempt = 0; attempt < 11; attempt++)
      statuses.push((await login(plain, 'qingyun-wu', 'not-the-password', '10.9.9.9')).statusCode)
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 423])
    expect(statuses.slice(5, 10).every((status) => status === 423)).toBe(true)
    const limited = await login(plain, 'qingyun-wu', 'a-long-password-2', '10.9.9.9')
    expect(statuses[10]).toBe(429)
    expect(limited.statusCode).toBe(429)
    expect(limited.json().error.code).toBe('rate_limited')
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    // Another address is not affected.
    expect((await login(plain, 'nobody', 'whatever-password', '10.9.9.10')).statusCode).toBe(401)
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
      for (const spoofed of ['1.1.1.1', '2.2.2.2', '3.3.3.3', '4.4.4.4']) direct.push((await guest(app, '198.51.100.9', spoofed)).statusCode)
      expect(direct).toEqual([200, 200, 200, 429])
    } finally {
      await app.close()
    }
  })

  it('without TRUST_PROXY the header is ignored altogether', async () => {
    const app = await limited('false')
    try {
      const statuses = []
      for (const spoofed of ['1.1.1.1', '2.2.2.2', '3.3.3.3', '4.4.4.4']) statuses.push((await guest(app, '192.0.2.50', spoofed)).statusCode)
      expect(statuses).toEqual([200, 200, 200, 429])
    } finally {
      await app.close()
    }
  })
})
