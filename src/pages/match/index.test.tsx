import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { resetApp, seedStorage } from '../../../test/jest/app-state'
import { homeResponse, ok, policies, policyCard, policyDetail, serveApi, TODAY } from '../../../test/jest/content-fixtures'
import { usePolicyDetails } from '@/features/policies/details-store'
import { MatchInput, matchPolicies } from '@/types/policy-match'
import MatchPage from './index'

beforeEach(() => resetApp())

async function fillForm() {
  fireEvent.click(await screen.findByRole('radio', { name: '意向区域：庆云' }))
  fireEvent.click(screen.getByRole('radio', { name: '所属产业：医药健康' }))
  fireEvent.change(screen.getByLabelText('计划投资，单位万元'), { target: { value: '8000' } })
  fireEvent.change(screen.getByLabelText('新增就业人数'), { target: { value: '60' } })
  fireEvent.click(screen.getByRole('radio', { name: '人才需求：技能人才（蓝领）' }))
}

const zoneNames = Object.fromEntries(homeResponse().zones.map((zone) => [zone.id, zone.name]))

/** The API's answer, computed with the shared pure function. */
function serverMatch(body: unknown) {
  const input = MatchInput.parse(body)
  const items = matchPolicies(policies, input, zoneNames, TODAY).map((match) => ({
    ...match,
    policy: policyCard(policies.find((policy) => policy.id === match.policyId)!),
  }))
  const requirements = policies
    .filter((policy) => policy.kind === 'requirement' && (!input.zoneIds || input.zoneIds.includes(policy.zoneId)))
    .map(policyCard)
  return ok({ items, appliesCount: items.filter((item) => item.applies).length, nextCursor: null, total: items.length, requirements })
}

const qingyunSupport = policies.filter((policy) => policy.zoneId === 'qingyun' && policy.kind === 'support')

test('the form explains what is missing, field by field, before sending anything', async () => {
  serveApi({ '/api/home': () => ok(homeResponse()) })
  render(<MatchPage />)
  await screen.findByRole('radio', { name: '意向区域：庆云' })
  fireEvent.click(screen.getByText('开始匹配'))
  expect(await screen.findByText('请选择所属产业')).toBeTruthy()
  expect(screen.getByText('请填写计划投资额（万元）')).toBeTruthy()
  expect(screen.getByText('请填写新增就业人数，没有可填 0')).toBeTruthy()
  expect(taroMock.calls.requests.some((request) => request.url.includes('/api/policies/match'))).toBe(false)

  // Choosing an industry clears its message.
  fireEvent.click(screen.getByRole('radio', { name: '所属产业：新材料' }))
  expect(screen.queryByText('请选择所属产业')).toBeNull()
})

test('results show only the chosen zone’s policies, each criterion ✓, ✗ or 待确认, and its requirements apart', async () => {
  serveApi({ '/api/home': () => ok(homeResponse()), 'POST /api/policies/match': (_url, request) => serverMatch(request.data) })
  render(<MatchPage />)
  await fillForm()
  fireEvent.click(screen.getByText('开始匹配'))

  expect(await screen.findByText(new RegExp(`共评估 ${qingyunSupport.length} 条扶持政策`))).toBeTruthy()
  const sent = taroMock.calls.requests.find((request) => request.url.includes('/api/policies/match'))
  expect(sent?.data).toEqual({
    zoneIds: ['qingyun'],
    industry: 'health',
    investmentWan: 8000,
    jobs: 60,
    talentLevel: 'skilled',
    needsSpace: false,
  })

  const card = (name: RegExp) => screen.getByRole('link', { name }).closest('.pl-policy-card') as HTMLElement
  // No seed policy publishes its validity: never shown as 在有效期内.
  const apartment = card(/产业园区附近蓝领公寓/)
  expect(within(apartment).getByLabelText('待确认：有效期未公布，有效期待确认')).toBeTruthy()
  expect(screen.queryByText(/在有效期内/)).toBeNull()

  // Another zone's policies are not listed at all; 三个不选 is a requirement, not a benefit.
  expect(screen.queryByRole('link', { name: /重大产业项目发展基金/ })).toBeNull()
  expect(screen.getByText('准入要求（项目须符合，不计入匹配）')).toBeTruthy()
  expect(screen.getByText('扶持政策（可申请的优惠和支持）')).toBeTruthy()
  expect(screen.getByRole('link', { name: /签约项目“三个不选”/ })).toBeTruthy()
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
  expect(screen.getByText(/共评估 2 条扶持政策/)).toBeTruthy()
  expect(screen.getByRole('link', { name: /产业园区附近蓝领公寓/ })).toBeTruthy()
})

test('offline with no cached policies, it shows the error with a retry', async () => {
  let down = true
  serveApi({
    '/api/home': () => ok(homeResponse()),
    'POST /api/policies/match': (_url, request) => (down ? Promise.reject(new Error('request:fail')) : serverMatch(request.data)),
  })
  render(<MatchPage />)
  await fillForm()
  fireEvent.click(screen.getByText('开始匹配'))
  expect(await screen.findByText('匹配失败')).toBeTruthy()
  expect(screen.getByText('网络连接失败，请检查网络后重试')).toBeTruthy()
  down = false
  fireEvent.click(screen.getByText('重新加载'))
  expect(await screen.findByText(new RegExp(`共评估 ${qingyunSupport.length} 条扶持政策`))).toBeTruthy()
})

test('opened from a zone (a policy, a zone page), 意向区域 starts at that zone', async () => {
  serveApi({ '/api/home': () => ok(homeResponse()) })
  taroMock.setRouterParams({ zoneId: 'pingyuan' })
  render(<MatchPage />)
  const pingyuan = await screen.findByRole('radio', { name: '意向区域：平原' })
  expect(pingyuan.getAttribute('aria-checked')).toBe('true')
})

test('a long result pages: 加载更多 asks for the next page with the same project', async () => {
  const all = (body: unknown) => (serverMatch(body).data as { items: unknown[] }).items
  serveApi({
    '/api/home': () => ok(homeResponse()),
    'POST /api/policies/match': (url, request) => {
      const items = all(request.data)
      const first = url.searchParams.get('cursor') === null
      const page = first ? items.slice(0, 1) : items.slice(1)
      return ok({ ...(serverMatch(request.data).data as object), items: page, nextCursor: first ? 'page-2' : null })
    },
  })
  render(<MatchPage />)
  await fillForm()
  fireEvent.click(screen.getByText('开始匹配'))
  const more = await screen.findByText(`加载更多（已显示 1 / ${qingyunSupport.length}）`)
  fireEvent.click(more)
  await screen.findAllByRole('link', { name: /产业园区附近蓝领公寓/ })
  const sent = taroMock.calls.requests.filter((request) => request.url.includes('/api/policies/match'))
  expect(sent).toHaveLength(2)
  expect(sent[1].url).toContain('cursor=page-2')
  expect(sent[1].data).toEqual(sent[0].data)
  expect(screen.queryByText(/加载更多/)).toBeNull()
})

test('opened from a policy, the form starts with that policy’s zone instead of 不限 (issue 15.11)', async () => {
  serveApi({ '/api/home': () => ok(homeResponse()) })
  taroMock.setRouterParams({ zoneId: 'pingyuan' })
  render(<MatchPage />)
  const pingyuan = await screen.findByRole('radio', { name: '意向区域：平原' })
  expect(pingyuan.getAttribute('aria-checked')).toBe('true')
})
