import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { resetApp, seedStorage } from '../../../test/jest/app-state'
import { homeResponse, ok, policies, policyCard, policyDetail, serveApi, TODAY } from '../../../test/jest/content-fixtures'
import { usePolicyDetails } from '@/features/policies/details-store'
import { evaluatePolicy, MatchInput } from '@/types/policy-match'
import MatchPage from './index'

beforeEach(() => resetApp())

async function fillForm() {
  fireEvent.click(await screen.findByRole('radio', { name: '意向区域：庆云' }))
  fireEvent.change(screen.getByLabelText('所属产业'), { target: { value: '生物医药' } })
  fireEvent.change(screen.getByLabelText('计划投资，单位万元'), { target: { value: '8000' } })
  fireEvent.change(screen.getByLabelText('新增就业人数'), { target: { value: '60' } })
  fireEvent.click(screen.getByRole('radio', { name: '人才需求：技能人才（蓝领）' }))
}

/** The API's answer, computed with the shared pure function. */
function serverMatch(body: unknown) {
  const input = MatchInput.parse(body)
  const items = policies.map((policy) => ({ ...evaluatePolicy(policy, input, '庆云县', TODAY), policy: policyCard(policy) }))
  items.sort((a, b) => Number(b.applies) - Number(a.applies))
  return ok({ items, appliesCount: items.filter((item) => item.applies).length })
}

test('the form explains what is missing, field by field, before sending anything', async () => {
  serveApi({ '/api/home': () => ok(homeResponse()) })
  render(<MatchPage />)
  await screen.findByRole('radio', { name: '意向区域：庆云' })
  fireEvent.click(screen.getByText('开始匹配'))
  expect(await screen.findByText('请填写所属产业')).toBeTruthy()
  expect(screen.getByText('请填写计划投资额（万元）')).toBeTruthy()
  expect(screen.getByText('请填写新增就业人数，没有可填 0')).toBeTruthy()
  expect(taroMock.calls.requests.some((request) => request.url.includes('/api/policies/match'))).toBe(false)

  // Typing into a field clears its message.
  fireEvent.change(screen.getByLabelText('所属产业'), { target: { value: '新材料' } })
  expect(screen.queryByText('请填写所属产业')).toBeNull()
})

test('results show each policy with ✓ matched and ✗ unmatched criteria and why', async () => {
  serveApi({ '/api/home': () => ok(homeResponse()), 'POST /api/policies/match': (_url, request) => serverMatch(request.data) })
  render(<MatchPage />)
  await fillForm()
  fireEvent.click(screen.getByText('开始匹配'))

  expect(await screen.findByText(/共评估 11 条政策/)).toBeTruthy()
  const sent = taroMock.calls.requests.find((request) => request.url.endsWith('/api/policies/match'))
  expect(sent?.data).toEqual({ zoneId: 'qingyun', industry: '生物医药', investmentWan: 8000, jobs: 60, talentLevel: 'skilled', needsSpace: false })

  const card = (name: RegExp) => screen.getByRole('link', { name }).closest('.pl-policy-card') as HTMLElement
  const apartment = card(/产业园区附近蓝领公寓/)
  expect(within(apartment).getByText('符合条件')).toBeTruthy()
  expect(within(apartment).getByLabelText('符合：引进技能人才（蓝领），项目人才需求：技能人才（蓝领）')).toBeTruthy()

  const talent = card(/人才支撑十大工程/)
  expect(within(talent).getByText('1 项不符合')).toBeTruthy()
  expect(within(talent).getByLabelText('不符合：引进高层次人才或顶尖人才（院士等），项目人才需求：技能人才（蓝领）')).toBeTruthy()

  const otherZone = card(/重大产业项目发展基金/)
  expect(within(otherZone).getByLabelText(/^不符合：项目落户.*意向区域不同$/)).toBeTruthy()
})

test('offline, it matches against full policies cached on this device and says so', async () => {
  await seedStorage(usePolicyDetails, {
    details: {
      'qingyun-blue-collar-apartment': { detail: policyDetail('qingyun-blue-collar-apartment'), savedAt: Date.now() },
      'qingyun-talent-ten-projects': { detail: policyDetail('qingyun-talent-ten-projects'), savedAt: Date.now() },
    },
  })
  serveApi({ '/api/home': () => ok(homeResponse()), 'POST /api/policies/match': () => Promise.reject(new Error('request:fail')) })
  render(<MatchPage />)
  await fillForm()
  await act(async () => fireEvent.click(screen.getByText('开始匹配')))
  expect(await screen.findByText(/已用本机保存的 2 条政策离线匹配/)).toBeTruthy()
  expect(screen.getByText(/共评估 2 条政策/)).toBeTruthy()
  expect(screen.getByRole('link', { name: /产业园区附近蓝领公寓/ })).toBeTruthy()
})

test('offline with no cached policies, it shows the error with a retry', async () => {
  let down = true
  serveApi({ '/api/home': () => ok(homeResponse()), 'POST /api/policies/match': (_url, request) => (down ? Promise.reject(new Error('request:fail')) : serverMatch(request.data)) })
  render(<MatchPage />)
  await fillForm()
  fireEvent.click(screen.getByText('开始匹配'))
  expect(await screen.findByText('匹配失败')).toBeTruthy()
  expect(screen.getByText('网络连接失败，请检查网络后重试')).toBeTruthy()
  down = false
  fireEvent.click(screen.getByText('重新加载'))
  expect(await screen.findByText(/共评估 11 条政策/)).toBeTruthy()
})

test('opened from a policy, the form starts with that policy’s zone instead of 不限 (issue 15.11)', async () => {
  serveApi({ '/api/home': () => ok(homeResponse()) })
  taroMock.setRouterParams({ zoneId: 'pingyuan' })
  render(<MatchPage />)
  const pingyuan = await screen.findByRole('radio', { name: '意向区域：平原' })
  expect(pingyuan.getAttribute('aria-checked')).toBe('true')
})
