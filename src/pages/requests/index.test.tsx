import { fireEvent, render, screen, within } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { investorSession, resetApp } from '../../../test/jest/app-state'
import { ok, serve, serviceRequest, summaryOf } from '../../../test/jest/service-fixtures'
import MyRequestsPage from './index'

beforeEach(() => resetApp())

test('rows show ticket, type, company, status and the time left; chips filter by status group', async () => {
  const open = serviceRequest({
    id: 'r1',
    ticketNo: 'PY-20261121-0007',
    firstResponseDueAt: new Date(Date.now() + 90 * 60_000 + 30_000).toISOString(),
  })
  const done = serviceRequest({
    id: 'r2',
    ticketNo: 'PY-20261101-0002',
    status: 'closed',
    type: 'finance',
    company: '德州华信科技有限公司',
    firstRespondedAt: '2026-11-01T03:00:00Z',
  })
  serve({
    'POST /api/auth/guest': () => ok(investorSession()),
    '/api/requests/mine': () => ok({ items: [summaryOf(done), summaryOf(open)] }),
  })
  render(<MyRequestsPage />)

  const row = (await screen.findByText('PY-20261121-0007')).closest('[role="listitem"]') as HTMLElement
  expect(within(row).getByText('选址与厂房')).toBeTruthy()
  expect(within(row).getByText('山东德润新材料有限公司')).toBeTruthy()
  expect(within(row).getByText('待受理')).toBeTruthy()
  expect(within(row).getByText('响应剩余 1小时30分').className).toContain('svc-tone--warning')
  expect(screen.queryByText('PY-20261101-0002')).toBeNull()

  fireEvent.click(screen.getByRole('radio', { name: '按状态筛选：已办结' }))
  expect(screen.getByText('PY-20261101-0002')).toBeTruthy()
  expect(screen.queryByText('PY-20261121-0007')).toBeNull()
  fireEvent.click(screen.getByRole('radio', { name: '按状态筛选：全部' }))
  fireEvent.click(screen.getByText('PY-20261121-0007'))
  expect(taroMock.calls.navigateTo).toEqual(['/pages/request/index?id=r1'])
})

test('no requests yet: the empty state invites 找店小二', async () => {
  serve({ 'POST /api/auth/guest': () => ok(investorSession()), '/api/requests/mine': () => ok({ items: [] }) })
  render(<MyRequestsPage />)
  expect(await screen.findByText('还没有服务请求')).toBeTruthy()
  fireEvent.click(screen.getByText('找店小二'))
  expect(taroMock.calls.navigateTo).toEqual(['/pages/service/index'])
})

test('pull-down refresh fetches again', async () => {
  serve({ 'POST /api/auth/guest': () => ok(investorSession()), '/api/requests/mine': () => ok({ items: [] }) })
  render(<MyRequestsPage />)
  await screen.findByText('还没有服务请求')
  taroMock.triggerPullDownRefresh()
  await screen.findByText('还没有服务请求')
  expect(taroMock.calls.requests.filter((r) => r.url.endsWith('/api/requests/mine'))).toHaveLength(2)
})
