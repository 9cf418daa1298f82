import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { resetApp, staffSession } from '../../../test/jest/app-state'
import { fail, ok, requestsTo, serve } from '../../../test/jest/service-fixtures'
import { staffProject, staffStages } from '../../../test/jest/tracking-fixtures'
import { useSession } from '@/features/session/session-store'
import StaffProjectPage from './index'

const PATH = '/api/staff/projects/pingyuan-jingde-park'

beforeEach(() => {
  resetApp()
  useSession.getState().setStaff(staffSession())
  taroMock.setRouterParams({ id: 'pingyuan-jingde-park' })
})

test('the 专班 updates a stage; the refusal reason shows under its field; the audit trail reads as sentences', async () => {
  let detail = staffProject()
  serve({
    [PATH]: () => ok(detail),
    [`PUT ${PATH}/stages/completed`]: ({ data }) => {
      const body = data as { state: string; plannedDate: string | null }
      if (body.plannedDate === '2026-13-01')
        return fail(400, 'validation_error', '请求参数有误', { plannedDate: '日期应为有效的 YYYY-MM-DD' })
      detail = staffProject(
        {},
        staffStages({
          completed: {
            state: 'blocked',
            blocker: '电力增容审批未完成',
            plannedDate: body.plannedDate,
            updatedBy: '张三',
            updatedAt: '2026-11-18T02:00:00.000Z',
          },
        }),
      )
      return ok(detail)
    },
  })
  render(<StaffProjectPage />)
  expect(await screen.findByRole('heading', { name: '京德智造产业园' })).toBeTruthy()
  expect(screen.getByText('竣工：状态 未开始 → 进行中；计划日期 空 → 2026-12-20')).toBeTruthy()

  fireEvent.click(screen.getByText('更新竣工'))
  fireEvent.click(screen.getByRole('radio', { name: '阶段状态：受阻' }))
  fireEvent.change(screen.getByLabelText('计划日期'), { target: { value: '2026-13-01' } })
  fireEvent.click(screen.getByText('保存'))
  expect(await screen.findByText('请说明受阻原因')).toBeTruthy()
  expect(requestsTo(`${PATH}/stages/completed`)).toHaveLength(0)

  fireEvent.change(screen.getByLabelText('受阻原因'), { target: { value: '电力增容审批未完成' } })
  fireEvent.click(screen.getByText('保存'))
  expect(await screen.findByText('日期应为有效的 YYYY-MM-DD')).toBeTruthy()

  fireEvent.change(screen.getByLabelText('计划日期'), { target: { value: '2026-12-20' } })
  fireEvent.click(screen.getByText('保存'))
  expect(await screen.findByText('受阻原因：电力增容审批未完成')).toBeTruthy()
  expect(requestsTo(`${PATH}/stages/completed`).at(-1)?.data).toEqual({
    state: 'blocked',
    plannedDate: '2026-12-20',
    actualDate: null,
    note: null,
    blocker: '电力增容审批未完成',
  })
  expect(screen.getByRole('listitem', { name: '第 7 步 竣工，受阻' })).toBeTruthy()
})

test('a blocked stage turns into a 店小二 request with one tap; an invite shows its code once and copies it', async () => {
  let detail = staffProject({}, staffStages({ completed: { state: 'blocked', blocker: '电力增容审批未完成' } }))
  serve({
    [PATH]: () => ok(detail),
    [`POST ${PATH}/stages/completed/request`]: () => {
      detail = staffProject(
        {},
        staffStages({
          completed: { state: 'blocked', blocker: '电力增容审批未完成', blockerRequest: { id: 'req-9', ticketNo: 'PY-20261118-0001' } },
        }),
      )
      return ok({ requestId: 'req-9', ticketNo: 'PY-20261118-0001' })
    },
    [`POST ${PATH}/invites`]: () => {
      detail = {
        ...detail,
        invites: [{ createdAt: '2026-11-18T02:00:00.000Z', expiresAt: '2026-11-25T02:00:00.000Z', usedAt: null, createdBy: '张三' }],
      }
      return ok({ code: 'K7P3XQ9M', expiresAt: '2026-11-25T02:00:00.000Z', path: 'pages/claim/index?code=K7P3XQ9M' }, 201)
    },
  })
  render(<StaffProjectPage />)
  fireEvent.click(await screen.findByText('转为店小二请求'))
  expect(await screen.findByText('已转为店小二请求 PY-20261118-0001，可在工作台跟进。')).toBeTruthy()
  fireEvent.click(screen.getByText('已转为店小二请求 PY-20261118-0001 ›'))
  expect(taroMock.calls.navigateTo.at(-1)).toBe('/staff/request/index?id=req-9')

  fireEvent.click(screen.getByText('生成邀请码'))
  const code = await screen.findByText('K7P3XQ9M')
  expect(within(code.parentElement as HTMLElement).getByText(/邀请码只显示这一次/)).toBeTruthy()
  // The share card of this page now carries the claim page with the code.
  expect(taroMock.share.appMessage?.()).toMatchObject({ path: '/pages/claim/index?code=K7P3XQ9M' })
  fireEvent.click(screen.getByText('复制邀请码'))
  expect(taroMock.calls.clipboard).toEqual(['园区通邀请码：K7P3XQ9M'])
})

test('a colleague outside the 专班 reads but cannot change anything', async () => {
  serve({ [PATH]: () => ok(staffProject({ canEdit: false })) })
  render(<StaffProjectPage />)
  expect(await screen.findByText('只有该项目的专班成员和本开发区主管可以更新进度。')).toBeTruthy()
  expect(screen.queryByText('更新竣工')).toBeNull()
  expect(screen.queryByText('生成邀请码')).toBeNull()
  expect(screen.queryByText('记录评议')).toBeNull()
})

test("supervisors set the 包挂领导 and 专班 from the zone's colleagues", async () => {
  useSession.getState().setStaff(staffSession({ id: 'stf-chen', displayName: '陈主管', role: 'supervisor' }))
  serve({
    [PATH]: () => ok(staffProject({ canManage: true })),
    '/api/staff/members': () =>
      ok({
        items: [
          { id: 'stf-chen', displayName: '陈主管', role: 'supervisor' },
          { id: 'stf-zhang', displayName: '张三', role: 'agent' },
          { id: 'stf-li', displayName: '李四', role: 'agent' },
        ],
      }),
    [`PUT ${PATH}/team`]: () => ok(staffProject({ canManage: true })),
  })
  render(<StaffProjectPage />)
  fireEvent.click(await screen.findByText('设置包挂领导和专班'))
  await waitFor(() => expect(screen.getByRole('checkbox', { name: '专班成员：李四' })).toBeTruthy())
  fireEvent.click(screen.getByRole('checkbox', { name: '专班成员：李四' }))
  fireEvent.click(screen.getByText('保存'))
  await waitFor(() => expect(requestsTo(`${PATH}/team`)).toHaveLength(1))
  // The contact is left out: its number is only known masked, and it did not change.
  expect(requestsTo(`${PATH}/team`)[0].data).toEqual({ leaderId: 'stf-chen', memberIds: ['stf-zhang', 'stf-li'] })
})
