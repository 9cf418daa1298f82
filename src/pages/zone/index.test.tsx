import { act, fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { taroMock } from '../../../test/jest/taro'
import { investorSession, resetApp, seedStorage } from '../../../test/jest/app-state'
import { enterprises, ok, projects, serveApi, zoneDetail, zones } from '../../../test/jest/content-fixtures'
import { useSession } from '@/features/session/session-store'
import { useZoneDetails } from '@/features/zones/zone-details-store'
import ZonePage from './index'

beforeEach(() => resetApp())

function openZone(id: string, extra: Record<string, string> = {}) {
  taroMock.setRouterParams({ id, ...extra })
  return render(<ZonePage />)
}

const section = (title: string) => screen.getByRole('heading', { name: title }).closest('.pl-section') as HTMLElement

test('a zone page shows every figure with its year, every project and enterprise, and nothing nobody provided', async () => {
  const qingyun = zones.find((zone) => zone.id === 'qingyun')!
  serveApi({
    '/api/zones/qingyun': () =>
      ok(
        zoneDetail('qingyun', (zone) => ({
          ...zone,
          figures: zone.figures.map((figure, index) => (index === 0 ? { ...figure, year: 2024 } : figure)),
        })),
      ),
  })
  openZone('qingyun')
  expect(await screen.findByRole('heading', { name: '庆云县', level: 1 })).toBeTruthy()
  // Every figure, the first with the year it refers to.
  const figureGroups = document.querySelectorAll('.pl-figure')
  expect(figureGroups).toHaveLength(qingyun.figures.length)
  expect(figureGroups[0].getAttribute('aria-label')).toContain(`${qingyun.figures[0].label}（2024年）`)
  // Every project and enterprise of the zone.
  expect(within(section('签约项目')).getAllByText(/./, { selector: '.pl-project__name' })).toHaveLength(
    projects.filter((project) => project.zoneId === 'qingyun').length,
  )
  expect(section('重点企业').querySelectorAll('.pl-record')).toHaveLength(enterprises.filter((item) => item.zoneId === 'qingyun').length)
  // The seed zones publish no phone, address or hotline: no contact section, no placeholder.
  expect(screen.queryByRole('heading', { name: '联系方式' })).toBeNull()
  expect(document.body.textContent).not.toContain('待补充')
  expect(document.querySelector('.pl-provenance--page')?.textContent).toMatch(/^来源：报道/)
})

test('contacts staff published: 招商热线, 监督热线, address with the map, office hours, and 开发区填报 · 更新于', async () => {
  const openLocation = jest.spyOn(Taro, 'openLocation')
  serveApi({
    '/api/zones/pingyuan': () =>
      ok(
        zoneDetail('pingyuan', (zone) => ({
          ...zone,
          investmentHotline: '0534-4211111',
          supervisionHotline: '0534-4212345',
          officeHours: '工作日 8:30–17:30',
          contact: { phone: 'not_provided', address: '平原县经济开发区管委会', location: { latitude: 37.16, longitude: 116.43 } },
          updatedAt: '2026-12-01T03:00:00Z',
        })),
      ),
  })
  openZone('pingyuan')
  await screen.findByRole('heading', { name: '联系方式' })
  const contacts = section('联系方式')
  expect(within(contacts).getByText('工作日 8:30–17:30')).toBeTruthy()
  expect(within(contacts).queryByText('联系电话')).toBeNull()
  fireEvent.click(within(contacts).getByRole('button', { name: '拨打招商热线 0534-4211111' }))
  fireEvent.click(within(contacts).getByRole('button', { name: '拨打监督热线 0534-4212345' }))
  fireEvent.click(within(contacts).getByRole('button', { name: '查看位置：平原经济开发区' }))
  expect(taroMock.calls.phoneCalls).toEqual(['0534-4211111', '0534-4212345'])
  expect(openLocation).toHaveBeenCalledWith(expect.objectContaining({ latitude: 37.16, longitude: 116.43, name: '平原经济开发区' }))
  expect(document.querySelector('.pl-provenance--page')?.textContent).toContain('开发区填报 · 更新于 2026-12-01')
})

test('parks, listings and chains open their pages; 找店小二 and 政策匹配 carry the zone', async () => {
  serveApi({ '/api/zones/pingyuan': () => ok(zoneDetail('pingyuan')), '/api/zones/gaoqing': () => ok(zoneDetail('gaoqing')) })
  const view = openZone('pingyuan')
  await screen.findByRole('heading', { name: '平原经济开发区', level: 1 })
  fireEvent.click(within(section('园区')).getByRole('link', { name: '京德智造产业园' }))
  fireEvent.click(within(section('载体')).getByRole('link', { name: '京德智造产业园一期“定制”标准厂房' }))
  fireEvent.click(screen.getByText('找店小二'))
  fireEvent.click(screen.getByRole('button', { name: '政策匹配：平原' }))
  expect(taroMock.calls.navigateTo).toEqual([
    '/pages/park/index?id=pingyuan-jingde',
    '/pages/space/index?id=pingyuan-jingde-phase1-factory',
    '/pages/service/index?zoneId=pingyuan',
    '/pages/match/index?zoneId=pingyuan',
  ])
  view.unmount()

  taroMock.calls.navigateTo.splice(0)
  openZone('gaoqing')
  await screen.findByRole('heading', { name: '高青县', level: 1 })
  expect(within(section('产业链')).getAllByRole('listitem')).toHaveLength(5)
  fireEvent.click(screen.getByRole('link', { name: '健康医药产业链' }))
  expect(taroMock.calls.navigateTo).toEqual(['/pages/chain/index?id=gaoqing-chain-health'])
})

test('shared to a chat or Moments with the sharer, opened cold with 返回首页, the referral recorded once', async () => {
  serveApi({ '/api/zones/pingyuan': () => ok(zoneDetail('pingyuan')), 'POST /api/share-visits': () => ok({ recorded: true }) })
  openZone('pingyuan', { ref: 'PY-ZS' })
  await screen.findByRole('heading', { name: '平原经济开发区', level: 1 })
  const visits = taroMock.calls.requests.filter((request) => request.url.endsWith('/api/share-visits'))
  expect(visits.map((visit) => visit.data)).toEqual([{ ref: 'PY-ZS', page: 'pages/zone/index', targetId: 'pingyuan' }])

  act(() => useSession.setState({ investor: investorSession('inv-7') }))
  expect((taroMock.share.appMessage?.() as { path: string }).path).toBe('/pages/zone/index?id=pingyuan&ref=inv-7')
  expect((taroMock.share.timeline?.() as { query: string }).query).toBe('id=pingyuan&ref=inv-7')
  fireEvent.click(screen.getByRole('button', { name: '返回首页' }))
  expect(taroMock.calls.reLaunch).toEqual(['/pages/index/index'])
})

test('a zone page seen before reads offline; a link without an id asks nothing', async () => {
  await seedStorage(useZoneDetails, { details: { pingyuan: { detail: zoneDetail('pingyuan'), savedAt: Date.now() - 60_000 } } })
  serveApi({ '/api/zones/pingyuan': () => Promise.reject(new Error('request:fail')) })
  const view = openZone('pingyuan')
  expect(screen.getByRole('heading', { name: '平原经济开发区', level: 1 })).toBeTruthy()
  expect(await screen.findByText('离线内容')).toBeTruthy()
  view.unmount()

  taroMock.calls.requests.splice(0)
  openZone('')
  expect(screen.getByText('链接不完整')).toBeTruthy()
  expect(taroMock.calls.requests).toHaveLength(0)
})
