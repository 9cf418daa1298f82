import { fireEvent, render, screen } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import BackBar from './BackBar'

beforeEach(() => taroMock.reset())

test('a sub-page opened from another page offers 返回 (issue 15.10)', async () => {
  taroMock.setPageStack(['pages/parks/index', 'pages/park/index'])
  render(<BackBar />)
  fireEvent.click(await screen.findByRole('button', { name: '返回' }))
  expect(taroMock.calls.navigateBack).toEqual([1])
  expect(screen.queryByRole('button', { name: '返回首页' })).toBeNull()
})

test('opened directly (a shared link) it offers 首页 instead', async () => {
  taroMock.setPageStack(['pages/park/index'])
  render(<BackBar />)
  fireEvent.click(await screen.findByRole('button', { name: '返回首页' }))
  expect(taroMock.calls.reLaunch).toEqual(['/pages/index/index'])
  expect(taroMock.calls.navigateBack).toEqual([])
})
