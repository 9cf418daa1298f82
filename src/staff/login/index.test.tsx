import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { resetApp, staffSession } from '../../../test/jest/app-state'
import { fail, catalogRoutes, ok, serve } from '../../../test/jest/service-fixtures'
import { useSession } from '@/features/session/session-store'
import StaffLoginPage from './index'

beforeEach(() => resetApp())

const signIn = (username = 'zhangsan', password = 'secret-pass') => {
  fireEvent.change(screen.getByLabelText('用户名'), { target: { value: username } })
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: password } })
  fireEvent.click(screen.getByText('登录'))
}

test.each([
  [401, 'invalid_credentials', 'Unauthorized', '用户名或密码错误'],
  [429, 'rate_limited', 'Too Many Requests', '尝试次数过多'],
  [429, 'login_throttled', '登录尝试过于频繁，请 8 秒后再试', '尝试次数过多'],
])('%i is explained clearly', async (status, code, message, title) => {
  serve({ 'POST /api/auth/staff': () => fail(status, code, message) })
  render(<StaffLoginPage />)
  signIn()
  expect(await screen.findByText(title)).toBeTruthy()
  if (code === 'login_throttled') expect(screen.getByText('登录尝试过于频繁，请 8 秒后再试')).toBeTruthy()
  expect(useSession.getState().staff).toBeNull()
  expect(taroMock.calls.redirectTo).toEqual([])
})

test('empty fields are caught before sending', async () => {
  render(<StaffLoginPage />)
  fireEvent.click(screen.getByText('登录'))
  expect(await screen.findByText('请输入用户名')).toBeTruthy()
  expect(screen.getByText('请输入密码')).toBeTruthy()
  expect(taroMock.calls.requests.filter((r) => r.url.includes('/api/auth/staff'))).toHaveLength(0)
})

test('a good login stores the staff session and opens the inbox; the signed-in view offers 退出登录', async () => {
  const session = staffSession()
  serve({ 'POST /api/auth/staff': () => ok(session), ...catalogRoutes() })
  const view = render(<StaffLoginPage />)
  signIn()
  await waitFor(() => expect(taroMock.calls.redirectTo).toEqual(['/staff/inbox/index']))
  expect(useSession.getState().staff?.token).toBe('staff-token')
  view.unmount()

  render(<StaffLoginPage />)
  expect(screen.getByText('张三')).toBeTruthy()
  expect(await screen.findByText('平原经济开发区 · 店小二 · zhangsan')).toBeTruthy()
  fireEvent.click(screen.getByText('退出登录'))
  expect(useSession.getState().staff).toBeNull()
  expect(screen.getByLabelText('用户名')).toBeTruthy()
})
