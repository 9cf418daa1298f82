import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { resetApp, staffSession } from '../../../test/jest/app-state'
import { catalogRoutes, fail, ok, requestsTo, serve } from '../../../test/jest/service-fixtures'
import { Zone } from '@/types/content'
import { useSession } from '@/features/session/session-store'
import { useConsoleZone } from '@/features/staff-console/zone-choice-store'
import StaffZoneAdminPage from './index'

beforeEach(() => resetApp())

const admin = () => useSession.getState().setStaff(staffSession({ role: 'admin', zoneId: null, displayName: '管理员' }))
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })

const fillZone = () => {
  type('编号', 'leling')
  type('名称', '乐陵经济开发区')
  type('简称', '乐陵')
  type('工单前缀', 'll')
  type('简介', '乐陵经济开发区位于德州市乐陵市，重点发展调味品和体育器材产业。')
}

test('an admin creates a zone with its ticket prefix and WeCom robot: saved, published, settings stored, then worked on', async () => {
  admin()
  const calls: string[] = []
  let zoneBody: unknown = null
  let settingsBody: unknown = null
  serve({
    ...catalogRoutes(),
    'PUT /api/staff/content/zones/leling': ({ data }) => {
      calls.push('draft')
      zoneBody = data
      return ok({})
    },
    'POST /api/staff/content/zones/leling/publish': () => {
      calls.push('publish')
      return ok({})
    },
    'PUT /api/staff/zones/leling/settings': ({ data }) => {
      calls.push('settings')
      settingsBody = data
      return ok({})
    },
  })
  render(<StaffZoneAdminPage />)
  expect(screen.getByRole('heading', { name: '新建开发区' })).toBeTruthy()
  fillZone()
  type('企业微信群机器人地址', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc')
  fireEvent.click(screen.getByText('创建开发区'))

  await waitFor(() => expect(taroMock.calls.redirectTo).toEqual(['/staff/content/index']))
  expect(calls).toEqual(['draft', 'publish', 'settings'])
  // The body is a zone as the contract defines it: every fact not provided yet, no sources.
  expect(Zone.parse(zoneBody)).toMatchObject({ id: 'leling', ticketPrefix: 'LL', contact: { phone: 'not_provided' }, sources: [] })
  expect(settingsBody).toEqual({
    wecomWebhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc',
    wechatTemplateReply: null,
    wechatTemplateResolved: null,
  })
  expect(useConsoleZone.getState().zoneId).toBe('leling')
})

test('bad input is refused field by field in Chinese before anything is sent; a prefix clash from the API lands on its field', async () => {
  admin()
  serve({
    ...catalogRoutes(),
    'PUT /api/staff/content/zones/leling': () =>
      fail(400, 'validation_error', '内容有误，请按提示修改', { ticketPrefix: '工单前缀 PY 已被 平原经济开发区 使用' }),
  })
  render(<StaffZoneAdminPage />)
  await waitFor(() => expect(requestsTo('/api/zones').length).toBeGreaterThan(0))
  type('编号', 'Pingyuan!')
  type('工单前缀', 'P')
  type('企业微信群机器人地址', 'http://example.com/hook')
  fireEvent.click(screen.getByText('创建开发区'))
  expect(await screen.findByText('开发区编号应为 2–32 位小写字母、数字或连字符，以字母开头')).toBeTruthy()
  expect(screen.getByText('应为 https:// 开头的企业微信机器人地址')).toBeTruthy()
  expect(screen.getAllByRole('alert').length).toBeGreaterThanOrEqual(4)
  expect(taroMock.calls.requests.filter((r) => r.method === 'PUT')).toHaveLength(0)

  // An id already taken is caught from the zone list.
  type('编号', 'pingyuan')
  fireEvent.click(screen.getByText('创建开发区'))
  expect(await screen.findByText('这个编号已被其他开发区使用')).toBeTruthy()

  fillZone()
  type('工单前缀', 'PY')
  type('企业微信群机器人地址', '')
  fireEvent.click(screen.getByText('创建开发区'))
  expect(await screen.findByText('工单前缀 PY 已被 平原经济开发区 使用')).toBeTruthy()
  expect(taroMock.calls.redirectTo).toEqual([])
})

test('notification settings of an existing zone are read and saved', async () => {
  admin()
  let saved: unknown = null
  serve({
    ...catalogRoutes(),
    '/api/staff/zones/pingyuan/settings': () =>
      ok({
        zoneId: 'pingyuan',
        wecomWebhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=old',
        wechatTemplateReply: 'tpl_reply',
        wechatTemplateResolved: null,
        updatedAt: null,
        updatedBy: null,
      }),
    'PUT /api/staff/zones/pingyuan/settings': ({ data }) => {
      saved = data
      return ok({})
    },
  })
  taroMock.setRouterParams({ id: 'pingyuan' })
  render(<StaffZoneAdminPage />)
  expect(await screen.findByRole('heading', { name: '通知设置 · 平原经济开发区' })).toBeTruthy()
  await waitFor(() => expect((screen.getByLabelText('答复通知模板编号') as HTMLInputElement).value).toBe('tpl_reply'))
  expect(screen.queryByLabelText('工单前缀')).toBeNull()
  type('办结通知模板编号', 'tpl_done')
  fireEvent.click(screen.getByText('保存通知设置'))
  await waitFor(() =>
    expect(saved).toEqual({
      wecomWebhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=old',
      wechatTemplateReply: 'tpl_reply',
      wechatTemplateResolved: 'tpl_done',
    }),
  )
})

test('staff who are not admins are told the page is for admins', async () => {
  useSession.getState().setStaff(staffSession({ role: 'supervisor' }))
  serve({ ...catalogRoutes() })
  render(<StaffZoneAdminPage />)
  expect(await screen.findByText('新建开发区和通知设置由管理员操作。')).toBeTruthy()
})
