import { fireEvent, render, screen } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { resetApp, staffSession } from '../../../test/jest/app-state'
import { ok, serve } from '../../../test/jest/service-fixtures'
import { survey } from '../../../test/jest/tracking-fixtures'
import { useSession } from '@/features/session/session-store'
import StaffSurveysPage from './index'

beforeEach(() => resetApp())

const card = (() => {
  const { questions: _questions, intro: _intro, ...rest } = survey()
  return { ...rest, questionCount: 4, responseCount: 3 }
})()

test("lists the zone's surveys with their answers; supervisors start a new one", async () => {
  useSession.getState().setStaff(staffSession({ role: 'supervisor' }))
  serve({
    '/api/staff/surveys': () =>
      ok({ items: [card, { ...card, id: 'draft-1', title: '问效于企：服务评价', status: 'draft', responseCount: 0 }] }),
  })
  render(<StaffSurveysPage />)
  expect(await screen.findByRole('listitem', { name: '2026 年冬季企业需求调查，进行中，3 份答复' })).toBeTruthy()
  expect(screen.getByRole('listitem', { name: '问效于企：服务评价，草稿，0 份答复' })).toBeTruthy()
  fireEvent.click(screen.getByText('新建问卷'))
  expect(taroMock.calls.navigateTo).toEqual(['/staff/survey-edit/index'])
  fireEvent.click(screen.getByRole('listitem', { name: /进行中/ }))
  expect(taroMock.calls.navigateTo.at(-1)).toBe(`/staff/survey/index?id=${card.id}`)
})

test('agents read the surveys but do not write them', async () => {
  useSession.getState().setStaff(staffSession())
  serve({ '/api/staff/surveys': () => ok({ items: [] }) })
  render(<StaffSurveysPage />)
  expect(await screen.findByText('主管发布问卷后会显示在这里。')).toBeTruthy()
  expect(screen.queryByText('新建问卷')).toBeNull()
})
