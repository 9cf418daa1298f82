import { fireEvent, render, screen, within } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { resetApp } from '../../../test/jest/app-state'
import { chainDetail, ok, serveApi } from '../../../test/jest/content-fixtures'
import ChainPage from './index'

beforeEach(() => resetApp())

const row = (label: string) => screen.getByText(label).parentElement as HTMLElement

test('a chain shows its team by title as published, its parks, projects and policies; nothing invented', async () => {
  serveApi({ '/api/chains/gaoqing-chain-health': () => ok(chainDetail('gaoqing-chain-health')), 'POST /api/share-visits': () => ok({}) })
  taroMock.setRouterParams({ id: 'gaoqing-chain-health', ref: 'GQ-LI' })
  render(<ChainPage />)
  expect(await screen.findByRole('heading', { name: '健康医药产业链', level: 1 })).toBeTruthy()
  expect(within(row('链长')).getByText('行业领域分管县领导')).toBeTruthy()
  expect(within(row('副链长')).getByText('人大、政协领导')).toBeTruthy()
  expect(within(row('牵头部门')).getByText('行业主管部门')).toBeTruthy()
  // No 链主 named, no phone published, no gaps stated: none of them shown.
  for (const label of ['链主企业', '专班电话', '招商方向']) expect(screen.queryByText(label)).toBeNull()
  expect(document.body.textContent).not.toContain('待补充')

  fireEvent.click(screen.getByRole('link', { name: '黄三角药谷产业园' }))
  fireEvent.click(screen.getByRole('link', { name: '高青县 ›' }))
  expect(taroMock.calls.navigateTo).toEqual(['/pages/park/index?id=gaoqing-yaogu', '/pages/zone/index?id=gaoqing'])
  expect(screen.getByRole('heading', { name: '链上项目' })).toBeTruthy()
  expect(screen.getByRole('heading', { name: '相关政策' })).toBeTruthy()
  expect(document.querySelector('.pl-provenance--page')?.textContent).toBe('来源：报道 · 淄博日报《高青：请进优质合伙人共赢未来》 · 2024年')

  const visits = taroMock.calls.requests.filter((request) => request.url.endsWith('/api/share-visits'))
  expect(visits.map((visit) => visit.data)).toEqual([{ ref: 'GQ-LI', page: 'pages/chain/index', targetId: 'gaoqing-chain-health' }])
  expect((taroMock.share.timeline?.() as { query: string }).query).toBe('id=gaoqing-chain-health')
})

test('the gaps a zone wants to fill and the team phone show once staff publish them', async () => {
  const detail = chainDetail('gaoqing-chain-health')
  serveApi({
    '/api/chains/gaoqing-chain-health': () =>
      ok({
        ...detail,
        chain: { ...detail.chain, gaps: ['原料药制剂一体化', '医疗器械'], contact: '0533-6961234', updatedAt: '2026-12-01T00:00:00Z' },
      }),
  })
  taroMock.setRouterParams({ id: 'gaoqing-chain-health' })
  render(<ChainPage />)
  expect(await screen.findByText('原料药制剂一体化')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: '拨打专班电话 0533-6961234' }))
  expect(taroMock.calls.phoneCalls).toEqual(['0533-6961234'])
  expect(screen.getByText(/开发区填报 · 更新于 2026-12-01/)).toBeTruthy()
})
