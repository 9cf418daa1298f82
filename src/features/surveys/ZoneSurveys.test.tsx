import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { resetApp } from '../../../test/jest/app-state'
import { ok, requestsTo, serve } from '../../../test/jest/service-fixtures'
import { survey } from '../../../test/jest/tracking-fixtures'
import ZoneSurveys from './ZoneSurveys'

beforeEach(() => resetApp())

const card = (overrides: object) => {
  const { questions: _questions, intro: _intro, ...rest } = survey()
  return { ...rest, questionCount: 4, ...overrides }
}

test("the zone page block lists the zone's open surveys and opens one; nothing when none is open", async () => {
  serve({ '/api/surveys': () => ok({ items: [card({}), card({ id: 'old-1', title: '去年的调查', status: 'closed' })] }) })
  const view = render(<ZoneSurveys zoneId="zouping" />)
  fireEvent.click(await screen.findByRole('link', { name: '2026 年冬季企业需求调查，2099-11-30 截止' }))
  expect(taroMock.calls.navigateTo).toEqual([`/pages/survey/index?id=${survey().id}`])
  expect(screen.queryByText('去年的调查')).toBeNull()
  expect(new URL(requestsTo('/api/surveys')[0].url).searchParams.get('zoneId')).toBe('zouping')
  view.unmount()

  serve({ '/api/surveys': () => ok({ items: [card({ status: 'closed' })] }) })
  const empty = render(<ZoneSurveys zoneId="zouping" />)
  await waitFor(() => expect(requestsTo('/api/surveys')).toHaveLength(2))
  await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
  expect(empty.container.textContent).toBe('')
})
