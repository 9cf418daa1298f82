import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { investorSession, resetApp } from '../../../test/jest/app-state'
import { catalogRoutes, ok, requestsTo, serve, serviceRequest } from '../../../test/jest/service-fixtures'
import RequestDetailPage from './index'

beforeEach(() => {
  resetApp()
  taroMock.setRouterParams({ id: 'req-1' })
})

const route = (request: ReturnType<typeof serviceRequest>, extra: Parameters<typeof serve>[0] = {}) =>
  serve({
    ...catalogRoutes(),
    'POST /api/auth/guest': () => ok(investorSession()),
    '/api/requests/req-1': () => ok(request),
    ...extra,
  })

test('shows the closed-loop timeline, the conversation and a live countdown while unanswered', async () => {
  route(
    serviceRequest({
      status: 'accepted',
      timeline: [
        { step: 'submitted', at: '2026-11-21T01:00:00Z', actor: '您' },
        { step: 'accepted', at: '2026-11-21T01:30:00Z', actor: '店小二 张三' },
      ],
      messages: [
        { id: 'm1', author: 'staff', authorName: '店小二 张三', body: '您好，已收到，明天上午联系您。', createdAt: '2026-11-21T01:31:00Z' },
      ],
    }),
  )
  render(<RequestDetailPage />)
  expect(await screen.findByText('PY-20261121-0007')).toBeTruthy()
  for (const label of ['提交', '受理', '办理中', '已答复', '办结', '评价']) expect(screen.getByText(label)).toBeTruthy()
  expect(screen.getByText(/09:30 · 店小二 张三/)).toBeTruthy()
  expect(screen.getByText('您好，已收到，明天上午联系您。')).toBeTruthy()
  expect(screen.getByText('距 24 小时响应时限还有')).toBeTruthy()
  expect(screen.getByText(/^2[01]:\d\d:\d\d$/)).toBeTruthy()
})

test('an overdue request says 已超时 and gives the supervision hotline when the zone published one', async () => {
  const overdue = { firstResponseDueAt: new Date(Date.now() - 65 * 60_000).toISOString() }
  route(serviceRequest({ ...overdue, supervisionHotline: null }))
  const view = render(<RequestDetailPage />)
  expect(await screen.findByText('已超时 1小时5分')).toBeTruthy()
  // No number nobody published, and no placeholder for it.
  expect(screen.queryByText(/监督热线/)).toBeNull()
  expect(screen.queryByText(/待补充/)).toBeNull()
  expect(screen.getByText(/可在下方留言催办/)).toBeTruthy()
  view.unmount()

  route(serviceRequest({ ...overdue, supervisionHotline: '0534-1234567' }))
  render(<RequestDetailPage />)
  expect(await screen.findByText(/如需反映，可拨打监督热线：0534-1234567/)).toBeTruthy()
})

test('after 办结 the investor rates; the two lowest levels warn that a supervisor reopens it', async () => {
  const resolved = serviceRequest({
    status: 'resolved',
    canRate: true,
    canWithdraw: false,
    firstRespondedAt: '2026-11-21T02:00:00Z',
    supervisionHotline: '0534-1234567',
  })
  route(resolved, {
    'POST /api/requests/req-1/rating': () =>
      ok({
        ...resolved,
        status: 'in_progress',
        escalated: true,
        canRate: false,
        rating: { score: 2, comment: '太慢', ratedAt: '2026-11-21T10:00:00Z' },
      }),
  })
  render(<RequestDetailPage />)
  const group = await screen.findByRole('radiogroup', { name: '服务评价' })
  expect(
    within(group)
      .getAllByRole('radio')
      .map((r) => r.textContent),
  ).toEqual(['★★★★★非常满意', '★★★★满意', '★★★一般', '★★不满意', '★非常不满意'])
  fireEvent.click(within(group).getByRole('radio', { name: '满意' }))
  expect(screen.queryByText(/主管督办处理/)).toBeNull()
  fireEvent.click(within(group).getByRole('radio', { name: '不满意' }))
  expect(screen.getByText(/该请求将重新打开，由主管督办处理。您也可以拨打监督热线：0534-1234567/)).toBeTruthy()
  fireEvent.change(screen.getByLabelText('评价内容'), { target: { value: '太慢' } })
  fireEvent.click(screen.getByText('提交评价'))
  await waitFor(() => expect(requestsTo('/api/requests/req-1/rating')).toHaveLength(1))
  expect(requestsTo('/api/requests/req-1/rating')[0].data).toEqual({ score: 2, comment: '太慢' })
  expect(await screen.findByText('我的评价')).toBeTruthy()
})

test('withdraw is offered only when allowed, and asks first', async () => {
  const open = serviceRequest({ canWithdraw: true })
  route(open, { 'POST /api/requests/req-1/withdraw': () => ok({ ...open, status: 'withdrawn', canWithdraw: false }) })
  const view = render(<RequestDetailPage />)
  fireEvent.click(await screen.findByText('撤回请求'))
  expect(screen.getByText('确认撤回该请求？')).toBeTruthy()
  expect(requestsTo('/api/requests/req-1/withdraw')).toHaveLength(0)
  fireEvent.click(screen.getByText('确认撤回'))
  await waitFor(() => expect(requestsTo('/api/requests/req-1/withdraw')).toHaveLength(1))
  expect(await screen.findByText('该请求已撤回，不再办理')).toBeTruthy()
  expect(screen.queryByText('撤回请求')).toBeNull()
  view.unmount()

  resetApp()
  taroMock.setRouterParams({ id: 'req-1' })
  route(serviceRequest({ status: 'in_progress', canWithdraw: false }))
  render(<RequestDetailPage />)
  expect(await screen.findByText('PY-20261121-0007')).toBeTruthy()
  expect(screen.queryByText('撤回请求')).toBeNull()
})

test('a follow-up message is sent and appears in the conversation', async () => {
  const request = serviceRequest()
  route(request, {
    'POST /api/requests/req-1/messages': ({ data }) =>
      ok({
        ...request,
        messages: [
          { id: 'm2', author: 'investor', authorName: '李明', body: (data as { body: string }).body, createdAt: new Date().toISOString() },
        ],
      }),
  })
  render(<RequestDetailPage />)
  fireEvent.change(await screen.findByLabelText('补充说明'), { target: { value: '补充：需要 35 亩' } })
  fireEvent.click(screen.getByText('发送'))
  expect(await screen.findByText('补充：需要 35 亩')).toBeTruthy()
  await waitFor(() => expect((screen.getByLabelText('补充说明') as HTMLTextAreaElement).value).toBe(''))
})

test('a failed load offers a retry', async () => {
  let down = true
  serve({
    'POST /api/auth/guest': () => ok(investorSession()),
    ...catalogRoutes(),
    '/api/requests/req-1': () =>
      down ? { statusCode: 503, data: { error: { code: 'unavailable', message: '服务暂时不可用' } } } : ok(serviceRequest()),
  })
  render(<RequestDetailPage />)
  expect(await screen.findByText('服务暂时不可用')).toBeTruthy()
  down = false
  fireEvent.click(screen.getByText('重试'))
  expect(await screen.findByText('PY-20261121-0007')).toBeTruthy()
})

test('an open request page picks up what staff did meanwhile, and stops asking when hidden or closed (issue 15.5)', async () => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] })
  try {
    let current = serviceRequest({ status: 'new' })
    serve({
      ...catalogRoutes(),
      'POST /api/auth/guest': () => ok(investorSession()),
      '/api/requests/req-1': () => ok(current),
    })
    const view = render(<RequestDetailPage />)
    expect(await screen.findByText('待受理')).toBeTruthy()

    // Staff resolve it while the investor keeps the page open.
    current = serviceRequest({ status: 'resolved', canRate: true, canWithdraw: false, firstRespondedAt: new Date().toISOString() })
    await act(async () => void jest.advanceTimersByTime(15_000))
    expect(await screen.findByText('已办结')).toBeTruthy()
    expect(screen.queryByText('距 24 小时响应时限还有')).toBeNull()

    // Covered by another page: no more requests, no timer left ticking for it.
    act(() => taroMock.triggerDidHide())
    const asked = requestsTo('/api/requests/req-1').length
    await act(async () => void jest.advanceTimersByTime(60_000))
    expect(requestsTo('/api/requests/req-1')).toHaveLength(asked)
    view.unmount()
    expect(jest.getTimerCount()).toBe(0)
  } finally {
    jest.useRealTimers()
  }
})

test('the tag agrees with the timeline: 已答复 after a reply; 已关闭 with the reason when staff closed it (issue 15.6)', async () => {
  const base = [
    { step: 'submitted' as const, at: '2026-11-21T01:00:00Z', actor: '您' },
    { step: 'accepted' as const, at: '2026-11-21T01:30:00Z', actor: '店小二 张三' },
    { step: 'replied' as const, at: '2026-11-21T02:00:00Z', actor: '店小二 张三' },
  ]
  route(serviceRequest({ status: 'accepted', firstRespondedAt: '2026-11-21T02:00:00Z', timeline: base }))
  const view = render(<RequestDetailPage />)
  await screen.findByText('PY-20261121-0007')
  expect(document.querySelector('.svc-status-tag')?.textContent).toBe('已答复')
  view.unmount()

  resetApp()
  taroMock.setRouterParams({ id: 'req-1' })
  route(
    serviceRequest({
      status: 'closed',
      canWithdraw: false,
      timeline: [
        ...base,
        { step: 'resolved', at: '2026-11-21T03:00:00Z', actor: '店小二 张三' },
        { step: 'closed', at: '2026-11-22T03:00:00Z', actor: '店小二 张三', note: '企业已另行解决' },
      ],
    }),
  )
  render(<RequestDetailPage />)
  await screen.findByText('PY-20261121-0007')
  expect(document.querySelector('.svc-status-tag')?.textContent).toBe('已关闭')
  expect(screen.getByText('原因：企业已另行解决')).toBeTruthy()
  expect(screen.queryByText('已评价')).toBeNull()
})
