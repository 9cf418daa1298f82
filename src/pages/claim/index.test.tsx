import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { investorSession, resetApp } from '../../../test/jest/app-state'
import { fail, ok, requestsTo, serve } from '../../../test/jest/service-fixtures'
import { investorProject } from '../../../test/jest/tracking-fixtures'
import ClaimPage from './index'

beforeEach(() => resetApp())

test('a shared invite claims at once (cold start) and opens the project', async () => {
  taroMock.setRouterParams({ code: 'K7P3XQ9M' })
  serve({ 'POST /api/auth/guest': () => ok(investorSession()), 'POST /api/projects/claim': () => ok(investorProject()) })
  render(<ClaimPage />)
  await waitFor(() => expect(taroMock.calls.redirectTo).toEqual(['/pages/project/index?id=pingyuan-jingde-park']))
  expect(requestsTo('/api/projects/claim')[0].data).toEqual({ code: 'K7P3XQ9M' })
})

test('a used or expired code says so; another code can be typed and sent', async () => {
  taroMock.setRouterParams({ code: 'K7P3XQ9M' })
  let answer = fail(409, 'invite_used', '该邀请码已被使用，每个邀请码只能使用一次；请向开发区工作人员索取新的邀请码')
  serve({ 'POST /api/auth/guest': () => ok(investorSession()), 'POST /api/projects/claim': () => answer })
  render(<ClaimPage />)
  expect(await screen.findByRole('alert')).toHaveProperty(
    'textContent',
    '该邀请码已被使用，每个邀请码只能使用一次；请向开发区工作人员索取新的邀请码',
  )
  expect(taroMock.calls.redirectTo).toEqual([])

  answer = fail(400, 'validation_error', '请求参数有误', { code: '邀请码应为 8 位字母或数字' })
  fireEvent.change(screen.getByLabelText('邀请码'), { target: { value: 'abc' } })
  fireEvent.click(screen.getByText('关注项目'))
  expect(await screen.findByText('邀请码应为 8 位字母或数字')).toBeTruthy()
  expect(requestsTo('/api/projects/claim').at(-1)?.data).toEqual({ code: 'ABC' })

  answer = ok(investorProject())
  fireEvent.change(screen.getByLabelText('邀请码'), { target: { value: 'm9qx3p7k' } })
  fireEvent.click(screen.getByText('关注项目'))
  await waitFor(() => expect(taroMock.calls.redirectTo).toEqual(['/pages/project/index?id=pingyuan-jingde-park']))
  expect(requestsTo('/api/projects/claim').at(-1)?.data).toEqual({ code: 'M9QX3P7K' })
})
