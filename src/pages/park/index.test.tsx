import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { taroMock } from '../../../test/jest/taro'
import { investorSession, resetApp, seedStorage } from '../../../test/jest/app-state'
import { deferred, ok, parkDetail, serveApi } from '../../../test/jest/content-fixtures'
import { useSession } from '@/features/session/session-store'
import { useParkProfiles } from '@/features/parks/profiles-store'
import { useFavourites } from '@/features/favourites/favourites-store'
import ParkPage from './index'

beforeEach(() => resetApp())

const stats = {
  zoneId: 'pingyuan',
  periodDays: 30,
  requestCount: 12,
  respondedWithin24hShare: 0.92,
  satisfactionShare: 0.875,
  ratedCount: 8,
}

function openPark(id: string, extra: Record<string, string> = {}) {
  taroMock.setRouterParams({ id, ...extra })
  return render(<ParkPage />)
}

test('shows only the headline figures the sources give, formatted as printed', async () => {
  serveApi({ '/api/parks/pingyuan-jingde': () => ok(parkDetail('pingyuan-jingde')) })
  openPark('pingyuan-jingde')
  const hero = (await screen.findByRole('heading', { name: '京德智造产业园' })).parentElement as HTMLElement
  expect(within(hero).getByLabelText('占地 667亩')).toBeTruthy()
  expect(within(hero).getByLabelText('总投资 18亿元')).toBeTruthy()
  // Not provided: no enterprise or signed-project figure is invented.
  expect(within(hero).queryByText('待补充')).toBeNull()
  expect(hero.querySelectorAll('.pl-figure')).toHaveLength(2)
})

test('a space listing shows the facts it states, opens its own page, and the 载体 list is one tap away', async () => {
  serveApi({ '/api/parks/pingyuan-jingde': () => ok(parkDetail('pingyuan-jingde')) })
  openPark('pingyuan-jingde')
  const title = await screen.findByText('京德智造产业园一期“定制”标准厂房')
  const space = title.parentElement as HTMLElement
  expect(within(space).getByText('标准厂房')).toBeTruthy()
  expect(within(space).getByText('可定制')).toBeTruthy()
  expect(within(space).getByText('面积：4万平方米')).toBeTruthy()
  expect(within(space).getByText('交付：5月底封顶，7月可实现企业入驻')).toBeTruthy()
  // No price was published: no price row, no placeholder.
  expect(within(space).queryByText(/价格/)).toBeNull()
  expect(screen.queryByText('待补充')).toBeNull()
  fireEvent.click(title)
  fireEvent.click(screen.getByRole('link', { name: '可用载体，载体列表' }))
  expect(taroMock.calls.navigateTo).toEqual([
    '/pages/space/index?id=pingyuan-jingde-phase1-factory',
    '/pages/spaces/index?parkId=pingyuan-jingde',
  ])
})

test('contacts: nothing shown for what nobody provided; call, copy and map when the facts exist', async () => {
  serveApi({ '/api/parks/qingyun-jjj': () => ok(parkDetail('qingyun-jjj')) })
  const view = openPark('qingyun-jjj')
  await screen.findByRole('heading', { name: '京津冀产业园' })
  expect(screen.queryByText('监督热线')).toBeNull()
  expect(screen.queryByText('联系电话')).toBeNull()
  expect(screen.queryByText('待补充')).toBeNull()
  expect(screen.queryByRole('button', { name: /拨打/ })).toBeNull()
  expect(screen.queryByRole('button', { name: /查看/ })).toBeNull()
  // Empty lists are hidden, not padded.
  expect(screen.queryByText('主导产业')).toBeNull()
  view.unmount()

  resetApp()
  const openLocation = jest.spyOn(Taro, 'openLocation')
  serveApi({
    '/api/parks/qingyun-jjj': () =>
      ok({
        ...parkDetail('qingyun-jjj', (park) => ({
          ...park,
          contact: { phone: '0534-1234567', address: '庆云县某路 1 号', location: { latitude: 37.77, longitude: 117.38 } },
        })),
        zone: { ...parkDetail('qingyun-jjj').zone, investmentHotline: '0534-7654321', supervisionHotline: '0534-12345' },
      }),
  })
  openPark('qingyun-jjj')
  fireEvent.click(await screen.findByRole('button', { name: '拨打联系电话 0534-1234567' }))
  fireEvent.click(screen.getByRole('button', { name: '复制联系电话 0534-1234567' }))
  fireEvent.click(screen.getByRole('button', { name: '拨打招商热线 0534-7654321' }))
  fireEvent.click(screen.getByRole('button', { name: '拨打监督热线 0534-12345' }))
  fireEvent.click(screen.getByRole('button', { name: '查看位置：京津冀产业园' }))
  expect(taroMock.calls.phoneCalls).toEqual(['0534-1234567', '0534-7654321', '0534-12345'])
  expect(taroMock.calls.clipboard).toEqual(['0534-1234567'])
  expect(openLocation).toHaveBeenCalledWith(expect.objectContaining({ latitude: 37.77, longitude: 117.38 }))
})

test('the zone and the chains of a park are one tap away', async () => {
  serveApi({ '/api/parks/gaoqing-yaogu': () => ok(parkDetail('gaoqing-yaogu')) })
  openPark('gaoqing-yaogu')
  await screen.findByRole('heading', { level: 1 })
  fireEvent.click(screen.getByRole('link', { name: '高青县主页' }))
  fireEvent.click(await screen.findByRole('link', { name: '健康医药产业链' }))
  expect(taroMock.calls.navigateTo).toEqual(['/pages/zone/index?id=gaoqing', '/pages/chain/index?id=gaoqing-chain-health'])
  // The park itself and each record under it say where they come from.
  expect(document.querySelector('.pl-provenance--page')?.textContent).toBe('来源：报道 · 淄博日报《高青：请进优质合伙人共赢未来》 · 2024年')
})

test('share handlers carry the park id and the sharer code', async () => {
  serveApi({ '/api/parks/pingyuan-jingde': () => ok(parkDetail('pingyuan-jingde')) })
  openPark('pingyuan-jingde')
  await screen.findByRole('heading', { name: '京德智造产业园' })

  const appMessage = () => taroMock.share.appMessage?.() as { title: string; path: string; imageUrl?: string }
  const timeline = () => taroMock.share.timeline?.() as { title: string; query: string }

  expect(appMessage().path).toBe('/pages/park/index?id=pingyuan-jingde')
  expect(appMessage()).not.toHaveProperty('imageUrl')
  expect(timeline().query).toBe('id=pingyuan-jingde')

  act(() => useSession.setState({ investor: investorSession('inv-42') }))
  expect(appMessage().path).toBe('/pages/park/index?id=pingyuan-jingde&ref=inv-42')
  expect(appMessage().title).toContain('京德智造产业园')

  act(() =>
    useSession.setState({
      staff: {
        token: 't',
        expiresAt: new Date(Date.now() + 3600_000).toISOString(),
        staff: { id: 's1', username: 'zhang', displayName: '张三', role: 'agent', zoneId: 'pingyuan', shareCode: 'PY-ZS' },
      },
    }),
  )
  expect(appMessage().path).toBe('/pages/park/index?id=pingyuan-jingde&ref=PY-ZS')
  expect(timeline().query).toBe('id=pingyuan-jingde&ref=PY-ZS')
})

test('a shared link posts its referral once per launch, without waiting for it', async () => {
  const visit = deferred<{ statusCode: number; data: unknown }>()
  serveApi({
    '/api/parks/pingyuan-jingde': () => ok(parkDetail('pingyuan-jingde')),
    'POST /api/share-visits': () => visit.promise,
  })
  const first = openPark('pingyuan-jingde', { ref: 'PY-ZS' })
  // The page renders while the referral request is still open.
  expect(await screen.findByRole('heading', { name: '京德智造产业园' })).toBeTruthy()
  first.unmount()
  openPark('pingyuan-jingde', { ref: 'PY-ZS' })
  await screen.findByRole('heading', { name: '京德智造产业园' })

  const posts = taroMock.calls.requests.filter((request) => request.url.endsWith('/api/share-visits'))
  expect(posts).toHaveLength(1)
  expect(posts[0].data).toEqual({ ref: 'PY-ZS', page: 'pages/park/index', targetId: 'pingyuan-jingde' })
  await act(async () => visit.resolve({ statusCode: 204, data: '' }))
})

test('opened directly, the page offers 返回首页', async () => {
  serveApi({ '/api/parks/pingyuan-jingde': () => ok(parkDetail('pingyuan-jingde')) })
  openPark('pingyuan-jingde')
  await screen.findByRole('heading', { name: '京德智造产业园' })
  fireEvent.click(screen.getByRole('button', { name: '返回首页' }))
  expect(taroMock.calls.reLaunch).toEqual(['/pages/index/index'])
})

test('opened from inside the app, there is no 返回首页', async () => {
  jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([{ route: 'pages/index/index' }, { route: 'pages/park/index' }] as never)
  serveApi({ '/api/parks/pingyuan-jingde': () => ok(parkDetail('pingyuan-jingde')) })
  openPark('pingyuan-jingde')
  await screen.findByRole('heading', { name: '京德智造产业园' })
  expect(screen.queryByRole('button', { name: '返回首页' })).toBeNull()
  jest.restoreAllMocks()
})

test('关注 flips at once and rolls back when the server refuses', async () => {
  useSession.setState({ investor: investorSession('inv-1') })
  const put = deferred<{ statusCode: number; data: unknown }>()
  serveApi({
    '/api/parks/pingyuan-jingde': () => ok(parkDetail('pingyuan-jingde')),
    '/api/favourites': () => ok({ items: [] }),
    'PUT /api/favourites/pingyuan-jingde': () => put.promise,
  })
  openPark('pingyuan-jingde')
  await screen.findByRole('heading', { name: '京德智造产业园' })
  await waitFor(() => expect(useFavourites.getState().status).toBe('ready'))

  const button = screen.getByRole('button', { name: '关注园区' })
  expect(button.getAttribute('aria-pressed')).toBe('false')
  fireEvent.click(button)
  await waitFor(() => expect(screen.getByRole('button', { name: '关注园区' }).getAttribute('aria-pressed')).toBe('true'))
  expect(screen.getByText('★')).toBeTruthy()

  await act(async () => put.resolve({ statusCode: 500, data: { error: { code: 'internal', message: '服务暂时不可用' } } }))
  await waitFor(() => expect(screen.getByRole('button', { name: '关注园区' }).getAttribute('aria-pressed')).toBe('false'))
  expect(taroMock.calls.toasts).toContain('操作失败：服务暂时不可用')
  expect(useFavourites.getState().items).toEqual([])
})

test('the zone service figures show when there are some and hide when the request fails', async () => {
  serveApi({
    '/api/parks/pingyuan-jingde': () => ok(parkDetail('pingyuan-jingde')),
    '/api/zones/pingyuan/service-stats': () => ok(stats),
  })
  const view = openPark('pingyuan-jingde')
  expect(await screen.findByLabelText('24小时内响应率 92%')).toBeTruthy()
  expect(screen.getByLabelText('满意率 88%')).toBeTruthy()
  view.unmount()

  resetApp()
  serveApi({ '/api/parks/pingyuan-jingde': () => ok(parkDetail('pingyuan-jingde')) })
  openPark('pingyuan-jingde')
  await screen.findByRole('heading', { name: '京德智造产业园' })
  await waitFor(() => expect(taroMock.calls.requests.some((request) => request.url.includes('service-stats'))).toBe(true))
  expect(screen.queryByText('服务成效')).toBeNull()
})

test('a profile viewed before reads offline, marked as offline content', async () => {
  await seedStorage(useParkProfiles, {
    profiles: { 'pingyuan-jingde': { detail: parkDetail('pingyuan-jingde'), savedAt: Date.now() - 5 * 60_000 } },
    recent: ['pingyuan-jingde'],
  })
  serveApi({ '/api/parks/pingyuan-jingde': () => Promise.reject(new Error('request:fail')) })
  openPark('pingyuan-jingde')
  expect(screen.getByRole('heading', { name: '京德智造产业园' })).toBeTruthy()
  expect(await screen.findByText('离线内容')).toBeTruthy()
})

test('a park never viewed shows an error with retry when offline', async () => {
  let down = true
  serveApi({ '/api/parks/pingyuan-jingde': () => (down ? Promise.reject(new Error('request:fail')) : ok(parkDetail('pingyuan-jingde'))) })
  openPark('pingyuan-jingde')
  expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy()
  down = false
  fireEvent.click(screen.getByText('重新加载'))
  expect(await screen.findByRole('heading', { name: '京德智造产业园' })).toBeTruthy()
})

test('找店小二 opens the service page with zone and park', async () => {
  serveApi({ '/api/parks/pingyuan-jingde': () => ok(parkDetail('pingyuan-jingde')) })
  openPark('pingyuan-jingde')
  await screen.findByRole('heading', { name: '京德智造产业园' })
  fireEvent.click(screen.getByText('找店小二'))
  expect(taroMock.calls.navigateTo).toEqual(['/pages/service/index?zoneId=pingyuan&parkId=pingyuan-jingde'])
})

test('a park that is gone offers 返回首页 and 浏览园区 besides 重新加载 (issue 15.15)', async () => {
  serveApi({ '/api/parks/no-such-park': () => ({ statusCode: 404, data: { error: { code: 'not_found', message: '没有找到这个园区' } } }) })
  openPark('no-such-park')
  const alert = await screen.findByRole('alert')
  expect(within(alert).getByText('没有找到这个园区')).toBeTruthy()
  expect(within(alert).getByRole('button', { name: '重新加载' })).toBeTruthy()
  fireEvent.click(within(alert).getByRole('button', { name: '浏览园区' }))
  expect(taroMock.calls.switchTab).toEqual(['/pages/parks/index'])
  fireEvent.click(within(alert).getByRole('button', { name: '返回首页' }))
  expect(taroMock.calls.reLaunch).toEqual(['/pages/index/index'])
})
