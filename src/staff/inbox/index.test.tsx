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

const page = (items: ReturnType<typeof staffSummaryOf>[], nextCursor: string | null = null, total = items.length, totalCapped = false) =>
  ok({ items, nextCursor, total, totalCapped })

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

test('the queue size shows as counted, and as 999+ past the server cap', async () => {
  const row = staffSummaryOf(staffDetail({ id: 'a', ticketNo: 'PY-20261120-0003' }))
  let capped = false
  serve({
    ...catalogRoutes(),
    '/api/staff/requests': () => (capped ? page([row], 'cur-2', 999, true) : page([row], null, 1)),
  })
  render(<StaffInboxPage />)
  expect(await screen.findByText('「待受理」共 1 条')).toBeTruthy()
  capped = true
  fireEvent.click(screen.getByText('全部'))
  expect(await screen.findByText('「全部」共 999+ 条')).toBeTruthy()
  expect(screen.getByRole('list').getAttribute('aria-label')).toBe('全部，共 999+ 条')
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

test('an open inbox picks up new requests by itself, shows the count, and stops asking once hidden (issue 15.5)', async () => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] })
  try {
    const first = staffSummaryOf(staffDetail({ id: 'a', ticketNo: 'PY-20261121-0001' }))
    const second = staffSummaryOf(staffDetail({ id: 'b', ticketNo: 'PY-20261121-0002' }))
    let items = [first]
    let capped = false
    serve({
      ...catalogRoutes(),
      '/api/staff/requests': () => ok({ items, nextCursor: null, total: capped ? 999 : items.length, ...(capped ? { totalCapped: true } : {}) }),
    })
    const view = render(<StaffInboxPage />)
    expect(await screen.findByText('PY-20261121-0001')).toBeTruthy()
    expect(screen.getByText('「待受理」共 1 条')).toBeTruthy()
    const asked = () => queries().length

    // A new request arrives; no pull-down, no reload.
    items = [second, first]
    const before = asked()
    await act(async () => void jest.advanceTimersByTime(15_000))
    expect(await screen.findByText('PY-20261121-0002')).toBeTruthy()
    expect(asked()).toBe(before + 1)
    expect(screen.getByText('「待受理」共 2 条')).toBeTruthy()
    expect(screen.getByText('新到 1 条')).toBeTruthy()

    // The server caps large counts.
    capped = true
    await act(async () => void jest.advanceTimersByTime(15_000))
    expect(await screen.findByText('「待受理」共 999+ 条')).toBeTruthy()

    // Another page covers the inbox: the timer is cleared, nothing more is asked.
    act(() => taroMock.triggerDidHide())
    const hidden = asked()
    await act(async () => void jest.advanceTimersByTime(60_000))
    expect(asked()).toBe(hidden)
    // Shown again: asks again. Closed: no timer is left behind.
    act(() => taroMock.triggerDidShow())
    await act(async () => void jest.advanceTimersByTime(15_000))
    expect(asked()).toBeGreaterThan(hidden)
    view.unmount()
    expect(jest.getTimerCount()).toBe(0)
  } finally {
    jest.useRealTimers()
  }
})
