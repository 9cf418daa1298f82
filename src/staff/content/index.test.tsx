import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { resetApp, staffSession } from '../../../test/jest/app-state'
import { catalogRoutes, ok, requestsTo, serve } from '../../../test/jest/service-fixtures'
import type { Completeness } from '@/types/console'
import { useSession } from '@/features/session/session-store'
import StaffContentPage from './index'

beforeEach(() => resetApp())

const completeness = (zoneId = 'pingyuan'): Completeness => ({
  zoneId,
  zone: {
    kind: 'zones',
    id: zoneId,
    name: '平原经济开发区',
    parkId: null,
    gaps: [
      { field: 'contact.phone', label: '联系电话' },
      { field: 'contact.location', label: '地图位置' },
    ],
  },
  parks: [
    {
      kind: 'parks',
      id: 'pingyuan-jingde',
      name: '京德智造产业园',
      parkId: 'pingyuan-jingde',
      gaps: [{ field: 'spaces', label: '载体（土地、厂房、写字楼）' }],
    },
    { kind: 'parks', id: 'pingyuan-pharma', name: '新型医药产业园', parkId: 'pingyuan-pharma', gaps: [] },
  ],
  records: [{ kind: 'policies', id: 'pingyuan-land', name: '工业用地政策', parkId: null, gaps: [{ field: 'validTo', label: '有效期' }] }],
  gapCount: 4,
})

test('资料完整度 is a to-do list: each gap links to the field to fill, a missing kind to its list', async () => {
  useSession.getState().setStaff(staffSession({ role: 'agent' }))
  serve({ ...catalogRoutes(), '/api/staff/completeness': () => ok(completeness()) })
  render(<StaffContentPage />)

  expect(await screen.findByRole('heading', { name: '资料完整度：还有 4 项投资者看不到' })).toBeTruthy()
  const zone = screen.getByRole('list', { name: '开发区：平原经济开发区' })
  expect(
    within(zone)
      .getAllByRole('listitem')
      .map((item) => item.textContent),
  ).toEqual(['缺少联系电话去填写 ›', '缺少地图位置去填写 ›'])
  // A park with nothing missing is not on the list.
  expect(screen.queryByRole('list', { name: '园区：新型医药产业园' })).toBeNull()

  fireEvent.click(screen.getByRole('link', { name: '去填写：平原经济开发区的地图位置' }))
  expect(taroMock.calls.navigateTo.at(-1)).toBe('/staff/content-edit/index?kind=zones&id=pingyuan&zoneId=pingyuan&focus=contact.location')
  fireEvent.click(screen.getByRole('link', { name: '去填写：工业用地政策的有效期' }))
  expect(taroMock.calls.navigateTo.at(-1)).toBe('/staff/content-edit/index?kind=policies&id=pingyuan-land&zoneId=pingyuan&focus=validTo')
  // A park without space listings: the 载体 list, to add one.
  fireEvent.click(screen.getByRole('link', { name: '去填写：京德智造产业园的载体（土地、厂房、写字楼）' }))
  expect(taroMock.calls.navigateTo.at(-1)).toBe('/staff/content-list/index?kind=spaces&zoneId=pingyuan')

  // Every kind of content is one tap away; the zone profile opens its form directly.
  fireEvent.click(screen.getByRole('link', { name: '开发区资料' }))
  expect(taroMock.calls.navigateTo.at(-1)).toBe('/staff/content-edit/index?kind=zones&id=pingyuan&zoneId=pingyuan')
  fireEvent.click(screen.getByRole('link', { name: '载体' }))
  expect(taroMock.calls.navigateTo.at(-1)).toBe('/staff/content-list/index?kind=spaces&zoneId=pingyuan')
  // Agents see no admin pages.
  expect(screen.queryByText('新建开发区')).toBeNull()
  expect(screen.queryByText('工作人员账号')).toBeNull()
})

test('an admin picks the zone to work on; its checklist follows; admin pages are offered', async () => {
  useSession.getState().setStaff(staffSession({ role: 'admin', zoneId: null, displayName: '管理员' }))
  serve({
    ...catalogRoutes(),
    '/api/staff/completeness': ({ url }) => {
      const zoneId = new URL(url).searchParams.get('zoneId') ?? ''
      return ok(
        zoneId === 'qingyun'
          ? {
              ...completeness('qingyun'),
              zone: { ...completeness().zone, id: 'qingyun', name: '庆云县', gaps: [] },
              parks: [],
              records: [],
              gapCount: 0,
            }
          : completeness(),
      )
    },
  })
  render(<StaffContentPage />)
  expect(await screen.findByRole('heading', { name: '资料完整度：还有 4 项投资者看不到' })).toBeTruthy()
  expect(new URL(requestsTo('/api/staff/completeness')[0].url).searchParams.get('zoneId')).toBe('pingyuan')

  fireEvent.click(screen.getByText('新建开发区'))
  expect(taroMock.calls.navigateTo.at(-1)).toBe('/staff/zone-new/index')
  fireEvent.click(screen.getByText('工作人员账号'))
  expect(taroMock.calls.navigateTo.at(-1)).toBe('/staff/accounts/index?zoneId=pingyuan')

  fireEvent.click(screen.getByRole('radio', { name: '开发区：庆云县' }))
  expect(await screen.findByText('资料齐全，投资者能看到全部信息。')).toBeTruthy()
  await waitFor(() => expect(new URL(requestsTo('/api/staff/completeness').at(-1)!.url).searchParams.get('zoneId')).toBe('qingyun'))
})

test('a long checklist shows the first records, then all of them on request', async () => {
  useSession.getState().setStaff(staffSession({ role: 'agent' }))
  const many = completeness()
  many.records = Array.from({ length: 8 }, (_, index) => ({
    kind: 'policies' as const,
    id: `pingyuan-policy-${index}`,
    name: `政策 ${index + 1}`,
    parkId: null,
    gaps: [{ field: 'validTo', label: '有效期' }],
  }))
  serve({ ...catalogRoutes(), '/api/staff/completeness': () => ok(many) })
  render(<StaffContentPage />)
  await screen.findByRole('list', { name: '政策：政策 4' })
  expect(screen.queryByRole('list', { name: '政策：政策 5' })).toBeNull()
  fireEvent.click(screen.getByRole('button', { name: '显示全部 10 条记录' }))
  expect(screen.getByRole('list', { name: '政策：政策 8' })).toBeTruthy()
})
