import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { resetApp, staffSession } from '../../../test/jest/app-state'
import { catalogRoutes, fail, ok, serve } from '../../../test/jest/service-fixtures'
import type { Revision } from '@/types/console'
import { useSession } from '@/features/session/session-store'
import StaffRevisionsPage from './index'

beforeEach(() => resetApp())

const PATH = '/api/staff/content/zones/pingyuan'
const FIRST = '0b9f6a52-3c1e-4d5a-9e1b-000000000001'
const SECOND = '0b9f6a52-3c1e-4d5a-9e1b-000000000002'

const revision = (overrides: Partial<Revision>): Revision => ({
  id: FIRST,
  kind: 'zones',
  recordId: 'pingyuan',
  zoneId: 'pingyuan',
  action: 'import',
  at: '2026-11-01T02:00:00.000Z',
  by: null,
  changedFields: [],
  diff: [],
  record: { id: 'pingyuan', name: '平原经济开发区' },
  restoredRevisionId: null,
  ...overrides,
})

const history = [
  revision({
    id: SECOND,
    action: 'publish',
    at: '2026-11-21T03:05:00.000Z',
    by: { id: 'stf-wang', displayName: '王主管' },
    changedFields: ['contact', 'supervisionHotline'],
    diff: [
      { path: 'contact.phone', label: '联系电话', before: null, after: '0534-4211111' },
      { path: 'supervisionHotline', label: '监督热线', before: null, after: '0534-4212345' },
    ],
  }),
  revision({}),
]

test('each revision says who changed what and when, as a readable diff', async () => {
  useSession.getState().setStaff(staffSession({ role: 'agent' }))
  serve({ ...catalogRoutes(), [`${PATH}/revisions`]: () => ok({ items: history }) })
  taroMock.setRouterParams({ kind: 'zones', id: 'pingyuan' })
  render(<StaffRevisionsPage />)

  const latest = await screen.findByRole('article', { name: '发布 11月21日 11:05' })
  expect(within(latest).getByText('王主管 · 当前版本')).toBeTruthy()
  expect(
    within(latest)
      .getAllByRole('listitem')
      .map((row) => row.getAttribute('aria-label')),
  ).toEqual(['联系电话：（空） 改为 0534-4211111', '监督热线：（空） 改为 0534-4212345'])
  const imported = screen.getByRole('article', { name: '内容导入 11月1日 10:00' })
  // An import has no person behind it.
  expect(within(imported).getAllByText('内容导入')).toHaveLength(2)
  expect(screen.getByText('开发区 · 平原经济开发区')).toBeTruthy()
  // Restoring is for supervisors and admins.
  expect(screen.queryByText('恢复到这个版本')).toBeNull()
  expect(screen.getByText('恢复早先的版本需主管或管理员操作。')).toBeTruthy()
})

test('a supervisor restores an earlier revision; the list then shows the restore on top', async () => {
  useSession.getState().setStaff(staffSession({ role: 'supervisor' }))
  let reverted: unknown = null
  serve({
    ...catalogRoutes(),
    [`${PATH}/revisions`]: () =>
      ok({
        items: reverted
          ? [
              revision({
                id: '0b9f6a52-3c1e-4d5a-9e1b-000000000003',
                action: 'revert',
                at: '2026-11-21T05:00:00.000Z',
                by: { id: 'stf-zhang', displayName: '张三' },
                restoredRevisionId: FIRST,
              }),
              ...history,
            ]
          : history,
      }),
    [`POST ${PATH}/revert`]: ({ data }) => {
      reverted = data
      return ok({})
    },
  })
  taroMock.setRouterParams({ kind: 'zones', id: 'pingyuan' })
  render(<StaffRevisionsPage />)
  await screen.findByRole('article', { name: '发布 11月21日 11:05' })
  // The current version has nothing to restore to.
  expect(screen.getAllByText('恢复到这个版本')).toHaveLength(1)

  fireEvent.click(screen.getByText('恢复到这个版本'))
  expect(await screen.findByRole('article', { name: '恢复到早先版本 11月21日 13:00' })).toBeTruthy()
  expect(reverted).toEqual({ revisionId: FIRST })
})

test('a refused restore says why and keeps the list', async () => {
  useSession.getState().setStaff(staffSession({ role: 'supervisor' }))
  serve({
    ...catalogRoutes(),
    [`${PATH}/revisions`]: () => ok({ items: history }),
    [`POST ${PATH}/revert`]: () => fail(409, 'content_changed', '内容刚被其他人更新，请刷新后重试'),
  })
  taroMock.setRouterParams({ kind: 'zones', id: 'pingyuan' })
  render(<StaffRevisionsPage />)
  await screen.findByRole('article', { name: '发布 11月21日 11:05' })
  fireEvent.click(screen.getByText('恢复到这个版本'))
  expect(await screen.findByText('内容刚被其他人更新，请刷新后重试')).toBeTruthy()
  await waitFor(() => expect(screen.getByRole('article', { name: '内容导入 11月1日 10:00' })).toBeTruthy())
})
