import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { resetApp, staffSession } from '../../../test/jest/app-state'
import { ok, requestsTo, serve } from '../../../test/jest/service-fixtures'
import { survey, surveyResults } from '../../../test/jest/tracking-fixtures'
import { useSession } from '@/features/session/session-store'
import StaffSurveyPage from './index'

const ID = survey().id
const PATH = `/api/staff/surveys/${ID}`

beforeEach(() => {
  resetApp()
  useSession.getState().setStaff(staffSession({ role: 'supervisor', zoneId: 'zouping' }))
  taroMock.setRouterParams({ id: ID })
})

test('shows counts per option, the rating average and texts with the company; an answer becomes a request once', async () => {
  let results = surveyResults()
  serve({
    [`${PATH}/results`]: () => ok(results),
    [`POST ${PATH}/responses/r1/request`]: () => {
      results = surveyResults({ responses: [{ ...surveyResults().responses[0], request: { id: 'req-7', ticketNo: 'ZP-20261118-0001' } }] })
      return ok({ requestId: 'req-7', ticketNo: 'ZP-20261118-0001' })
    },
  })
  render(<StaffSurveyPage />)
  expect(await screen.findByRole('heading', { name: '2026 年冬季企业需求调查' })).toBeTruthy()
  expect(screen.getByLabelText('融资 1 人')).toBeTruthy()
  expect(screen.getByText('平均 4 分')).toBeTruthy()
  expect(screen.getAllByText('希望组织银企对接会。').length).toBeGreaterThan(0)

  const answer = screen.getByRole('listitem', { name: '邹平示例铝业有限公司 的答复' })
  expect(within(answer).getByText('张经理 138****2222')).toBeTruthy()
  fireEvent.click(within(answer).getByText('转为店小二请求'))
  expect(await screen.findByText('已转为店小二请求 ZP-20261118-0001 ›')).toBeTruthy()
  expect(requestsTo(`${PATH}/responses/r1/request`)).toHaveLength(1)
  expect(taroMock.share.appMessage?.()).toMatchObject({ path: `/pages/survey/index?id=${ID}` })
})

test('a draft is published from its page', async () => {
  let results = surveyResults({ survey: survey({ status: 'draft', publishedAt: null }), responseCount: 0, responses: [] })
  serve({
    [`${PATH}/results`]: () => ok(results),
    [`POST ${PATH}/publish`]: () => {
      results = surveyResults({ responseCount: 0, responses: [] })
      return ok(survey())
    },
  })
  render(<StaffSurveyPage />)
  fireEvent.click(await screen.findByText('发布问卷'))
  await waitFor(() => expect(screen.queryByText('发布问卷')).toBeNull())
  expect(screen.getByText('进行中')).toBeTruthy()
  expect(requestsTo(`${PATH}/publish`)).toHaveLength(1)
})
