import { StaffAccount, StaffAccountList } from '../../../../types/console'
import { StaffSession } from '../../../../types/auth'
import { createTestApp, SETUP_TIMEOUT, type TestApp } from '../../../test-support/app'
import { addStaff, bearer, ManualClock, serviceTestConfig, type TestStaff } from '../../../test-support/service'
import { contentAudit } from '../../db/schema'

const clock = new ManualClock('2026-11-20T02:00:00Z')
let t: TestApp
let admin: TestStaff
let supervisor: TestStaff
beforeAll(async () => {
  t = await createTestApp({ clock: clock.now, config: serviceTestConfig() })
  admin = await addStaff(t.app, 'admin', null, '省管理员')
  supervisor = await addStaff(t.app, 'supervisor', 'zouping', '邹平主管')
}, SETUP_TIMEOUT)
afterAll(() => t.close(), SETUP_TIMEOUT)

const call = (method: 'GET' | 'POST', url: string, token: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) })
const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/staff', payload: { username, password } })

describe('staff accounts (admins)', () => {
  let created: StaffAccount

  it('creates an agent of a zone who can then sign in', async () => {
    const response = await call('POST', '/api/staff/accounts', admin.token, {
      username: 'Zouping-Li',
      displayName: '李店小二',
      role: 'agent',
      zoneId: 'zouping',
      password: 'a-strong-password',
    })
    expect(response.statusCode).toBe(201)
    created = StaffAccount.parse(response.json())
    expect(created).toMatchObject({ username: 'zouping-li', role: 'agent', zoneId: 'zouping', disabled: false })
    expect(StaffSession.parse((await login('zouping-li', 'a-strong-password')).json()).staff.zoneId).toBe('zouping')
  })

  it('refuses bad input with field reasons, a taken username with 409, and non-admins with 403', async () => {
    const bad = await call('POST', '/api/staff/accounts', admin.token, {
      username: 'x',
      displayName: '',
      role: 'agent',
      zoneId: null,
      password: 'short',
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.fields).toEqual({
      username: '用户名为 3–32 位小写字母、数字、点、下划线或连字符',
      displayName: '请填写姓名',
      password: '密码至少 10 个字符',
    })
    const noZone = await call('POST', '/api/staff/accounts', admin.token, {
      username: 'no-zone',
      displayName: '无',
      role: 'supervisor',
      zoneId: null,
      password: 'a-strong-password',
    })
    expect(noZone.json().error.fields).toEqual({ zoneId: '店小二和主管必须属于一个开发区' })
    const unknownZone = await call('POST', '/api/staff/accounts', admin.token, {
      username: 'mars-agent',
      displayName: '火星',
      role: 'agent',
      zoneId: 'mars',
      password: 'a-strong-password',
    })
    expect(unknownZone.json().error.fields).toEqual({ zoneId: '没有这个开发区' })
    const taken = await call('POST', '/api/staff/accounts', admin.token, {
      username: 'zouping-li',
      displayName: '李',
      role: 'agent',
      zoneId: 'zouping',
      password: 'a-strong-password',
    })
    expect(taken.statusCode).toBe(409)
    expect(taken.json().error.code).toBe('username_taken')
    expect((await call('GET', '/api/staff/accounts', supervisor.token)).statusCode).toBe(403)
    expect((await call('POST', `/api/staff/accounts/${created.id}/disable`, supervisor.token)).statusCode).toBe(403)
  })

  it('lists a zone’s accounts', async () => {
    const list = StaffAccountList.parse((await call('GET', '/api/staff/accounts?zoneId=zouping', admin.token)).json()).items
    expect(list.map((account) => account.displayName).sort()).toEqual(['李店小二', '邹平主管'].sort())
  })

  it('disabling stops sign-in and live sessions at once; enabling restores them', async () => {
    const session = StaffSession.parse((await login('zouping-li', 'a-strong-password')).json())
    expect((await call('GET', '/api/staff/requests', session.token)).statusCode).toBe(200)
    const disabled = await call('POST', `/api/staff/accounts/${created.id}/disable`, admin.token)
    expect(StaffAccount.parse(disabled.json()).disabled).toBe(true)
    expect((await call('GET', '/api/staff/requests', session.token)).statusCode).toBe(401)
    const refused = await login('zouping-li', 'a-strong-password')
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error.code).toBe('account_disabled')
    expect((await call('POST', `/api/staff/accounts/${admin.id}/disable`, admin.token)).statusCode).toBe(403)

    await call('POST', `/api/staff/accounts/${created.id}/enable`, admin.token)
    expect((await call('GET', '/api/staff/requests', session.token)).statusCode).toBe(200)
  })

  it('resets a password: the old one stops working, the new one signs in; all of it audited', async () => {
    const reset = await call('POST', `/api/staff/accounts/${created.id}/reset-password`, admin.token, { password: 'another-strong-one' })
    expect(reset.statusCode).toBe(200)
    expect((await login('zouping-li', 'a-strong-password')).statusCode).toBe(401)
    expect((await login('zouping-li', 'another-strong-one')).statusCode).toBe(200)
    expect((await call('POST', `/api/staff/accounts/${created.id}/reset-password`, admin.token, { password: 'short' })).statusCode).toBe(
      400,
    )
    const actions = (await t.app.db.select().from(contentAudit)).map((row) => row.action)
    expect(actions).toEqual(expect.arrayContaining(['account_created', 'account_disabled', 'account_enabled', 'password_reset']))
  })
})
