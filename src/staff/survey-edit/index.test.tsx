import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { resetApp, staffSession } from '../../../test/jest/app-state'
import { catalogRoutes, ok, requestsTo, serve } from '../../../test/jest/service-fixtures'
import { survey } from '../../../test/jest/tracking-fixtures'
import { useSession } from '@/features/session/session-store'
import StaffSurveyEditPage from './index'

beforeEach(() => {
  resetApp()
  useSession.getState().setStaff(staffSession({ role: 'supervisor', zoneId: 'zouping' }))
})

test("writes a survey: the contract's reasons per field before sending, then the draft and its page", async () => {
  serve({ ...catalogRoutes(), 'POST /api/staff/surveys': () => ok(survey({ status: 'draft', publishedAt: null }), 201) })
  render(<StaffSurveyEditPage />)
  fireEvent.click(await screen.findByText('保存草稿'))
  expect(await screen.findByText('请填写问卷标题（至少 4 个字）')).toBeTruthy()
  expect(screen.getByText('请填写题目（至少 2 个字）')).toBeTruthy()
  expect(screen.getByText('选择题至少需要 2 个选项')).toBeTruthy()
  expect(requestsTo('/api/staff/surveys')).toHaveLength(0)

  fireEvent.change(screen.getByLabelText('问卷标题'), { target: { value: '2026 年冬季企业需求调查' } })
  fireEvent.change(screen.getByLabelText('第 1 题题目'), { target: { value: '最急需解决的问题' } })
  fireEvent.change(screen.getByLabelText('第 1 题选项'), { target: { value: '用工\n融资\n' } })
  fireEvent.click(screen.getByText('添加一题'))
  fireEvent.click(screen.getByRole('radio', { name: '第 2 题题型：评分（1–5）' }))
  fireEvent.change(screen.getByLabelText('第 2 题题目'), { target: { value: '服务满意度' } })
  fireEvent.click(screen.getByRole('checkbox', { name: '第 2 题必答' }))
  fireEvent.change(screen.getByLabelText('截止日期'), { target: { value: '2099-11-30' } })
  fireEvent.click(screen.getByText('保存草稿'))
  await waitFor(() => expect(taroMock.calls.redirectTo).toEqual([`/staff/survey/index?id=${survey().id}`]))
  expect(requestsTo('/api/staff/surveys')[0].data).toMatchObject({
    kind: 'needs',
    title: '2026 年冬季企业需求调查',
    closesOn: '2099-11-30',
    questions: [
      { type: 'single', title: '最急需解决的问题', required: true, options: ['用工', '融资'] },
      { type: 'rating', title: '服务满意度', required: false },
    ],
  })
})

test('agents are told they cannot write surveys', () => {
  useSession.getState().setStaff(staffSession())
  serve(catalogRoutes())
  render(<StaffSurveyEditPage />)
  expect(screen.getByText('只有主管和管理员可以编写和发布问卷。')).toBeTruthy()
})
