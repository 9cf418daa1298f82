import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { resetApp } from '../../../test/jest/app-state'
import { chains, homeResponse, ok, parkCard, parks, serveApi, zoneSummary } from '../../../test/jest/content-fixtures'
import { toChainCard } from '@/types/cards'
import { useParkDirectory } from '@/features/parks/directory-store'
import Parks from './index'

beforeEach(() => resetApp())

const cards = parks.map(parkCard)
const chainCards = () => chains.map((chain) => toChainCard(chain, zoneSummary(chain.zoneId).name))
const parkRequests = () => taroMock.calls.requests.filter((request) => new URL(request.url).pathname === '/api/parks')
const lastQuery = () => Object.fromEntries(new URL(parkRequests()[parkRequests().length - 1].url).searchParams)

/** A directory endpoint over the seeds: filters by zone and space type, pages with a numeric cursor. */
function serveDirectory(options: { overlap?: boolean } = {}) {
  serveApi({
    '/api/home': () => ok(homeResponse()),
    '/api/parks': (url) => {
      const zoneId = url.searchParams.get('zoneId')
      const spaceType = url.searchParams.get('spaceType')
      const matching = cards.filter(
        (park) => (!zoneId || park.zoneId === zoneId) && (!spaceType || park.spaceTypes.includes(spaceType as never)),
      )
      const limit = Number(url.searchParams.get('limit'))
      const start = Number(url.searchParams.get('cursor') ?? 0)
      // An overlapping server repeats the previous page's last park (content changed between pages).
      const from = options.overlap && start > 0 ? start - 1 : start
      const end = start + limit
      return ok({ items: matching.slice(from, end), nextCursor: end < matching.length ? String(end) : null, total: matching.length })
    },
  })
}

test('infinite scroll appends the next page without duplicates and stops at the end', async () => {
  serveDirectory({ overlap: true })
  render(<Parks />)
  expect(await screen.findByText('共 19 个园区')).toBeTruthy()
  expect(screen.getAllByRole('listitem')).toHaveLength(10)

  await act(async () => taroMock.triggerReachBottom())
  await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(19))
  expect(lastQuery()).toEqual({ limit: '10', cursor: '10' })
  const ids = useParkDirectory.getState().items.map((park) => park.id)
  expect(new Set(ids).size).toBe(19)
  expect(screen.getByText('没有更多了')).toBeTruthy()

  // At the end, reaching the bottom again asks for nothing.
  const before = parkRequests().length
  await act(async () => taroMock.triggerReachBottom())
  expect(parkRequests()).toHaveLength(before)
})

test('zone and space-type filters build the directory query', async () => {
  serveDirectory()
  render(<Parks />)
  await screen.findByText('共 19 个园区')

  fireEvent.click(screen.getByRole('radio', { name: '开发区：平原' }))
  await screen.findByText('共 9 个园区')
  expect(lastQuery()).toEqual({ zoneId: 'pingyuan', limit: '10' })

  fireEvent.click(screen.getByRole('button', { name: '空间类型：不限' }))
  fireEvent.click(await screen.findByRole('radio', { name: '空间类型：标准厂房' }))
  await screen.findByText('共 1 个园区')
  expect(lastQuery()).toEqual({ zoneId: 'pingyuan', spaceType: 'factory', limit: '10' })
  expect(screen.getByText('京德智造产业园')).toBeTruthy()
  expect(screen.getByRole('button', { name: '空间类型：标准厂房' })).toBeTruthy()
})

test('the page query (q, zoneId) becomes the filters', async () => {
  serveDirectory()
  taroMock.setRouterParams({ q: encodeURIComponent('京德'), zoneId: 'pingyuan' })
  render(<Parks />)
  await waitFor(() => expect(parkRequests().length).toBeGreaterThan(0))
  expect(lastQuery()).toEqual({ zoneId: 'pingyuan', q: '京德', limit: '10' })
  expect(screen.getByDisplayValue('京德')).toBeTruthy()
})

test('no results offers to clear the filters', async () => {
  serveDirectory()
  render(<Parks />)
  await screen.findByText('共 19 个园区')
  fireEvent.click(screen.getByRole('radio', { name: '开发区：高青' }))
  fireEvent.click(screen.getByRole('button', { name: '空间类型：不限' }))
  fireEvent.click(await screen.findByRole('radio', { name: '空间类型：土地' }))
  expect(await screen.findByText('没有符合条件的园区')).toBeTruthy()
  fireEvent.click(screen.getByText('清除全部筛选'))
  expect(await screen.findByText('共 19 个园区')).toBeTruthy()
  expect(lastQuery()).toEqual({ limit: '10' })
})

test('pull-down refresh reloads the first page', async () => {
  serveDirectory()
  render(<Parks />)
  await screen.findByText('共 19 个园区')
  const before = parkRequests().length
  await act(async () => taroMock.triggerPullDownRefresh())
  await waitFor(() => expect(parkRequests()).toHaveLength(before + 1))
  expect(lastQuery()).toEqual({ limit: '10' })
})

test('a failed first load offers a retry; a failed later page keeps the list', async () => {
  let down = true
  serveApi({
    '/api/home': () => ok(homeResponse()),
    '/api/parks': (url) => {
      if (down) return { statusCode: 500, data: { error: { code: 'internal', message: '服务暂时不可用' } } }
      const start = Number(url.searchParams.get('cursor') ?? 0)
      if (start > 0) return { statusCode: 502, data: {} }
      return ok({ items: cards.slice(0, 10), nextCursor: '10', total: 19 })
    },
  })
  render(<Parks />)
  expect(await screen.findByText('服务暂时不可用')).toBeTruthy()
  down = false
  fireEvent.click(screen.getByText('重新加载'))
  await screen.findByText('共 19 个园区')
  await act(async () => taroMock.triggerReachBottom())
  expect(await screen.findByText('加载失败，点击重试')).toBeTruthy()
  expect(screen.getAllByRole('listitem')).toHaveLength(10)
})

test('产业 lists the curated industries of the chosen zone, and the chains of the chosen industry show above the parks', async () => {
  serveDirectory()
  const industries = (zoneId: string | null) =>
    zoneId === 'gaoqing'
      ? [
          { id: 'health', label: '医药健康', parkCount: 1 },
          { id: 'chemicals', label: '化工', parkCount: 1 },
        ]
      : [{ id: 'equipment', label: '高端装备制造', parkCount: 9 }]
  const routes = {
    '/api/home': () => ok(homeResponse()),
    '/api/industries': (url: URL) => ok({ items: industries(url.searchParams.get('zoneId')) }),
    '/api/chains': () => ok({ items: chainCards() }),
  }
  serveApi({
    ...routes,
    '/api/parks': (url) => {
      const zoneId = url.searchParams.get('zoneId')
      const matching = cards.filter((park) => !zoneId || park.zoneId === zoneId)
      return ok({ items: matching.slice(0, 10), nextCursor: null, total: matching.length })
    },
  })
  render(<Parks />)
  await screen.findByText('共 19 个园区')
  fireEvent.click(screen.getByRole('radio', { name: '开发区：高青' }))
  await screen.findByText(`共 ${cards.filter((park) => park.zoneId === 'gaoqing').length} 个园区`)

  fireEvent.click(screen.getByRole('button', { name: '主导产业：不限' }))
  const sheet = await screen.findByRole('radiogroup', { name: '主导产业' })
  await waitFor(() => expect(sheet.textContent).toContain('医药健康（1）'))
  // Only this zone's industries, one curated name each: no 高端装备制造 from other zones.
  expect(sheet.textContent).not.toContain('高端装备制造')
  fireEvent.click(screen.getByRole('radio', { name: '主导产业：医药健康（1）' }))
  expect(await screen.findByText('医药健康相关产业链')).toBeTruthy()
  fireEvent.click(screen.getByRole('link', { name: '健康医药产业链' }))
  expect(taroMock.calls.navigateTo).toEqual(['/pages/chain/index?id=gaoqing-chain-health'])
  expect(lastQuery()).toMatchObject({ zoneId: 'gaoqing', industry: 'health' })
  const industryRequests = taroMock.calls.requests.filter((request) => request.url.includes('/api/industries'))
  expect(industryRequests.map((request) => new URL(request.url).searchParams.get('zoneId'))).toEqual(['gaoqing'])
})

test('with a zone chosen, its page and its listings are one tap away', async () => {
  serveDirectory()
  render(<Parks />)
  await screen.findByText('共 19 个园区')
  fireEvent.click(screen.getByRole('radio', { name: '开发区：平原' }))
  fireEvent.click(await screen.findByRole('link', { name: '平原经济开发区主页 ›' }))
  fireEvent.click(screen.getByRole('link', { name: '找土地厂房 ›' }))
  expect(taroMock.calls.navigateTo).toEqual(['/pages/zone/index?id=pingyuan', '/pages/spaces/index?zoneId=pingyuan'])
})
