import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { investorSession, resetApp } from '../../../test/jest/app-state'
import { ok, requestsTo, serve } from '../../../test/jest/service-fixtures'
import { survey } from '../../../test/jest/tracking-fixtures'
import { useSurvey } from '@/features/surveys/survey-store'
import SurveyPage from './index'

const ID = survey().id

beforeEach(() => {
  resetApp()
  taroMock.setRouterParams({ id: ID })
})

const serveSurvey = (status: 'open' | 'closed' = 'open', onSubmit?: (body: unknown) => unknown) =>
  serve({
    'POST /api/auth/guest': () => ok(investorSession()),
    [`/api/surveys/${ID}`]: () => ok({ survey: survey({ status }), myResponse: null }),
    [`POST /api/surveys/${ID}/responses`]: ({ data }) =>
      ok(
        {
          survey: survey(),
          myResponse: {
            ...(data as object),
            submittedAt: '2026-11-18T02:00:00.000Z',
            updatedAt: '2026-11-18T02:00:00.000Z',
            ...(onSubmit?.(data) as object),
          },
        },
        201,
      ),
  })

test('checks required questions and the contact like the API, asks for consent before contact fields, then sends the answer', async () => {
  serveSurvey()
  render(<SurveyPage />)
  expect(await screen.findByRole('heading', { name: '2026 年冬季企业需求调查' })).toBeTruthy()
  // No contact fields before the privacy consent.
  expect(screen.queryByLabelText('手机号')).toBeNull()

  fireEvent.click(screen.getByText('提交答复'))
  expect(await screen.findByText('此题为必答题，请选择', { selector: '#survey-answers-q1 *' })).toBeTruthy()
  expect(screen.getByText('请先同意隐私保护指引并填写联系方式')).toBeTruthy()
  expect(requestsTo(`/api/surveys/${ID}/responses`)).toHaveLength(0)

  fireEvent.click(screen.getByRole('radio', { name: '最急需解决的问题：融资' }))
  fireEvent.click(screen.getByRole('checkbox', { name: '希望提供的服务：银企对接' }))
  fireEvent.click(screen.getByRole('radio', { name: '服务满意度：4 分' }))
  fireEvent.change(screen.getByLabelText('其他建议'), { target: { value: '希望组织银企对接会。' } })
  fireEvent.click(screen.getByText('同意并填写'))
  fireEvent.change(screen.getByLabelText('企业名称'), { target: { value: '邹平示例铝业有限公司' } })
  fireEvent.change(screen.getByLabelText('联系人'), { target: { value: '张经理' } })
  fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '1380000' } })
  fireEvent.click(screen.getByText('提交答复'))
  expect(await screen.findByText('请填写 11 位中国大陆手机号')).toBeTruthy()

  fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13800002222' } })
  fireEvent.click(screen.getByText('提交答复'))
  expect(await screen.findByText('已提交，感谢您的反馈！截止前可以修改答复。')).toBeTruthy()
  expect(requestsTo(`/api/surveys/${ID}/responses`)[0].data).toEqual({
    company: '邹平示例铝业有限公司',
    contactName: '张经理',
    mobile: '13800002222',
    answers: { q1: '融资', q2: ['银企对接'], q3: 4, q4: '希望组织银企对接会。' },
  })
  expect(screen.getByText('更新答复')).toBeTruthy()
})

test('keeps the draft on the phone between visits', async () => {
  serveSurvey()
  const first = render(<SurveyPage />)
  fireEvent.click(await screen.findByRole('radio', { name: '最急需解决的问题：用工' }))
  first.unmount()
  // A new launch: the store starts empty and reads the draft back from storage.
  const saved = JSON.stringify([...taroMock.storage.entries()])
  expect(saved).toContain('用工')
  useSurvey.setState({ id: null, data: null, drafts: {} })
  for (const [key, value] of JSON.parse(saved) as [string, unknown][]) taroMock.storage.set(key, value)
  await useSurvey.persist.rehydrate()
  render(<SurveyPage />)
  const chosen = await screen.findByRole('radio', { name: '最急需解决的问题：用工' })
  await waitFor(() => expect(chosen.getAttribute('aria-checked')).toBe('true'))
})

test('a closed survey shows why and does not send', async () => {
  serveSurvey('closed')
  render(<SurveyPage />)
  expect(await screen.findByText('问卷已于 2099-11-30 截止，不能再提交或修改。')).toBeTruthy()
  fireEvent.click(screen.getByText('提交答复'))
  expect(requestsTo(`/api/surveys/${ID}/responses`)).toHaveLength(0)
})
