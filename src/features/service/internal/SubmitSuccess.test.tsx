import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { taroMock } from '../../../../test/jest/taro'
import { resetApp } from '../../../../test/jest/app-state'
import { serviceRequest } from '../../../../test/jest/service-fixtures'
import { SubmitSuccess } from './SubmitSuccess'

const env = process.env.TARO_ENV
beforeEach(() => resetApp())
afterEach(() => {
  process.env.TARO_ENV = env
})

test('on weapp with template ids configured, a tap subscribes to the reply notice', async () => {
  process.env.TARO_ENV = 'weapp'
  taroMock.setSubscribeResult({ 'tmpl-reply': 'accept' })
  render(<SubmitSuccess request={serviceRequest()} onNewRequest={() => undefined} templateIds={['tmpl-reply']} />)
  fireEvent.click(screen.getByText('订阅回复通知'))
  await waitFor(() => expect(taroMock.calls.toasts).toContain('已订阅回复通知'))
  expect(taroMock.calls.subscribe).toEqual([['tmpl-reply']])
  expect(screen.queryByText('订阅回复通知')).toBeNull()
})

test('without template ids the subscribe button is hidden', () => {
  process.env.TARO_ENV = 'weapp'
  render(<SubmitSuccess request={serviceRequest()} onNewRequest={() => undefined} templateIds={[]} />)
  expect(screen.queryByText('订阅回复通知')).toBeNull()
})
