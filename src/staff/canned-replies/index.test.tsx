import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { resetApp, staffSession } from '../../../test/jest/app-state'
import { catalogRoutes, ok, serve } from '../../../test/jest/service-fixtures'
import type { CannedReply } from '@/types/service'
import { useSession } from '@/features/session/session-store'
import StaffCannedRepliesPage from './index'

beforeEach(() => resetApp())

function serveReplies() {
  const replies: CannedReply[] = [{ id: 'r1', zoneId: 'pingyuan', title: '已收到', body: '您好，已收到您的需求，我们会尽快联系您。' }]
  const log: { action: string; body?: unknown }[] = []
  serve({
    ...catalogRoutes(),
    '/api/staff/canned-replies': () => ok({ items: replies }),
    'POST /api/staff/canned-replies': ({ data }) => {
      log.push({ action: 'create', body: data })
      replies.push({ id: 'r2', zoneId: 'pingyuan', ...(data as { title: string; body: string }) })
      return ok(replies.at(-1), 201)
    },
    'PUT /api/staff/canned-replies/r1': ({ data }) => {
      log.push({ action: 'update', body: data })
      Object.assign(replies[0], data)
      return ok(replies[0])
    },
    'DELETE /api/staff/canned-replies/r1': () => {
      log.push({ action: 'delete' })
      replies.splice(0, 1)
      return { statusCode: 204, data: '' }
    },
  })
  return log
}

test('a supervisor adds, edits and deletes the zone’s 常用回复', async () => {
  useSession.getState().setStaff(staffSession({ role: 'supervisor' }))
  const log = serveReplies()
  render(<StaffCannedRepliesPage />)
  expect(await screen.findByText('已收到')).toBeTruthy()

  fireEvent.click(screen.getByText('添加'))
  expect(await screen.findByText('请输入标题')).toBeTruthy()
  expect(screen.getByText('请输入内容')).toBeTruthy()
  expect(log).toEqual([])

  fireEvent.change(screen.getByLabelText('标题'), { target: { value: '约看厂房' } })
  fireEvent.change(screen.getByLabelText('内容'), { target: { value: '您好，可以安排工作日上午看厂，请告知方便的时间。' } })
  fireEvent.click(screen.getByText('添加'))
  expect(await screen.findByText('约看厂房')).toBeTruthy()
  expect(log[0]).toEqual({
    action: 'create',
    body: { zoneId: 'pingyuan', title: '约看厂房', body: '您好，可以安排工作日上午看厂，请告知方便的时间。' },
  })

  fireEvent.click(screen.getByRole('button', { name: '修改已收到' }))
  fireEvent.change(screen.getByLabelText('标题'), { target: { value: '已收到需求' } })
  fireEvent.click(screen.getByText('保存'))
  expect(await screen.findByText('已收到需求')).toBeTruthy()

  fireEvent.click(screen.getByRole('button', { name: '删除已收到需求' }))
  await waitFor(() => expect(screen.queryByText('已收到需求')).toBeNull())
  expect(log.map((entry) => entry.action)).toEqual(['create', 'update', 'delete'])
})

test('agents read them but do not edit them', async () => {
  useSession.getState().setStaff(staffSession({ role: 'agent' }))
  serveReplies()
  render(<StaffCannedRepliesPage />)
  expect(await screen.findByText('已收到')).toBeTruthy()
  expect(screen.getByText('常用回复由主管维护。')).toBeTruthy()
  expect(screen.queryByText('添加')).toBeNull()
  expect(screen.queryByRole('button', { name: '删除已收到' })).toBeNull()
})
