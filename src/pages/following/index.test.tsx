import { fireEvent, render, screen } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { investorSession, resetApp } from '../../../test/jest/app-state'
import { fail, ok, serve } from '../../../test/jest/service-fixtures'
import { survey } from '../../../test/jest/tracking-fixtures'
import FollowingPage from './index'

beforeEach(() => resetApp())

const followed = {
  id: 'pingyuan-jingde-park',
  name: '京德智造产业园',
  zoneId: 'pingyuan',
  zoneName: '平原经济开发区',
  currentStage: 'completed',
  currentState: 'in_progress',
  overdue: true,
  followedAt: '2026-11-18T01:00:00.000Z',
}

test("lists followed projects with their stage and the open surveys of the investor's zones", async () => {
  const { questions: _questions, intro: _intro, ...card } = survey()
  serve({
    'POST /api/auth/guest': () => ok(investorSession()),
    '/api/projects/mine': () => ok({ items: [followed] }),
    '/api/surveys/mine': () =>
      ok({
        items: [
          { ...card, questionCount: 4, answered: false },
          { ...card, id: 'done-1', title: '问效于企：服务评价', status: 'closed', answered: true },
        ],
      }),
  })
  render(<FollowingPage />)
  fireEvent.click(await screen.findByRole('link', { name: '京德智造产业园，当前阶段竣工，逾期' }))
  expect(taroMock.calls.navigateTo.at(-1)).toBe('/pages/project/index?id=pingyuan-jingde-park')
  fireEvent.click(await screen.findByRole('link', { name: '2026 年冬季企业需求调查，邹平经济技术开发区，待填写' }))
  expect(taroMock.calls.navigateTo.at(-1)).toBe(`/pages/survey/index?id=${card.id}`)
  expect(screen.getByRole('link', { name: '问效于企：服务评价，邹平经济技术开发区，已答复' })).toBeTruthy()
  fireEvent.click(screen.getByRole('link', { name: /输入邀请码关注项目/ }))
  expect(taroMock.calls.navigateTo.at(-1)).toBe('/pages/claim/index')
})

test('says what each list is for while empty, and offers a retry when one fails', async () => {
  let down = true
  serve({
    'POST /api/auth/guest': () => ok(investorSession()),
    '/api/projects/mine': () => ok({ items: [] }),
    '/api/surveys/mine': () => (down ? fail(500, 'internal_error', '服务器出了点问题，请稍后再试') : ok({ items: [] })),
  })
  render(<FollowingPage />)
  expect(await screen.findByText(/开发区工作人员给您邀请码后/)).toBeTruthy()
  expect(await screen.findByText('问卷加载失败')).toBeTruthy()
  down = false
  fireEvent.click(screen.getByText('重新加载'))
  expect(await screen.findByText(/发布问卷后，会显示在这里/)).toBeTruthy()
})
