import { fireEvent, render, screen } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { investorSession, resetApp } from '../../../test/jest/app-state'
import { ok, parkById, parkCard, serveApi } from '../../../test/jest/content-fixtures'
import Mine from './index'

beforeEach(() => resetApp())

test('lists the favourite parks after signing in, and links to the other sections', async () => {
  serveApi({
    'POST /api/auth/guest': () => ok(investorSession('guest-12345678')),
    '/api/favourites': () => ok({ items: [parkCard(parkById('pingyuan-jingde'))] }),
  })
  render(<Mine />)
  expect(await screen.findByRole('link', { name: /京德智造产业园/ })).toBeTruthy()
  expect(screen.getByText('访客')).toBeTruthy()
  // Never the raw guest id (issue 15.15).
  expect(document.body.textContent).not.toMatch(/编号|12345678|345678/)
  expect(screen.getByText('关注的园区和服务请求保存在本机')).toBeTruthy()

  for (const [name, url] of [
    ['我的服务请求', '/pages/requests/index'],
    ['我的项目与问卷', '/pages/following/index'],
    ['政策匹配', '/pages/match/index'],
    ['园区对比', '/pages/compare/index'],
    ['隐私政策', '/pages/privacy/index'],
    ['工作人员入口', '/staff/login/index'],
  ]) {
    fireEvent.click(screen.getByRole('link', { name: new RegExp(`^${name}`) }))
    expect(taroMock.calls.navigateTo[taroMock.calls.navigateTo.length - 1]).toBe(url)
  }
})

test('an empty list invites the investor to browse parks', async () => {
  serveApi({ 'POST /api/auth/guest': () => ok(investorSession()), '/api/favourites': () => ok({ items: [] }) })
  render(<Mine />)
  expect(await screen.findByText(/还没有关注的园区/)).toBeTruthy()
})

test('a failed list offers a retry', async () => {
  let down = true
  serveApi({
    'POST /api/auth/guest': () => ok(investorSession()),
    '/api/favourites': () => (down ? { statusCode: 500, data: { error: { code: 'internal', message: '服务暂时不可用' } } } : ok({ items: [] })),
  })
  render(<Mine />)
  expect(await screen.findByText('关注列表加载失败')).toBeTruthy()
  down = false
  fireEvent.click(screen.getByText('重新加载'))
  expect(await screen.findByText(/还没有关注的园区/)).toBeTruthy()
})
