import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { resetApp, staffSession } from '../../../test/jest/app-state'
import { catalogRoutes, fail, ok, serve } from '../../../test/jest/service-fixtures'
import type { StaffAccount } from '@/types/console'
import { useSession } from '@/features/session/session-store'
import StaffAccountsPage from './index'

beforeEach(() => {
  resetApp()
  useSession.getState().setStaff(staffSession({ id: 'stf-admin', role: 'admin', zoneId: null, displayName: '管理员' }))
})

const account = (overrides: Partial<StaffAccount>): StaffAccount => ({
  id: 'stf-zhang',
  username: 'zhangsan',
  displayName: '张三',
  role: 'agent',
  zoneId: 'pingyuan',
  disabled: false,
  createdAt: '2026-11-01T02:00:00.000Z',
  ...overrides,
})

/** A tiny accounts API: list, create, disable/enable, reset password. */
function serveAccounts(initial: StaffAccount[]) {
  const accounts = [...initial]
  const log: { action: string; body?: unknown }[] = []
  serve({
    ...catalogRoutes(),
    '/api/staff/accounts': () => ok({ items: accounts }),
    'POST /api/staff/accounts': ({ data }) => {
      const body = data as StaffAccount & { password: string }
      log.push({ action: 'create', body })
      if (accounts.some((item) => item.username === body.username)) return fail(409, 'username_taken', '用户名已被使用')
      const { password: _password, ...rest } = body
      accounts.push(account({ ...rest, id: `stf-${body.username}` }))
      return ok(accounts.at(-1), 201)
    },
    ...Object.fromEntries(
      ['disable', 'enable', 'reset-password'].map((action) => [
        `POST /api/staff/accounts/stf-zhang/${action}`,
        ({ data }: { data?: unknown }) => {
          log.push({ action, body: data })
          const target = accounts.find((item) => item.id === 'stf-zhang')!
          if (action !== 'reset-password') target.disabled = action === 'disable'
          return ok(target)
        },
      ]),
    ),
  })
  return log
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })
const row = (name: string) => screen.getByText(name).closest('[role="listitem"]') as HTMLElement

test('an admin creates a supervisor for a zone; bad input is refused in Chinese first', async () => {
  const log = serveAccounts([account({})])
  render(<StaffAccountsPage />)
  expect(await screen.findByText('张三（zhangsan）')).toBeTruthy()

  type('用户名', 'Li Si')
  type('初始密码', 'short')
  fireEvent.click(screen.getByText('创建账号'))
  expect(await screen.findByText('用户名为 3–32 位小写字母、数字、点、下划线或连字符')).toBeTruthy()
  expect(screen.getByText('请填写姓名')).toBeTruthy()
  expect(screen.getByText('密码至少 10 个字符')).toBeTruthy()
  expect(log).toEqual([])

  type('用户名', 'lisi')
  type('姓名', '李四')
  fireEvent.click(screen.getByRole('radio', { name: '角色：主管' }))
  type('初始密码', 'pingyuan-2026!')
  fireEvent.click(screen.getByText('创建账号'))
  expect(await screen.findByText('店小二和主管须属于一个开发区')).toBeTruthy()
  expect(log).toEqual([])

  fireEvent.click(await screen.findByRole('radio', { name: '所属开发区：平原经济开发区' }))
  fireEvent.click(screen.getByText('创建账号'))
  expect(await screen.findByText('李四（lisi）')).toBeTruthy()
  expect(log).toEqual([
    {
      action: 'create',
      body: { username: 'lisi', displayName: '李四', role: 'supervisor', zoneId: 'pingyuan', password: 'pingyuan-2026!' },
    },
  ])
  expect(within(row('李四（lisi）')).getByText('主管 · 平原经济开发区')).toBeTruthy()
})

test('disable, enable and reset a password; an admin cannot disable their own account', async () => {
  const log = serveAccounts([
    account({}),
    account({ id: 'stf-admin', username: 'admin', displayName: '管理员', role: 'admin', zoneId: null }),
  ])
  render(<StaffAccountsPage />)
  await screen.findByText('张三（zhangsan）')
  expect(within(row('管理员（admin）')).queryByText('停用')).toBeNull()
  expect(within(row('管理员（admin）')).getByText('管理员 · 全部开发区')).toBeTruthy()

  fireEvent.click(screen.getByRole('button', { name: '停用张三' }))
  expect(await within(row('张三（zhangsan）')).findByText('已停用')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: '启用张三' }))
  await waitFor(() => expect(within(row('张三（zhangsan）')).queryByText('已停用')).toBeNull())

  fireEvent.click(screen.getByRole('button', { name: '重置张三的密码' }))
  type('张三的新密码', '123')
  fireEvent.click(screen.getByText('保存新密码'))
  expect(await screen.findByText('密码至少 10 个字符')).toBeTruthy()
  type('张三的新密码', 'new-secret-2026')
  fireEvent.click(screen.getByText('保存新密码'))
  await waitFor(() => expect(screen.queryByLabelText('张三的新密码')).toBeNull())
  expect(log.map((entry) => entry.action)).toEqual(['disable', 'enable', 'reset-password'])
  expect(log[2].body).toEqual({ password: 'new-secret-2026' })
  expect(taroMock.calls.toasts).toEqual(['已停用', '已启用', '密码已重置'])
})

test('a username already taken is explained', async () => {
  serveAccounts([account({})])
  render(<StaffAccountsPage />)
  await screen.findByText('张三（zhangsan）')
  type('用户名', 'zhangsan')
  type('姓名', '张三')
  type('初始密码', 'pingyuan-2026!')
  fireEvent.click(await screen.findByRole('radio', { name: '所属开发区：平原经济开发区' }))
  fireEvent.click(screen.getByText('创建账号'))
  expect(await screen.findByText('用户名已被使用')).toBeTruthy()
})

test('staff who are not admins are told accounts are for admins', async () => {
  useSession.getState().setStaff(staffSession({ role: 'supervisor' }))
  serve({ ...catalogRoutes() })
  render(<StaffAccountsPage />)
  expect(await screen.findByText('工作人员账号由管理员管理。')).toBeTruthy()
  expect(taroMock.calls.requests.filter((r) => r.url.includes('/api/staff/accounts'))).toHaveLength(0)
})
