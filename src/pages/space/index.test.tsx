import { fireEvent, render, screen, within } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { resetApp } from '../../../test/jest/app-state'
import { ok, serveApi, spaceDetail } from '../../../test/jest/content-fixtures'
import SpacePage from './index'

beforeEach(() => resetApp())

const row = (label: string) => screen.getByText(label).parentElement as HTMLElement

test('a listing shows what it states, and 预约看厂 opens 店小二 as a site request for it', async () => {
  serveApi({ '/api/spaces/pingyuan-jingde-phase1-factory': () => ok(spaceDetail('pingyuan-jingde-phase1-factory')) })
  taroMock.setRouterParams({ id: 'pingyuan-jingde-phase1-factory' })
  render(<SpacePage />)
  expect(await screen.findByRole('heading', { name: '京德智造产业园一期“定制”标准厂房' })).toBeTruthy()
  expect(within(row('面积')).getByText('4万平方米')).toBeTruthy()
  expect(within(row('交付')).getByText('5月底封顶，7月可实现企业入驻')).toBeTruthy()
  for (const label of ['价格', '状态', '层高', '承重', '交付日期']) expect(screen.queryByText(label)).toBeNull()
  expect(document.body.textContent).not.toContain('待补充')

  fireEvent.click(screen.getByRole('button', { name: '预约看厂：京德智造产业园一期“定制”标准厂房' }))
  expect(taroMock.calls.navigateTo).toEqual([
    '/pages/service/index?zoneId=pingyuan&parkId=pingyuan-jingde&spaceId=pingyuan-jingde-phase1-factory&type=site',
  ])
})

test('staff-published facts: price, availability, floor height and load, photos, 开发区填报 · 更新于; land is 预约看地', async () => {
  serveApi({
    '/api/spaces/pingyuan-jingde-phase1-factory': () =>
      ok(
        spaceDetail('pingyuan-jingde-phase1-factory', (space) => ({
          ...space,
          type: 'land',
          price: '面议',
          availability: 'for_sale',
          floorHeightMeters: 9,
          floorLoadTonsPerSquareMeter: 3,
          photos: [{ id: '5b0f1c9e-2f55-4b8a-9d43-2c1c8c1f0a11', alt: '厂房外景' }],
          updatedAt: '2026-12-02T01:00:00Z',
        })),
      ),
  })
  taroMock.setRouterParams({ id: 'pingyuan-jingde-phase1-factory' })
  render(<SpacePage />)
  await screen.findByRole('heading', { level: 1 })
  expect(within(row('价格')).getByText('面议')).toBeTruthy()
  expect(within(row('状态')).getByText('可售')).toBeTruthy()
  expect(within(row('层高')).getByText('9 米')).toBeTruthy()
  expect(within(row('承重')).getByText('3 吨/平方米')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: '查看照片：厂房外景' }))
  expect(taroMock.calls.previews).toEqual([['http://api.test/api/media/5b0f1c9e-2f55-4b8a-9d43-2c1c8c1f0a11']])
  expect(screen.getByText(/开发区填报 · 更新于 2026-12-02/)).toBeTruthy()
  expect(screen.getByRole('button', { name: /^预约看地：/ })).toBeTruthy()
})

test('the zone and park of a listing are links; a shared listing records its referral', async () => {
  serveApi({
    '/api/spaces/pingyuan-jingde-phase1-factory': () => ok(spaceDetail('pingyuan-jingde-phase1-factory')),
    'POST /api/share-visits': () => ok({ recorded: true }),
  })
  taroMock.setRouterParams({ id: 'pingyuan-jingde-phase1-factory', ref: 'PY-ZS' })
  render(<SpacePage />)
  fireEvent.click(await screen.findByRole('link', { name: '平原经济开发区' }))
  fireEvent.click(screen.getByRole('link', { name: '京德智造产业园' }))
  expect(taroMock.calls.navigateTo).toEqual(['/pages/zone/index?id=pingyuan', '/pages/park/index?id=pingyuan-jingde'])
  const visits = taroMock.calls.requests.filter((request) => request.url.endsWith('/api/share-visits'))
  expect(visits.map((visit) => visit.data)).toEqual([
    { ref: 'PY-ZS', page: 'pages/space/index', targetId: 'pingyuan-jingde-phase1-factory' },
  ])
  expect((taroMock.share.appMessage?.() as { path: string }).path).toBe('/pages/space/index?id=pingyuan-jingde-phase1-factory')
})
