import { fireEvent, render, screen } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { investorSession, resetApp } from '../../../test/jest/app-state'
import { ok, parkById, parkCard, serveApi } from '../../../test/jest/content-fixtures'
import { survey } from '../../../test/jest/tracking-fixtures'
import Mine from './index'

const nothingFollowed = { '/api/projects/mine': () => ok({ items: [] }), '/api/surveys/mine': () => ok({ items: [] }) }

beforeEach(() => resetApp())

test('lists the favourite parks after signing in, and links to the other sections', async () => {
  serveApi({
    'POST /api/auth/guest': () => ok(investorSession('guest-12345678')),
    '/api/favourites': () => ok({ items: [parkCard(parkById('pingyuan-jingde'))] }),
    ...nothingFollowed,
  })
  render(<Mine />)
  expect(await screen.findByRole('link', { name: /京德智造产业园/ })).toBeTruthy()
  expect(screen.getByText('访客')).toBeTruthy()

  for (const [name, url] of [
    ['我的服务请求', '/pages/requests/index'],
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
  serveApi({ 'POST /api/auth/guest': () => ok(investorSession()), '/api/favourites': () => ok({ items: [] }), ...nothingFollowed })
  render(<Mine />)
  expect(await screen.findByText(/还没有关注的园区/)).toBeTruthy()
})

test('a failed list offers a retry', async () => {
  let down = true
  serveApi({
    'POST /api/auth/guest': () => ok(investorSession()),
    '/api/favourites': () =>
      down ? { statusCode: 500, data: { error: { code: 'internal', message: '服务暂时不可用' } } } : ok({ items: [] }),
    ...nothingFollowed,
  })
  render(<Mine />)
  expect(await screen.findByText('关注列表加载失败')).toBeTruthy()
  down = false
  fireEvent.click(screen.getByText('重新加载'))
  expect(await screen.findByText(/还没有关注的园区/)).toBeTruthy()
})

test("lists followed projects with their stage and the open surveys of the investor's zones", async () => {
  const { questions: _questions, intro: _intro, ...card } = survey()
  serveApi({
    'POST /api/auth/guest': () => ok(investorSession()),
    '/api/favourites': () => ok({ items: [] }),
    '/api/projects/mine': () =>
      ok({
        items: [
          {
            id: 'pingyuan-jingde-park',
            name: '京德智造产业园',
            zoneId: 'pingyuan',
            zoneName: '平原经济开发区',
            currentStage: 'completed',
            currentState: 'in_progress',
            overdue: true,
            followedAt: '2026-11-18T01:00:00.000Z',
          },
        ],
      }),
    '/api/surveys/mine': () => ok({ items: [{ ...card, questionCount: 4, answered: false }] }),
  })
  render(<Mine />)
  fireEvent.click(await screen.findByRole('link', { name: '京德智造产业园，当前阶段竣工，逾期' }))
  expect(taroMock.calls.navigateTo.at(-1)).toBe('/pages/project/index?id=pingyuan-jingde-park')
  fireEvent.click(await screen.findByRole('link', { name: '2026 年冬季企业需求调查，邹平经济技术开发区，待填写' }))
  expect(taroMock.calls.navigateTo.at(-1)).toBe(`/pages/survey/index?id=${card.id}`)
  fireEvent.click(screen.getByRole('link', { name: /输入邀请码关注项目/ }))
  expect(taroMock.calls.navigateTo.at(-1)).toBe('/pages/claim/index')
})
