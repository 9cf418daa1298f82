import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { resetApp, staffSession } from '../../../test/jest/app-state'
import { fail, catalogRoutes, ok, requestsTo, serve, staffDetail } from '../../../test/jest/service-fixtures'
import { useSession } from '@/features/session/session-store'
import type { StaffRequestDetail } from '@/types/service'
import StaffRequestPage from './index'

beforeEach(() => {
  resetApp()
  useSession.getState().setStaff(staffSession())
  taroMock.setRouterParams({ id: 'req-1' })
})

const route = (detail: StaffRequestDetail, extra: Parameters<typeof serve>[0] = {}) =>
  serve({ ...catalogRoutes(), '/api/staff/requests/req-1': () => ok(detail), ...extra })

const statusButtons = () =>
  within(screen.getByRole('group', { name: '更改状态' }))
    .getAllByRole('button')
    .map((b) => b.textContent)

test('status buttons are exactly the allowed transitions', async () => {
  route(staffDetail({ status: 'accepted', allowedTransitions: ['in_progress', 'waiting_investor', 'resolved', 'withdrawn'] }))
  render(<StaffRequestPage />)
  await screen.findByText('PY-20261121-0007')
  expect(statusButtons()).toEqual(['改为「办理中」', '等待企业补充', '改为「已办结」', '改为「已撤回」'])
  expect(screen.getByText('暂停办结计时，直到企业补充材料')).toBeTruthy()
})

test('no transitions left: no buttons', async () => {
  route(staffDetail({ status: 'closed', allowedTransitions: [] }))
  render(<StaffRequestPage />)
  expect(await screen.findByText('当前状态不能再更改。')).toBeTruthy()
  expect(screen.queryByRole('group', { name: '更改状态' })).toBeNull()
})

test("a refused change (409) shows the server's message", async () => {
  route(staffDetail({ status: 'new', allowedTransitions: ['accepted', 'withdrawn'] }), {
    'POST /api/staff/requests/req-1/status': () => fail(409, 'invalid_transition', '该请求已被同事受理，请刷新后再操作'),
  })
  render(<StaffRequestPage />)
  fireEvent.click(await screen.findByText('改为「已受理」'))
  expect(await screen.findByText('该请求已被同事受理，请刷新后再操作')).toBeTruthy()
  expect(requestsTo('/api/staff/requests/req-1/status')[0].data).toEqual({ status: 'accepted' })
})

test('internal notes are clearly marked and never mixed into the public conversation', async () => {
  const detail = staffDetail({
    messages: [{ id: 'm1', author: 'investor', authorName: '李明', body: '请尽快联系', createdAt: '2026-11-21T02:00:00Z' }],
    notes: [
      {
        id: 'n1',
        author: { id: 's9', displayName: '王五', role: 'supervisor' },
        body: '企业是市重点项目，优先办理',
        createdAt: '2026-11-21T03:00:00Z',
      },
    ],
  })
  route(detail, {
    'POST /api/staff/requests/req-1/notes': ({ data }) =>
      ok({
        ...detail,
        notes: [
          ...detail.notes,
          {
            id: 'n2',
            author: { id: 'stf-zhang', displayName: '张三', role: 'agent' },
            body: (data as { body: string }).body,
            createdAt: new Date().toISOString(),
          },
        ],
      }),
  })
  render(<StaffRequestPage />)
  const internal = await screen.findByLabelText('内部备注，企业不可见')
  expect(within(internal).getByText('仅工作人员可见，企业看不到')).toBeTruthy()
  const note = within(internal).getByText('企业是市重点项目，优先办理').closest('[data-internal="true"]') as HTMLElement
  expect(within(note).getByText(/^内部备注 · 王五/)).toBeTruthy()
  expect(within(screen.getByRole('list', { name: '沟通记录' })).queryByText('企业是市重点项目，优先办理')).toBeNull()

  fireEvent.change(within(internal).getByLabelText('内部备注内容'), { target: { value: '已电话沟通' } })
  fireEvent.click(within(internal).getByText('添加内部备注'))
  expect(await within(internal).findByText('已电话沟通')).toBeTruthy()
  expect(requestsTo('/api/staff/requests/req-1/replies')).toHaveLength(0)
})

test('full mobile with call and copy; claim when unassigned', async () => {
  const detail = staffDetail()
  route(detail, {
    'POST /api/staff/requests/req-1/claim': () => ok({ ...detail, assignee: { id: 'stf-zhang', displayName: '张三', role: 'agent' } }),
  })
  render(<StaffRequestPage />)
  expect(await screen.findByText('李明 13800138000')).toBeTruthy()
  fireEvent.click(screen.getByText('拨打'))
  fireEvent.click(screen.getByText('复制'))
  expect(taroMock.calls.phoneCalls).toEqual(['13800138000'])
  expect(taroMock.calls.clipboard).toEqual(['13800138000'])
  fireEvent.click(screen.getByText('认领'))
  expect(await screen.findByText('负责人：张三（我）')).toBeTruthy()
  expect(screen.queryByText('认领')).toBeNull()
})

test('a canned reply fills the reply box; the reply is sent publicly', async () => {
  const detail = staffDetail()
  route(detail, {
    '/api/staff/canned-replies': () =>
      ok({ items: [{ id: 'c1', zoneId: 'pingyuan', title: '已受理', body: '您好，您的需求已受理，我们会在 1 个工作日内联系您。' }] }),
    'POST /api/staff/requests/req-1/replies': () => ok({ ...detail, firstRespondedAt: new Date().toISOString() }),
  })
  render(<StaffRequestPage />)
  fireEvent.click(await screen.findByText('常用回复'))
  fireEvent.click(await screen.findByRole('button', { name: /^已受理/ }))
  const box = screen.getByLabelText('公开回复内容') as HTMLTextAreaElement
  expect(box.value).toBe('您好，您的需求已受理，我们会在 1 个工作日内联系您。')
  fireEvent.click(screen.getByText('发送公开回复'))
  await waitFor(() => expect(requestsTo('/api/staff/requests/req-1/replies')).toHaveLength(1))
  expect(requestsTo('/api/staff/requests/req-1/replies')[0].data).toEqual({ body: '您好，您的需求已受理，我们会在 1 个工作日内联系您。' })
  // Agents cannot add canned replies.
  expect(screen.queryByText('新增常用回复（管理员）')).toBeNull()
})

test('assign to a colleague from the member list', async () => {
  const detail = staffDetail()
  route(detail, {
    '/api/staff/members': () =>
      ok({
        items: [
          { id: 'stf-zhang', displayName: '张三', role: 'agent' },
          { id: 'stf-li', displayName: '李四', role: 'agent' },
        ],
      }),
    'POST /api/staff/requests/req-1/assign': () => ok({ ...detail, assignee: { id: 'stf-li', displayName: '李四', role: 'agent' } }),
  })
  render(<StaffRequestPage />)
  fireEvent.click(await screen.findByText('指派'))
  fireEvent.click(await screen.findByText('李四'))
  expect(await screen.findByText('负责人：李四')).toBeTruthy()
  expect(requestsTo('/api/staff/requests/req-1/assign')[0].data).toEqual({ staffId: 'stf-li' })
})

test('after 已办结 staff close the ticket with a reason, never "改为「已评价」" (issue 15.6)', async () => {
  const resolved = staffDetail({ status: 'resolved', allowedTransitions: ['closed', 'in_progress'] })
  route(resolved, {
    'POST /api/staff/requests/req-1/close': () => ok({ ...resolved, status: 'closed', allowedTransitions: [] }),
  })
  render(<StaffRequestPage />)
  await screen.findByText('PY-20261121-0007')
  expect(statusButtons()).toEqual(['关闭工单', '重新办理'])
  expect(screen.queryByText('改为「已评价」')).toBeNull()

  fireEvent.click(screen.getByText('关闭工单'))
  expect(await screen.findByText('确认关闭工单？')).toBeTruthy()
  const confirm = screen
    .getAllByRole('button')
    .find((button) => button.textContent === '关闭工单' && button.tagName === 'BUTTON' && button.closest('.pl-dialog'))!
  // No reason, no closing.
  expect(confirm.hasAttribute('disabled') || confirm.className.includes('disabled')).toBe(true)
  fireEvent.input(screen.getByLabelText('关闭原因'), { target: { value: '企业已另行解决，电话确认后关闭' } })
  fireEvent.click(confirm)
  await waitFor(() => expect(requestsTo('/api/staff/requests/req-1/close')).toHaveLength(1))
  expect(requestsTo('/api/staff/requests/req-1/close')[0].data).toEqual({ reason: '企业已另行解决，电话确认后关闭' })
  expect(requestsTo('/api/staff/requests/req-1/status')).toHaveLength(0)
  expect(await screen.findByText('已关闭')).toBeTruthy()
})

test('after a public reply the tag says 已答复, as the timeline does (issue 15.6)', async () => {
  route(
    staffDetail({
      status: 'in_progress',
      allowedTransitions: ['waiting_investor', 'resolved'],
      timeline: [
        { step: 'submitted', at: '2026-11-21T01:00:00Z', actor: '企业（投资者）' },
        { step: 'accepted', at: '2026-11-21T01:30:00Z', actor: '赵小二' },
        { step: 'in_progress', at: '2026-11-21T01:40:00Z', actor: '赵小二' },
        { step: 'replied', at: '2026-11-21T02:00:00Z', actor: '赵小二' },
      ],
    }),
  )
  render(<StaffRequestPage />)
  await screen.findByText('PY-20261121-0007')
  expect(document.querySelector('.svc-status-tag')?.textContent).toBe('已答复')
})

test('an empty 常用回复 says who can add them; the empty conversation never mentions the mini-program (issue 15.15, 15.17)', async () => {
  route(staffDetail(), { '/api/staff/canned-replies': () => ok({ items: [] }) })
  render(<StaffRequestPage />)
  await screen.findByText('PY-20261121-0007')
  expect(document.body.textContent).not.toContain('小程序')
  fireEvent.click(screen.getByText('常用回复'))
  expect(await screen.findByText('还没有常用回复。本开发区的主管和管理员可以添加常用回复。')).toBeTruthy()
})
