import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { resetApp, staffSession } from '../../../test/jest/app-state'
import { fail, catalogRoutes, ok, serve, staffDetail, staffSummaryOf } from '../../../test/jest/service-fixtures'
import { useSession } from '@/features/session/session-store'
import { useInbox } from '@/features/staff-desk/inbox-store'
import StaffInboxPage from './index'

const HOUR = 3600_000
const queries = () =>
  taroMock.calls.requests.filter((r) => r.url.includes('/api/staff/requests')).map((r) => Object.fromEntries(new URL(r.url).searchParams))

beforeEach(() => {
  resetApp()
  useSession.getState().setStaff(staffSession())
})

const page = (items: ReturnType<typeof staffSummaryOf>[], nextCursor: string | null = null) =>
  ok({ items, nextCursor, total: items.length })

test('switching queues and filters builds the right query', async () => {
  serve({ ...catalogRoutes(), '/api/staff/requests': () => page([]) })
  render(<StaffInboxPage />)
  await screen.findByText('「待受理」里没有请求')
  expect(queries()[0]).toEqual({ queue: 'new', limit: '20' })

  fireEvent.click(screen.getByText('即将超时'))
  await screen.findByText('「即将超时」里没有请求')
  expect(queries().at(-1)).toEqual({ queue: 'due_soon', limit: '20' })

  fireEvent.click(screen.getByText('我的'))
  await screen.findByText('「我的」里没有请求')
  await act(() => useInbox.getState().setFilters({ type: 'finance', parkId: 'pingyuan-jingde' }))
  expect(queries().at(-1)).toEqual({ queue: 'mine', type: 'finance', parkId: 'pingyuan-jingde', limit: '20' })
  // The staff token goes with staff routes.
  expect(taroMock.calls.requests.at(-1)?.header?.Authorization).toBe('Bearer staff-token')
})

test('rows show the masked mobile, the assignee and the deadline in colour; scrolling loads the next page', async () => {
  const overdue = staffSummaryOf(
    staffDetail({ id: 'a', ticketNo: 'PY-20261120-0003', firstResponseDueAt: new Date(Date.now() - 2 * HOUR).toISOString() }),
  )
  const soon = staffSummaryOf(
    staffDetail({
      id: 'b',
      ticketNo: 'PY-20261121-0006',
      firstResponseDueAt: new Date(Date.now() + HOUR + 90_000).toISOString(),
      assignee: { id: 's2', displayName: '李四', role: 'agent' },
    }),
  )
  const later = staffSummaryOf(staffDetail({ id: 'c', ticketNo: 'PY-20261121-0007' }))
  serve({
    ...catalogRoutes(),
    '/api/staff/requests': ({ url }) => (url.includes('cursor=') ? page([later]) : page([overdue, soon], 'cur-2')),
  })
  render(<StaffInboxPage />)
  const first = (await screen.findByText('PY-20261120-0003')).closest('[role="listitem"]') as HTMLElement
  expect(within(first).getByText('李明 138****8000')).toBeTruthy()
  expect(within(first).getByText('未指派')).toBeTruthy()
  expect(within(first).getByText('首次响应 已超时 2小时').className).toContain('svc-tone--danger')
  const second = screen.getByText('PY-20261121-0006').closest('[role="listitem"]') as HTMLElement
  expect(within(second).getByText('负责人：李四')).toBeTruthy()
  expect(within(second).getByText('首次响应 剩余 1小时1分').className).toContain('svc-tone--warning')

  act(() => taroMock.triggerReachBottom())
  expect(await screen.findByText('PY-20261121-0007')).toBeTruthy()
  expect(queries().at(-1)).toMatchObject({ cursor: 'cur-2' })
  expect(screen.getByText('已显示全部 3 条')).toBeTruthy()

  fireEvent.click(screen.getByText('PY-20261121-0006'))
  expect(taroMock.calls.navigateTo).toEqual(['/staff/request/index?id=b'])
})

test('without a staff session, or on 401, it goes to the login page', async () => {
  useSession.getState().setStaff(null)
  const view = render(<StaffInboxPage />)
  expect(taroMock.calls.redirectTo).toEqual(['/staff/login/index'])
  expect(taroMock.calls.requests).toHaveLength(0)
  view.unmount()

  taroMock.calls.redirectTo.splice(0)
  useSession.getState().setStaff(staffSession())
  serve({ ...catalogRoutes(), '/api/staff/requests': () => fail(401, 'unauthorized', '登录已过期') })
  render(<StaffInboxPage />)
  await waitFor(() => expect(taroMock.calls.redirectTo).toEqual(['/staff/login/index']))
  expect(useSession.getState().staff).toBeNull()
})
