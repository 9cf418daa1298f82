import { fireEvent, render, screen, within } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { investorSession, resetApp } from '../../../test/jest/app-state'
import { fail, ok, serve } from '../../../test/jest/service-fixtures'
import { investorProject } from '../../../test/jest/tracking-fixtures'
import ProjectPage from './index'

beforeEach(() => {
  resetApp()
  taroMock.setRouterParams({ id: 'pingyuan-jingde-park' })
})

test('shows the stage timeline with dates and the article, the 包挂领导 by role, and files a request for the current stage', async () => {
  serve({ 'POST /api/auth/guest': () => ok(investorSession()), '/api/projects/pingyuan-jingde-park': () => ok(investorProject()) })
  render(<ProjectPage />)
  expect(await screen.findByRole('heading', { name: '京德智造产业园' })).toBeTruthy()
  const steps = screen.getAllByRole('listitem')
  expect(steps.map((step) => step.getAttribute('aria-label'))).toEqual([
    '第 1 步 签约，已完成',
    '第 2 步 注册落地，已完成',
    '第 3 步 立项备案，已完成',
    '第 4 步 用地规划，已完成',
    '第 5 步 施工许可，已完成',
    '第 6 步 开工，已完成',
    '第 7 步 竣工，进行中',
    '第 8 步 投产，未开始',
  ])
  // Article 001 states no outlet, headline or date: the stage says only that it was reported.
  expect(within(steps[5]).getByText('据报道')).toBeTruthy()
  expect(within(steps[6]).getByText('计划 2026-12-20')).toBeTruthy()
  expect(screen.getByText('包挂领导：平原经济开发区 主管，全程督办项目进度。')).toBeTruthy()

  fireEvent.click(screen.getByText('遇到问题找店小二'))
  expect(taroMock.calls.navigateTo).toEqual(['/pages/service/index?zoneId=pingyuan&projectId=pingyuan-jingde-park&projectStage=completed'])
})

test('a late stage reads 逾期; a project not followed asks for an invite code', async () => {
  const late = investorProject()
  late.stages[6] = { ...late.stages[6], overdue: true }
  serve({ 'POST /api/auth/guest': () => ok(investorSession()), '/api/projects/pingyuan-jingde-park': () => ok(late) })
  const view = render(<ProjectPage />)
  expect(await screen.findByRole('listitem', { name: '第 7 步 竣工，逾期' })).toBeTruthy()
  view.unmount()

  resetApp()
  taroMock.setRouterParams({ id: 'pingyuan-jingde-park' })
  serve({
    'POST /api/auth/guest': () => ok(investorSession()),
    '/api/projects/pingyuan-jingde-park': () => fail(404, 'not_found', '没有找到这个项目'),
  })
  render(<ProjectPage />)
  expect(await screen.findByText('无法查看这个项目')).toBeTruthy()
  fireEvent.click(screen.getByText('输入邀请码'))
  expect(taroMock.calls.navigateTo).toEqual(['/pages/claim/index'])
})
