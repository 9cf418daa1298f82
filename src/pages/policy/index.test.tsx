import { fireEvent, render, screen, within } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { resetApp } from '../../../test/jest/app-state'
import { ok, policyDetail, serveApi } from '../../../test/jest/content-fixtures'
import PolicyPage from './index'

beforeEach(() => resetApp())

const row = (label: string) => screen.getByText(label).parentElement as HTMLElement

test('a fact nobody provided is not shown; the source says only what the article states', async () => {
  serveApi({ '/api/policies/qingyun-talent-ten-projects': () => ok(policyDetail('qingyun-talent-ten-projects')) })
  taroMock.setRouterParams({ id: 'qingyun-talent-ten-projects' })
  render(<PolicyPage />)
  expect(await screen.findByRole('heading', { name: '人才支撑十大工程' })).toBeTruthy()
  for (const label of ['支持额度', '申报方式', '有效期', '发布单位', '文号']) expect(screen.queryByText(label)).toBeNull()
  expect(screen.queryByText('待补充')).toBeNull()
  expect(screen.getByText('来源：报道 · 德州新闻网')).toBeTruthy()
  // The article states no talent level for it: none is shown.
  expect(screen.queryByText('引进高层次人才或顶尖人才（院士等）')).toBeNull()
  expect(screen.queryByText('该政策已过期')).toBeNull()
})

test('staff-published facts show with 开发区填报 · 更新于 and the links can be copied', async () => {
  serveApi({
    '/api/policies/qingyun-talent-ten-projects': () =>
      ok(
        policyDetail('qingyun-talent-ten-projects', (policy) => ({
          ...policy,
          documentNumber: '庆政发〔2026〕3号',
          howToApply: '向县人才办提交申请材料。',
          links: [{ title: '政策原文', url: 'https://www.example.gov.cn/policy/3' }],
          updatedAt: '2026-11-20T02:00:00Z',
        })),
      ),
  })
  taroMock.setRouterParams({ id: 'qingyun-talent-ten-projects' })
  render(<PolicyPage />)
  await screen.findByRole('heading', { name: '人才支撑十大工程' })
  expect(within(row('文号')).getByText('庆政发〔2026〕3号')).toBeTruthy()
  expect(within(row('申报方式')).getByText('向县人才办提交申请材料。')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: '复制链接：政策原文' }))
  expect(taroMock.calls.clipboard).toEqual(['https://www.example.gov.cn/policy/3'])
  expect(screen.getByText('来源：报道 · 德州新闻网；开发区填报 · 更新于 2026-11-20')).toBeTruthy()
})

test('咨询店小二 names the policy and the need it is about; 政策匹配 starts at its zone', async () => {
  serveApi({
    '/api/policies/pingyuan-major-project-fund': () => ok(policyDetail('pingyuan-major-project-fund')),
  })
  taroMock.setRouterParams({ id: 'pingyuan-major-project-fund' })
  render(<PolicyPage />)
  await screen.findByRole('heading', { level: 1 })
  // A 融资 policy: the 店小二 form opens on 融资.
  fireEvent.click(screen.getByText('咨询店小二'))
  fireEvent.click(screen.getByRole('button', { name: '去政策匹配' }))
  expect(taroMock.calls.navigateTo).toEqual([
    `/pages/service/index?zoneId=pingyuan&type=finance&policy=${encodeURIComponent('重大产业项目发展基金')}`,
    '/pages/match/index?zoneId=pingyuan',
  ])
})

test('an expired policy says so up front and shows what it gives', async () => {
  serveApi({
    '/api/policies/pingyuan-major-project-fund': () =>
      ok({
        ...policyDetail('pingyuan-major-project-fund', (policy) => ({
          ...policy,
          validFrom: '2023-01-01',
          validTo: '2024-12-31',
          amount: { label: '最高奖励', value: 500, unit: '万元' },
          issuer: '平原经济开发区管委会',
        })),
        expired: true,
      }),
  })
  taroMock.setRouterParams({ id: 'pingyuan-major-project-fund', ref: 'inv-3' })
  render(<PolicyPage />)
  expect(await screen.findByRole('alert')).toHaveProperty('textContent', expect.stringContaining('该政策已过期'))
  expect(within(row('有效期')).getByText('2023-01-01 至 2024-12-31')).toBeTruthy()
  expect(within(row('支持额度')).getByText('500万元')).toBeTruthy()
  expect(within(row('支持内容')).getByText('支持优质产业项目落户发展。')).toBeTruthy()
  expect(within(row('发布单位')).getByText('平原经济开发区管委会')).toBeTruthy()

  const share = taroMock.share.appMessage?.() as { path: string }
  expect(share.path).toBe('/pages/policy/index?id=pingyuan-major-project-fund')
  const visits = taroMock.calls.requests.filter((request) => request.url.endsWith('/api/share-visits'))
  expect(visits.map((visit) => visit.data)).toEqual([{ ref: 'inv-3', page: 'pages/policy/index', targetId: 'pingyuan-major-project-fund' }])
})

test('咨询店小二 carries the policy and its need type; 政策匹配 starts with its zone (issue 15.11)', async () => {
  serveApi({ '/api/policies/pingyuan-major-project-fund': () => ok(policyDetail('pingyuan-major-project-fund')) })
  taroMock.setRouterParams({ id: 'pingyuan-major-project-fund' })
  render(<PolicyPage />)
  await screen.findByRole('heading', { name: '重大产业项目发展基金' })
  fireEvent.click(screen.getByRole('button', { name: '咨询店小二：重大产业项目发展基金' }))
  fireEvent.click(screen.getByRole('button', { name: '去政策匹配' }))
  expect(taroMock.calls.navigateTo).toEqual([
    `/pages/service/index?zoneId=pingyuan&type=finance&policy=${encodeURIComponent('重大产业项目发展基金')}`,
    '/pages/match/index?zoneId=pingyuan',
  ])
})
