import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { resetApp, staffSession } from '../../../test/jest/app-state'
import { catalogRoutes, ok, requestsTo, serve } from '../../../test/jest/service-fixtures'
import type { ConsoleListItem } from '@/types/console'
import { useSession } from '@/features/session/session-store'
import StaffContentListPage from './index'

beforeEach(() => {
  resetApp()
  useSession.getState().setStaff(staffSession())
})

const item = (overrides: Partial<ConsoleListItem>): ConsoleListItem => ({
  kind: 'spaces',
  id: 'pingyuan-space-1',
  zoneId: 'pingyuan',
  title: '标准厂房',
  state: 'published',
  publishedAt: '2026-11-20T02:00:00.000Z',
  draftSavedAt: null,
  draftSavedBy: null,
  ...overrides,
})

test('each record says whether investors see it and whether a draft waits; pending ones come first', async () => {
  serve({
    ...catalogRoutes(),
    '/api/staff/content/spaces': () =>
      ok({
        items: [
          item({ id: 'a', title: '京德智造产业园标准厂房 1 号楼' }),
          item({
            id: 'b',
            title: '新材料产业园工业用地',
            state: 'draft',
            publishedAt: null,
            draftSavedAt: '2026-11-21T03:00:00.000Z',
            draftSavedBy: { id: 's', displayName: '张三' },
          }),
          item({
            id: 'c',
            title: '双创中心写字楼',
            state: 'changed',
            draftSavedAt: '2026-11-21T04:00:00.000Z',
            draftSavedBy: { id: 's', displayName: '李四' },
          }),
        ],
      }),
  })
  taroMock.setRouterParams({ kind: 'spaces', zoneId: 'pingyuan' })
  render(<StaffContentListPage />)

  expect(await screen.findByRole('heading', { name: '载体' })).toBeTruthy()
  const rows = await screen.findAllByRole('listitem')
  expect(rows.map((row) => row.textContent)).toEqual([
    '双创中心写字楼有待发布的修改草稿：李四 11月21日 12:00 · 发布于 11月20日 10:00',
    '新材料产业园工业用地草稿（未发布）草稿：张三 11月21日 11:00',
    '京德智造产业园标准厂房 1 号楼已发布发布于 11月20日 10:00',
  ])
  expect(new URL(requestsTo('/api/staff/content/spaces')[0].url).searchParams.get('zoneId')).toBe('pingyuan')

  fireEvent.click(screen.getByText('双创中心写字楼'))
  expect(taroMock.calls.navigateTo.at(-1)).toBe('/staff/content-edit/index?kind=spaces&id=c&zoneId=pingyuan')
})

test('新建 opens an empty form with a fresh id of the zone', async () => {
  serve({ ...catalogRoutes(), '/api/staff/content/policies': () => ok({ items: [] }) })
  taroMock.setRouterParams({ kind: 'policies', zoneId: 'pingyuan' })
  render(<StaffContentListPage />)
  expect(await screen.findByText('还没有政策')).toBeTruthy()
  fireEvent.click(screen.getByText('新建政策'))
  const url = new URL(`https://app${taroMock.calls.navigateTo.at(-1)}`)
  expect(url.pathname).toBe('/staff/content-edit/index')
  expect(url.searchParams.get('new')).toBe('1')
  expect(url.searchParams.get('id')).toMatch(/^pingyuan-policy-[a-z0-9]+$/)
})

test('a kind that does not exist says so instead of asking the API', async () => {
  serve({ ...catalogRoutes() })
  taroMock.setRouterParams({ kind: 'factories' })
  render(<StaffContentListPage />)
  expect(await screen.findByText('没有这种内容，请从内容管理进入。')).toBeTruthy()
  await waitFor(() => expect(taroMock.calls.requests.filter((r) => r.url.includes('/api/staff/content'))).toHaveLength(0))
})
