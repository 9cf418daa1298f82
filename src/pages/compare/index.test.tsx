import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { investorSession, resetApp } from '../../../test/jest/app-state'
import { homeResponse, ok, parkDetail, parkPage, serveApi } from '../../../test/jest/content-fixtures'
import { useCompare } from '@/features/parks/compare-store'
import { useSession } from '@/features/session/session-store'
import Compare from './index'

beforeEach(() => resetApp())

function serveParks() {
  serveApi({
    '/api/home': () => ok(homeResponse()),
    '/api/parks': () => ok(parkPage()),
    '/api/parks/:id': (url) => ok(parkDetail(url.pathname.split('/').pop() as string)),
    '/api/zones/pingyuan/service-stats': () =>
      ok({ zoneId: 'pingyuan', periodDays: 30, requestCount: 10, respondedWithin24hShare: 0.9, satisfactionShare: 0.8, ratedCount: 5 }),
  })
}

test('a shared comparison shows the parks side by side: a dash where a park has no such fact, never 待补充', async () => {
  serveParks()
  taroMock.setRouterParams({ ids: 'pingyuan-jingde,qingyun-jjj', ref: 'PY-ZS' })
  render(<Compare />)
  const table = await screen.findByRole('table', { name: '园区对比表' })
  const row = (label: string) => within(table).getByRole('rowheader', { name: label }).parentElement as HTMLElement
  const cells = (label: string) =>
    within(row(label))
      .getAllByRole('cell')
      .map((cell) => cell.textContent)

  expect(
    within(table)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent),
  ).toEqual(['园区', '京德智造产业园移除', '京津冀产业园移除'])
  expect(cells('占地面积')).toEqual(['667亩', '—'])
  expect(cells('总投资')).toEqual(['18亿元', '—'])
  expect(cells('入驻企业')[1]).toBe('73家')
  expect(cells('可用载体')).toEqual(['标准厂房 4万平方米（可定制）', '—'])
  expect(cells('24小时响应率')[0]).toBe('90%')
  expect(cells('24小时响应率')[1]).toBe('—')
  expect(table.textContent).not.toContain('待补充')
  expect(cells('适用政策')[0]).toMatch(/^\d+ 条/)

  // Sharing keeps the same parks; the referral is recorded once.
  const share = taroMock.share.appMessage?.() as { path: string }
  expect(share.path).toBe('/pages/compare/index?ids=pingyuan-jingde,qingyun-jjj')
  act(() => useSession.setState({ investor: investorSession('inv-9') }))
  expect((taroMock.share.timeline?.() as { query: string }).query).toBe('ids=pingyuan-jingde,qingyun-jjj&ref=inv-9')
  const visits = taroMock.calls.requests.filter((request) => request.url.endsWith('/api/share-visits'))
  expect(visits).toHaveLength(1)
  expect(visits[0].data).toEqual({ ref: 'PY-ZS', page: 'pages/compare/index', targetId: 'pingyuan-jingde,qingyun-jjj' })
})

test('with fewer than two parks it asks for more, and the picker adds from the catalog', async () => {
  serveParks()
  useCompare.getState().add({ id: 'pingyuan-jingde', name: '京德智造产业园', zoneName: '平原经济开发区' })
  render(<Compare />)
  expect(await screen.findByText('再选 1 个园区即可对比')).toBeTruthy()
  fireEvent.click(screen.getByText('添加园区'))
  fireEvent.click(await screen.findByRole('checkbox', { name: '京津冀产业园，庆云县' }))
  expect(useCompare.getState().items.map((item) => item.id)).toEqual(['pingyuan-jingde', 'qingyun-jjj'])
  expect(await screen.findByRole('table', { name: '园区对比表' })).toBeTruthy()
})

test('removing a park from a shared comparison makes it the visitor’s own tray', async () => {
  serveParks()
  taroMock.setRouterParams({ ids: 'pingyuan-jingde,qingyun-jjj,zouping-pharma' })
  render(<Compare />)
  const table = await screen.findByRole('table', { name: '园区对比表' })
  fireEvent.click(within(table).getByRole('button', { name: '移除京津冀产业园' }))
  expect(useCompare.getState().items.map((item) => item.id)).toEqual(['pingyuan-jingde', 'zouping-pharma'])
  expect(within(await screen.findByRole('table')).getAllByRole('columnheader')).toHaveLength(3)
})
