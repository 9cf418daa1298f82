import { fireEvent, render, screen, within } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { resetApp } from '../../../test/jest/app-state'
import { ok, serveApi, spaceCard, spaces, zoneOptions } from '../../../test/jest/content-fixtures'
import type { SpaceCard } from '@/types/content-api'
import SpacesPage from './index'

beforeEach(() => resetApp())

const listing = (id: string, title: string, patch: Partial<SpaceCard> = {}): SpaceCard => ({ ...spaceCard(spaces[0]), id, title, ...patch })
const spaceRequests = () => taroMock.calls.requests.filter((request) => new URL(request.url).pathname === '/api/spaces')
const query = (index: number) => Object.fromEntries(new URL(spaceRequests()[index].url).searchParams)

test('filters narrow GET /api/spaces: zone, type, area, available; the list pages by cursor', async () => {
  serveApi({
    '/api/zones': () => ok(zoneOptions()),
    '/api/spaces': (url) =>
      url.searchParams.get('cursor') === 'c2'
        ? ok({ items: [listing('b-2', '第二页的厂房')], nextCursor: null, total: 2 })
        : ok({ items: [spaceCard(spaces[0])], nextCursor: 'c2', total: 2 }),
  })
  taroMock.setRouterParams({ zoneId: 'pingyuan' })
  render(<SpacesPage />)
  expect(await screen.findByText('京德智造产业园一期“定制”标准厂房')).toBeTruthy()
  expect(query(0)).toEqual({ zoneId: 'pingyuan', limit: '10' })
  expect(screen.getByText('共 2 处载体')).toBeTruthy()

  fireEvent.click(screen.getByText('加载更多'))
  expect(await screen.findByText('第二页的厂房')).toBeTruthy()
  expect(query(1)).toMatchObject({ cursor: 'c2' })
  expect(screen.getByText('没有更多了')).toBeTruthy()

  fireEvent.click(screen.getByRole('radio', { name: '载体类型：标准厂房' }))
  await screen.findByText('京德智造产业园一期“定制”标准厂房')
  fireEvent.click(screen.getByRole('radio', { name: '面积：2万㎡–10万㎡' }))
  await screen.findByText('京德智造产业园一期“定制”标准厂房')
  fireEvent.click(screen.getByRole('checkbox', { name: '只看可租、可售' }))
  await screen.findByText('京德智造产业园一期“定制”标准厂房')
  expect(query(spaceRequests().length - 1)).toEqual({
    zoneId: 'pingyuan',
    type: 'factory',
    minArea: '20000',
    maxArea: '100000',
    available: 'true',
    limit: '10',
  })

  fireEvent.click(screen.getByRole('radio', { name: '开发区：全部' }))
  await screen.findByText('京德智造产业园一期“定制”标准厂房')
  expect(query(spaceRequests().length - 1)).not.toHaveProperty('zoneId')
})

test('a listing shows only the facts it states and opens its page', async () => {
  serveApi({
    '/api/zones': () => ok(zoneOptions()),
    '/api/spaces': () => ok({ items: [spaceCard(spaces[0])], nextCursor: null, total: 1 }),
  })
  render(<SpacesPage />)
  const title = await screen.findByText('京德智造产业园一期“定制”标准厂房')
  const card = title.closest('.pl-space-card') as HTMLElement
  expect(within(card).getByText('面积：4万平方米')).toBeTruthy()
  expect(within(card).queryByText(/价格/)).toBeNull()
  expect(within(card).getByText('平原经济开发区 · 京德智造产业园')).toBeTruthy()
  expect(within(card).getByText(/^来源：报道/)).toBeTruthy()
  fireEvent.click(title)
  expect(taroMock.calls.navigateTo).toEqual(['/pages/space/index?id=pingyuan-jingde-phase1-factory'])
})

test('nothing found offers 请店小二帮我找 as a site request', async () => {
  serveApi({ '/api/zones': () => ok(zoneOptions()), '/api/spaces': () => ok({ items: [], nextCursor: null, total: 0 }) })
  taroMock.setRouterParams({ zoneId: 'yunhe' })
  render(<SpacesPage />)
  fireEvent.click(await screen.findByText('请店小二帮我找'))
  expect(taroMock.calls.navigateTo).toEqual(['/pages/service/index?zoneId=yunhe&type=site'])
})

test('a failed load says why and retries', async () => {
  let down = true
  serveApi({
    '/api/zones': () => ok(zoneOptions()),
    '/api/spaces': () =>
      down ? Promise.reject(new Error('request:fail')) : ok({ items: [spaceCard(spaces[0])], nextCursor: null, total: 1 }),
  })
  render(<SpacesPage />)
  expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy()
  down = false
  fireEvent.click(screen.getByText('重新加载'))
  expect(await screen.findByText('京德智造产业园一期“定制”标准厂房')).toBeTruthy()
})
