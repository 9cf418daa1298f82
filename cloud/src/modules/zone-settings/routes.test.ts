import { eq } from 'drizzle-orm'
import { ZoneSettings } from '../../../../types/console'
import { contentAudit } from '../../db/schema'
import { createTestApp, SETUP_TIMEOUT, testConfig, type TestApp } from '../../../test-support/app'
import { addStaff, bearer, ManualClock, type TestStaff } from '../../../test-support/service'
import { notificationTargets } from './settings'

const clock = new ManualClock('2026-11-20T02:00:00Z')
const DEFAULT_ROBOT = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=development'
let t: TestApp
let admin: TestStaff
let supervisor: TestStaff
beforeAll(async () => {
  t = await createTestApp({ clock: clock.now, config: testConfig({ WECOM_WEBHOOK_DEFAULT: DEFAULT_ROBOT }) })
  admin = await addStaff(t.app, 'admin', null, '省管理员')
  supervisor = await addStaff(t.app, 'supervisor', 'yunhe')
}, SETUP_TIMEOUT)
afterAll(() => t.close(), SETUP_TIMEOUT)

const settingsUrl = (zoneId: string) => `/api/staff/zones/${zoneId}/settings`
const robot = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=yunhe-robot'

describe('zone notification settings', () => {
  it('starts empty: the zone’s notifications go to the development default', async () => {
    const response = await t.app.inject({ method: 'GET', url: settingsUrl('yunhe'), headers: bearer(admin.token) })
    expect(response.statusCode).toBe(200)
    expect(ZoneSettings.parse(response.json())).toEqual({
      zoneId: 'yunhe',
      wecomWebhookUrl: null,
      wechatTemplateReply: null,
      wechatTemplateResolved: null,
      updatedAt: null,
      updatedBy: null,
    })
    expect((await notificationTargets(t.app.db, t.app.config, 'yunhe')).wecomWebhookUrl).toBe(DEFAULT_ROBOT)
  })

  it('lets an admin set a zone’s robot and templates, which notifications then use; audited without the secret', async () => {
    const body = { wecomWebhookUrl: robot, wechatTemplateReply: 'tmpl_reply-1', wechatTemplateResolved: null }
    const response = await t.app.inject({ method: 'PUT', url: settingsUrl('yunhe'), headers: bearer(admin.token), payload: body })
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toBe('no-store')
    expect(ZoneSettings.parse(response.json())).toMatchObject({
      ...body,
      updatedAt: clock.now().toISOString(),
      updatedBy: { id: admin.id, displayName: '省管理员' },
    })
    const targets = await notificationTargets(t.app.db, t.app.config, 'yunhe')
    expect(targets.wecomWebhookUrl).toBe(robot)
    expect(targets.templates.reply).toBe('tmpl_reply-1')
    // Other zones keep the default.
    expect((await notificationTargets(t.app.db, t.app.config, 'qingyun')).wecomWebhookUrl).toBe(DEFAULT_ROBOT)

    const audit = await t.app.db.select().from(contentAudit).where(eq(contentAudit.action, 'zone_settings_changed'))
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ zoneId: 'yunhe', staffId: admin.id })
    expect(JSON.stringify(audit[0])).not.toContain('yunhe-robot')

    // null clears a setting.
    const cleared = await t.app.inject({
      method: 'PUT',
      url: settingsUrl('yunhe'),
      headers: bearer(admin.token),
      payload: { ...body, wecomWebhookUrl: null },
    })
    expect(cleared.json().wecomWebhookUrl).toBeNull()
    expect((await notificationTargets(t.app.db, t.app.config, 'yunhe')).wecomWebhookUrl).toBe(DEFAULT_ROBOT)
  })

  it('refuses a plain-http robot and a bad template id field by field, changing nothing', async () => {
    const response = await t.app.inject({
      method: 'PUT',
      url: settingsUrl('qingyun'),
      headers: bearer(admin.token),
      payload: { wecomWebhookUrl: 'http://example.com/hook', wechatTemplateReply: 'no spaces allowed', wechatTemplateResolved: null },
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.fields).toEqual({
      wecomWebhookUrl: '应为 https:// 开头的企业微信机器人地址',
      wechatTemplateReply: '模板编号为 1–64 位字母、数字、下划线或连字符',
    })
    expect(
      ZoneSettings.parse((await t.app.inject({ method: 'GET', url: settingsUrl('qingyun'), headers: bearer(admin.token) })).json())
        .updatedAt,
    ).toBeNull()
  })

  it('is for admins only, and answers 404 for an unknown zone', async () => {
    expect((await t.app.inject({ method: 'GET', url: settingsUrl('yunhe'), headers: bearer(supervisor.token) })).statusCode).toBe(403)
    const put = await t.app.inject({
      method: 'PUT',
      url: settingsUrl('yunhe'),
      headers: bearer(supervisor.token),
      payload: { wecomWebhookUrl: robot, wechatTemplateReply: null, wechatTemplateResolved: null },
    })
    expect(put.statusCode).toBe(403)
    expect((await t.app.inject({ method: 'GET', url: settingsUrl('yunhe') })).statusCode).toBe(401)
    const unknown = await t.app.inject({ method: 'GET', url: settingsUrl('atlantis'), headers: bearer(admin.token) })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error.code).toBe('zone_not_found')
  })
})
