import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { resetApp, seedStorage } from '../../../test/jest/app-state'
import { deferred, homeResponse, ok, serveApi } from '../../../test/jest/content-fixtures'
import { useHome } from '@/features/home/home-store'
import { useParkDirectory } from '@/features/parks/directory-store'
import { usePolicies } from '@/features/policies/list-store'
import Index from './index'

beforeEach(() => resetApp())

const homeRequests = () => taroMock.calls.requests.filter((request) => request.url.includes('/api/home'))

test('a repeat visit paints the cached home before its one request returns', async () => {
  await seedStorage(useHome, { data: homeResponse('old'), savedAt: Date.now() - 3600_000, selectedZone: 'all' })
  const pending = deferred<{ statusCode: number; data: unknown }>()
  serveApi({ '/api/home': () => pending.promise })

  render(<Index />)

  // Cached content is on screen while the request is still open.
  expect(screen.getAllByText('京德智造产业园').length).toBeGreaterThan(0)
  expect(screen.queryByLabelText('正在加载')).toBeNull()
  expect(homeRequests()).toHaveLength(1)

  await act(async () => pending.resolve(ok(homeResponse('new'))))
  expect(useHome.getState().data?.version).toBe('new')
  expect(homeRequests()).toHaveLength(1)
  expect(taroMock.calls.requests).toHaveLength(1)
})

test('a first visit shows a skeleton, then an error with a retry that works', async () => {
  let fail = true
  serveApi({
    '/api/home': () =>
      fail ? { statusCode: 503, data: { error: { code: 'unavailable', message: '服务繁忙，请稍后重试' } } } : ok(homeResponse()),
  })

  render(<Index />)
  expect(screen.getByLabelText('正在加载')).toBeTruthy()
  expect(await screen.findByText('服务繁忙，请稍后重试')).toBeTruthy()

  fail = false
  fireEvent.click(screen.getByText('重新加载'))
  expect((await screen.findAllByText('京德智造产业园')).length).toBeGreaterThan(0)
  expect(screen.queryByText('服务繁忙，请稍后重试')).toBeNull()
})

test('serving cache after a failed refresh says it is offline content', async () => {
  await seedStorage(useHome, { data: homeResponse(), savedAt: Date.now() - 2 * 3600_000, selectedZone: 'all' })
  serveApi({ '/api/home': () => Promise.reject(new Error('request:fail')) })
  render(<Index />)
  expect(await screen.findByText('离线内容')).toBeTruthy()
  expect(screen.getByText(/2 小时前/)).toBeTruthy()
  expect(screen.getAllByText('京德智造产业园').length).toBeGreaterThan(0)
})

test('the zone switcher filters parks, projects and policies to one zone', async () => {
  serveApi({ '/api/home': () => ok(homeResponse()) })
  render(<Index />)
  await screen.findAllByText('京津冀产业园')

  fireEvent.click(screen.getByRole('radio', { name: '开发区：平原' }))
  expect(screen.getByRole('radio', { name: '开发区：平原' }).getAttribute('aria-checked')).toBe('true')
  expect(screen.getByText('平原经济开发区')).toBeTruthy()
  expect(screen.getAllByText('京德智造产业园').length).toBeGreaterThan(0)
  expect(screen.queryByText('京津冀产业园')).toBeNull()
  expect(screen.queryByText('水溶性复合肥项目')).toBeNull()
  expect(useHome.getState().selectedZone).toBe('pingyuan')
})

test('search goes to the park directory with the query', async () => {
  serveApi({ '/api/home': () => ok(homeResponse()), '/api/parks': () => ok({ items: [], nextCursor: null, total: 0 }) })
  render(<Index />)
  await screen.findAllByText('京津冀产业园')
  const input = screen.getByPlaceholderText('搜索园区、产业、企业')
  fireEvent.change(input, { target: { value: '医药' } })
  fireEvent.click(screen.getByRole('button', { name: '搜索' }))
  expect(useParkDirectory.getState().filters).toEqual({ q: '医药' })
  expect(taroMock.calls.switchTab).toEqual(['/pages/parks/index'])
})

test('找店小二 opens the service page for the selected zone', async () => {
  serveApi({ '/api/home': () => ok(homeResponse()) })
  render(<Index />)
  await screen.findAllByText('京津冀产业园')
  fireEvent.click(screen.getByRole('radio', { name: '开发区：邹平' }))
  fireEvent.click(screen.getByRole('link', { name: /找店小二/ }))
  expect(taroMock.calls.navigateTo).toEqual(['/pages/service/index?zoneId=zouping'])
  await waitFor(() => expect(within(document.body).getByText('邹平经济技术开发区')).toBeTruthy())
})

test('重点园区 shows the featured parks, of the selected zone once one is chosen', async () => {
  serveApi({ '/api/home': () => ok(homeResponse()) })
  const { container } = render(<Index />)
  await screen.findAllByText('京津冀产业园')
  const featuredNames = () => Array.from(container.querySelectorAll('.home__featured .pl-park-card__name')).map((node) => node.textContent)

  expect(screen.getByRole('heading', { name: '重点园区' })).toBeTruthy()
  expect(featuredNames()).toEqual(['京津冀产业园', '京德智造产业园', '医药产业园', '黄三角药谷产业园', '化工循环经济产业园'])

  fireEvent.click(screen.getByRole('radio', { name: '开发区：平原' }))
  expect(featuredNames()).toEqual(['京德智造产业园'])
})

test('a colleague’s link (?ref=) or 小程序码 (?scene=r%3D…) to 首页 counts the visit for them (issue 15.12)', async () => {
  serveApi({ '/api/home': () => ok(homeResponse()), '/api/share-visits': () => ({ statusCode: 201, data: { recorded: true } }) })
  taroMock.setRouterParams({ ref: 'PY-ZS' })
  const first = render(<Index />)
  await waitFor(() => expect(taroMock.calls.requests.filter((r) => r.url.endsWith('/api/share-visits'))).toHaveLength(1))
  first.unmount()

  taroMock.setRouterParams({ scene: encodeURIComponent('r=PY-LS') })
  render(<Index />)
  await waitFor(() => expect(taroMock.calls.requests.filter((r) => r.url.endsWith('/api/share-visits'))).toHaveLength(2))
  expect(taroMock.calls.requests.filter((r) => r.url.endsWith('/api/share-visits')).map((r) => r.data)).toEqual([
    { ref: 'PY-ZS', page: 'pages/index/index', targetId: 'home' },
    { ref: 'PY-LS', page: 'pages/index/index', targetId: 'home' },
  ])
})

test('all zones: each zone is a row that opens its page; a chosen zone links to its page too', async () => {
  serveApi({ '/api/home': () => ok(homeResponse()) })
  render(<Index />)
  const list = await screen.findByRole('list', { name: '开发区列表' })
  expect(within(list).getAllByRole('listitem')).toHaveLength(5)
  fireEvent.click(within(list).getByRole('link', { name: '高青县' }))
  fireEvent.click(screen.getByRole('radio', { name: '开发区：平原' }))
  expect(screen.queryByRole('list', { name: '开发区列表' })).toBeNull()
  fireEvent.click(screen.getByRole('link', { name: '平原经济开发区主页' }))
  expect(taroMock.calls.navigateTo).toEqual(['/pages/zone/index?id=gaoqing', '/pages/zone/index?id=pingyuan'])
  // The home tab still made its one request.
  expect(homeRequests()).toHaveLength(1)
  expect(taroMock.calls.requests).toHaveLength(1)
})

test('with many zones the chips end in 更多, a searchable list from GET /api/zones; one beyond the first opens its page', async () => {
  const many = Array.from({ length: 200 }, (_, index) => ({
    id: `zone-${String(index).padStart(3, '0')}`,
    name: index === 137 ? '乐陵经济开发区' : `测试${index}号开发区`,
    shortName: index === 137 ? '乐陵' : `测试${index}`,
    order: index,
  }))
  serveApi({ '/api/home': () => ok({ ...homeResponse(), zoneCount: 205 }), '/api/zones': () => ok({ items: many }) })
  render(<Index />)
  await screen.findAllByText('京津冀产业园')
  // The first screen asks nothing more than /api/home.
  expect(taroMock.calls.requests).toHaveLength(1)
  fireEvent.click(screen.getByRole('radio', { name: '开发区：更多（共 205 个）' }))
  const sheet = await screen.findByRole('dialog', { name: '选择开发区' })
  await waitFor(() => expect(within(sheet).getAllByRole('radio').length).toBeGreaterThan(10))
  fireEvent.change(within(sheet).getByRole('searchbox', { name: '搜索开发区' }), { target: { value: '乐陵' } })
  expect(
    within(sheet)
      .getAllByRole('radio')
      .map((radio) => radio.textContent),
  ).toEqual(['乐陵经济开发区'])
  fireEvent.click(within(sheet).getByRole('radio', { name: '开发区：乐陵经济开发区' }))
  expect(taroMock.calls.navigateTo).toEqual(['/pages/zone/index?id=zone-137'])
  expect(taroMock.calls.requests.filter((request) => request.url.endsWith('/api/zones'))).toHaveLength(1)
})

test('the zone chosen on home is where the 政策 tab starts', async () => {
  serveApi({ '/api/home': () => ok(homeResponse()) })
  render(<Index />)
  await screen.findAllByText('京津冀产业园')
  fireEvent.click(screen.getByRole('radio', { name: '开发区：平原' }))
  expect(usePolicies.getState().filters).toEqual({ zoneId: 'pingyuan' })
  expect(usePolicies.getState().stale).toBe(true)
  // Nothing is fetched for a tab that is not open.
  expect(taroMock.calls.requests).toHaveLength(1)
})

test('找载体 opens the listings of the chosen zone; no placeholder text anywhere', async () => {
  serveApi({ '/api/home': () => ok(homeResponse()) })
  render(<Index />)
  await screen.findAllByText('京津冀产业园')
  fireEvent.click(screen.getByRole('radio', { name: '开发区：平原' }))
  fireEvent.click(screen.getByRole('link', { name: /^找载体/ }))
  expect(taroMock.calls.navigateTo).toEqual(['/pages/spaces/index?zoneId=pingyuan'])
  expect(document.body.textContent).not.toContain('待补充')
})
