import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { resetApp, staffSession } from '../../../test/jest/app-state'
import { catalogRoutes, fail, ok, requestsTo, serve } from '../../../test/jest/service-fixtures'
import { zones } from '../../../test/jest/content-fixtures'
import type { ConsoleRecord, PublishResult } from '@/types/console'
import { useSession } from '@/features/session/session-store'
import StaffContentEditPage from './index'

const pingyuan = zones.find((zone) => zone.id === 'pingyuan')!
const ZONE_PATH = '/api/staff/content/zones/pingyuan'

const consoleRecord = (overrides: Partial<ConsoleRecord> = {}): ConsoleRecord => ({
  kind: 'zones',
  id: 'pingyuan',
  zoneId: 'pingyuan',
  state: 'published',
  published: pingyuan as unknown as Record<string, unknown>,
  publishedAt: '2026-11-20T02:00:00.000Z',
  draft: null,
  photoUrls: {},
  ...overrides,
})

const savedDraft = (record: Record<string, unknown>): ConsoleRecord =>
  consoleRecord({
    state: 'changed',
    draft: { record, savedAt: '2026-11-21T03:00:00.000Z', savedBy: { id: 'stf-zhang', displayName: '张三' } },
  })

/** The block of one form field (label, control, its errors). */
const fieldBlock = (label: string) => screen.getByText(label, { selector: '.csl-field__label' }).parentElement as HTMLElement

const signIn = (role: 'agent' | 'supervisor' | 'admin' = 'agent') => useSession.getState().setStaff(staffSession({ role }))

beforeEach(() => resetApp())

test('an agent fills in the zone phone from a 资料完整度 link and saves a draft; investors see nothing until it is published', async () => {
  signIn('agent')
  let stored: Record<string, unknown> | null = null
  serve({
    ...catalogRoutes(),
    [ZONE_PATH]: () => ok(consoleRecord()),
    [`PUT ${ZONE_PATH}`]: ({ data }) => {
      stored = data as Record<string, unknown>
      return ok(savedDraft(stored))
    },
  })
  taroMock.setRouterParams({ kind: 'zones', id: 'pingyuan', focus: 'contact.phone' })
  render(<StaffContentEditPage />)

  expect(await screen.findByRole('heading', { name: '平原经济开发区' })).toBeTruthy()
  expect(screen.getByText('已发布')).toBeTruthy()
  // Agents draft; publishing is for supervisors and admins.
  expect(screen.queryByText('发布')).toBeNull()
  expect(screen.getByText('保存草稿后，请主管或管理员审核发布。')).toBeTruthy()
  expect(fieldBlock('联系电话').className).toContain('csl-field--focus')

  fireEvent.change(within(fieldBlock('联系电话')).getByLabelText('联系电话'), { target: { value: '0534-4211111' } })
  fireEvent.click(screen.getByText('保存草稿'))

  expect(await screen.findByText('草稿已保存，发布前投资者看不到')).toBeTruthy()
  expect(screen.getByText('有待发布的修改')).toBeTruthy()
  expect(screen.getByText('草稿由 张三 保存于 11月21日 11:00，发布前投资者看不到。')).toBeTruthy()
  expect(stored).toMatchObject({ id: 'pingyuan', contact: { phone: '0534-4211111', address: 'not_provided', location: 'not_provided' } })
  // What only the API sets is not sent.
  expect(stored).not.toHaveProperty('updatedAt')
})

test('a value the contract refuses is caught in Chinese before sending; the API refusal lands under its field and nothing is lost', async () => {
  signIn('agent')
  serve({
    ...catalogRoutes(),
    [ZONE_PATH]: () => ok(consoleRecord()),
    [`PUT ${ZONE_PATH}`]: () =>
      fail(400, 'validation_error', '内容有误，请按提示修改', {
        ticketPrefix: '工单前缀 PY 已被 庆云县 使用',
        'contact.phone': '电话至少 3 位',
      }),
  })
  taroMock.setRouterParams({ kind: 'zones', id: 'pingyuan' })
  render(<StaffContentEditPage />)
  await screen.findByRole('heading', { name: '平原经济开发区' })

  // Locally: a year out of range and a blank name, each under its own field.
  fireEvent.change(screen.getByLabelText('主要数据第 1 项：年份'), { target: { value: '1850' } })
  fireEvent.change(screen.getByLabelText('名称'), { target: { value: '' } })
  fireEvent.click(screen.getByText('保存草稿'))
  expect(await screen.findByText('有内容需要修改，请看标红的字段')).toBeTruthy()
  expect(within(fieldBlock('主要数据')).getByRole('alert').textContent).toMatch(/^第 1 项 · 年份：/)
  expect(fieldBlock('名称').className).toContain('csl-field--error')
  expect(requestsTo(ZONE_PATH).filter((r) => r.method === 'PUT')).toHaveLength(0)

  // Fixed locally, refused by the API (a rule over the whole province): shown where it belongs.
  fireEvent.change(screen.getByLabelText('名称'), { target: { value: '平原经济开发区' } })
  fireEvent.change(screen.getByLabelText('主要数据第 1 项：年份'), { target: { value: '2025' } })
  fireEvent.click(screen.getByText('保存草稿'))
  expect(await screen.findByText('工单前缀：工单前缀 PY 已被 庆云县 使用')).toBeTruthy()
  expect(screen.getByText('有内容需要修改，请看标红的字段')).toBeTruthy()
  expect(within(fieldBlock('联系电话')).getByRole('alert').textContent).toBe('电话至少 3 位')
  // The form keeps what was typed.
  expect((screen.getByLabelText('主要数据第 1 项：年份') as HTMLInputElement).value).toBe('2025')
})

test('a supervisor publishes: unsaved edits are saved as the draft first, then published', async () => {
  signIn('supervisor')
  const calls: string[] = []
  let draft: Record<string, unknown> | null = null
  serve({
    ...catalogRoutes(),
    [ZONE_PATH]: () => ok(consoleRecord()),
    [`PUT ${ZONE_PATH}`]: ({ data }) => {
      calls.push('PUT')
      draft = data as Record<string, unknown>
      return ok(savedDraft(draft))
    },
    [`POST ${ZONE_PATH}/publish`]: () => {
      calls.push('publish')
      const published = { ...draft, updatedAt: '2026-11-21T03:05:00.000Z' }
      const result: PublishResult = {
        record: consoleRecord({ published, publishedAt: '2026-11-21T03:05:00.000Z' }),
        revision: {
          id: '6f1c5d8e-1f7a-4a7e-9f00-000000000001',
          kind: 'zones',
          recordId: 'pingyuan',
          zoneId: 'pingyuan',
          action: 'publish',
          at: '2026-11-21T03:05:00.000Z',
          by: { id: 'stf-zhang', displayName: '张三' },
          changedFields: ['supervisionHotline'],
          diff: [{ path: 'supervisionHotline', label: '监督热线', before: null, after: '0534-4212345' }],
          record: published,
          restoredRevisionId: null,
        },
        version: 'v2',
      }
      return ok(result)
    },
  })
  taroMock.setRouterParams({ kind: 'zones', id: 'pingyuan' })
  render(<StaffContentEditPage />)
  await screen.findByRole('heading', { name: '平原经济开发区' })

  fireEvent.change(screen.getByLabelText('监督热线'), { target: { value: '0534-4212345' } })
  fireEvent.click(screen.getByText('发布'))
  expect(await screen.findByText('已发布，投资者几秒内即可看到')).toBeTruthy()
  expect(calls).toEqual(['PUT', 'publish'])
  expect(draft).toMatchObject({ supervisionHotline: '0534-4212345' })
  expect(screen.getByText('已发布')).toBeTruthy()
  expect(screen.getByText('上次发布：11月21日 11:05')).toBeTruthy()
  fireEvent.click(screen.getByText('修改记录'))
  expect(taroMock.calls.navigateTo.at(-1)).toBe('/staff/revisions/index?kind=zones&id=pingyuan')
})

test('a new space listing: the park comes from the zone, a blank fact stays not provided, and the draft carries the structured fields', async () => {
  signIn('agent')
  let stored: Record<string, unknown> | null = null
  const spaceDraft = () => ({
    kind: 'spaces',
    id: 'pingyuan-space-new1',
    zoneId: 'pingyuan',
    state: 'draft',
    published: null,
    publishedAt: null,
    draft: { record: stored, savedAt: '2026-11-21T03:00:00.000Z', savedBy: { id: 'stf-zhang', displayName: '张三' } },
  })
  serve({
    ...catalogRoutes(),
    '/api/staff/content/parks': () =>
      ok({
        items: [
          {
            kind: 'parks',
            id: 'pingyuan-jingde',
            zoneId: 'pingyuan',
            title: '京德智造产业园',
            state: 'published',
            publishedAt: null,
            draftSavedAt: null,
            draftSavedBy: null,
          },
        ],
      }),
    'PUT /api/staff/content/spaces/pingyuan-space-new1': ({ data }) => {
      stored = data as Record<string, unknown>
      return ok(spaceDraft())
    },
    '/api/staff/content/spaces/pingyuan-space-new1': () => (stored ? ok(spaceDraft()) : fail(404, 'not_found', '没有这条内容')),
  })
  taroMock.setRouterParams({ kind: 'spaces', id: 'pingyuan-space-new1', zoneId: 'pingyuan', new: '1' })
  render(<StaffContentEditPage />)
  expect(await screen.findByRole('heading', { name: '新建载体' })).toBeTruthy()
  expect(screen.getByText('新建，未保存')).toBeTruthy()

  fireEvent.change(screen.getByLabelText('标题'), { target: { value: '京德智造产业园标准厂房 3 号楼' } })
  fireEvent.click(await screen.findByRole('radio', { name: '所在园区：京德智造产业园' }))
  fireEvent.click(screen.getByRole('radio', { name: '状态：可租' }))
  fireEvent.click(screen.getByLabelText('填写面积'))
  fireEvent.change(screen.getByLabelText('面积：名称'), { target: { value: '建筑面积' } })
  fireEvent.change(screen.getByLabelText('面积：数值'), { target: { value: '5000' } })
  fireEvent.change(screen.getByLabelText('面积：单位'), { target: { value: '平方米' } })
  fireEvent.change(screen.getByLabelText('层高'), { target: { value: '9' } })
  fireEvent.change(screen.getByLabelText('交付日期'), { target: { value: '2027-05-31' } })
  fireEvent.click(screen.getByText('保存草稿'))

  await waitFor(() => expect(stored).not.toBeNull())
  expect(stored).toMatchObject({
    id: 'pingyuan-space-new1',
    zoneId: 'pingyuan',
    parkId: 'pingyuan-jingde',
    type: 'factory',
    title: '京德智造产业园标准厂房 3 号楼',
    availability: 'for_rent',
    area: { label: '建筑面积', value: 5000, unit: '平方米' },
    floorHeightMeters: 9,
    price: 'not_provided',
    deliveryDate: '2027-05-31',
    photos: [],
  })
  expect(stored).not.toHaveProperty('floorLoadTonsPerSquareMeter')
  expect(await screen.findByText('草稿（未发布）')).toBeTruthy()

  // The same link opened again (a reload) shows the saved draft, not an empty form.
  cleanup()
  render(<StaffContentEditPage />)
  expect(await screen.findByRole('heading', { name: '京德智造产业园标准厂房 3 号楼' })).toBeTruthy()
})

test('without a staff session the console sends you to sign in', async () => {
  taroMock.setRouterParams({ kind: 'zones', id: 'pingyuan' })
  render(<StaffContentEditPage />)
  await waitFor(() => expect(taroMock.calls.redirectTo).toEqual(['/staff/login/index']))
})

test('photos: picked, uploaded for the zone with the staff token, described, first one the cover; a refused upload says why', async () => {
  useSession.getState().setStaff(staffSession({ role: 'admin', zoneId: null }))
  let stored: Record<string, unknown> | null = null
  serve({
    ...catalogRoutes(),
    [ZONE_PATH]: () => ok(consoleRecord()),
    [`PUT ${ZONE_PATH}`]: ({ data }) => {
      stored = data as Record<string, unknown>
      return ok(savedDraft(stored))
    },
  })
  const ids = ['9a1c2b3d-0000-4000-8000-000000000001', '9a1c2b3d-0000-4000-8000-000000000002']
  taroMock.onUpload(({ filePath }) =>
    filePath.endsWith('bad.heic')
      ? {
          statusCode: 415,
          data: JSON.stringify({ error: { code: 'unsupported_type', message: '只支持 JPEG、PNG、WebP 或 GIF 格式的图片' } }),
        }
      : {
          statusCode: 201,
          data: JSON.stringify({ id: ids.shift(), url: '/api/media/x', contentType: 'image/jpeg', size: 1, width: 1, height: 1 }),
        },
  )
  taroMock.onChooseMedia(() =>
    Promise.resolve({
      tempFiles: [
        { tempFilePath: 'tmp/gate.jpg', size: 1000, fileType: 'image' },
        { tempFilePath: 'tmp/plant.jpg', size: 1000, fileType: 'image' },
      ],
    }),
  )
  taroMock.setRouterParams({ kind: 'zones', id: 'pingyuan' })
  render(<StaffContentEditPage />)
  await screen.findByRole('heading', { name: '平原经济开发区' })

  fireEvent.click(screen.getByRole('button', { name: '添加照片' }))
  expect(await screen.findByLabelText('第 2 张照片说明')).toBeTruthy()
  const uploaded = taroMock.calls.uploads.map(({ url }) => `${new URL(url).pathname}${new URL(url).search}`)
  expect(uploaded).toEqual(['/api/staff/uploads?zoneId=pingyuan', '/api/staff/uploads?zoneId=pingyuan'])
  expect(taroMock.calls.uploads[0].header?.Authorization).toBe('Bearer staff-token')
  fireEvent.change(screen.getByLabelText('第 2 张照片说明'), { target: { value: '厂区全景' } })
  fireEvent.click(screen.getByRole('button', { name: '第 2 张设为封面' }))

  taroMock.onChooseMedia(() => Promise.resolve({ tempFiles: [{ tempFilePath: 'tmp/bad.heic', size: 1000, fileType: 'image' }] }))
  fireEvent.click(screen.getByRole('button', { name: '添加照片' }))
  expect(await screen.findByText('只支持 JPEG、PNG、WebP 或 GIF 格式的图片')).toBeTruthy()

  fireEvent.click(screen.getByText('保存草稿'))
  await waitFor(() => expect(stored).not.toBeNull())
  expect(stored!.photos).toEqual([
    { id: '9a1c2b3d-0000-4000-8000-000000000002', alt: '厂区全景' },
    { id: '9a1c2b3d-0000-4000-8000-000000000001', alt: '' },
  ])
})

test('a photo a draft saved on an earlier visit shows through its signed address (an image tag cannot send the staff token)', async () => {
  signIn('agent')
  const photoId = '9a1c2b3d-0000-4000-8000-000000000003'
  const signed = `/api/media/${photoId}?exp=1796400000&sig=c2lnbmVkLXByZXZpZXc`
  serve({
    ...catalogRoutes(),
    [ZONE_PATH]: () =>
      ok({
        ...savedDraft({ ...(pingyuan as unknown as Record<string, unknown>), photos: [{ id: photoId, alt: '园区大门' }] }),
        photoUrls: { [photoId]: signed },
      }),
  })
  taroMock.setRouterParams({ kind: 'zones', id: 'pingyuan' })
  const { container } = render(<StaffContentEditPage />)
  expect(await screen.findByDisplayValue('园区大门')).toBeTruthy()
  const src = new URL(container.querySelector('.csl-photo__image')?.getAttribute('src') ?? '')
  expect(`${src.pathname}${src.search}`).toBe(signed)
})
