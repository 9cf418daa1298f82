import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { resetApp, staffSession } from '../../../test/jest/app-state'
import { catalogRoutes, ok, requestsTo, serve } from '../../../test/jest/service-fixtures'
import { staffProject } from '../../../test/jest/tracking-fixtures'
import { useSession } from '@/features/session/session-store'
import StaffProjectsPage from './index'

beforeEach(() => {
  resetApp()
  useSession.getState().setStaff(staffSession({ role: 'supervisor' }))
})

const late = {
  ...staffProject().card,
  id: 'pingyuan-strike-uav',
  name: '查打一体无人机项目',
  parkName: null,
  currentStage: 'signed' as const,
  currentState: 'in_progress' as const,
  overdue: true,
  overdueStages: ['signed' as const],
  schedule: 'red' as const,
  nextDue: { stage: 'signed' as const, plannedDate: '2026-11-25' },
}
const onTrack = staffProject().card
const board = (items = [late, onTrack]) => ok({ items, counts: { total: items.length, red: 1, amber: 0, green: 1, overdue: 1 } })

test('lists projects red first with what is late, filters through the API and opens a project', async () => {
  serve({ ...catalogRoutes(), '/api/staff/projects': () => board() })
  render(<StaffProjectsPage />)
  const rows = await screen.findAllByRole('listitem')
  expect(rows.map((row) => row.getAttribute('aria-label'))).toEqual([
    '查打一体无人机项目，滞后，签约 · 逾期',
    '京德智造产业园，正常，竣工 · 进行中',
  ])
  expect(within(rows[0]).getByText('逾期：签约')).toBeTruthy()
  expect(within(rows[1]).getByText('包挂领导：陈主管 · 专班 1 人')).toBeTruthy()
  expect(screen.getByText('共 2 个项目 · 滞后 1 · 临近 0 · 正常 1 · 有逾期 1')).toBeTruthy()

  fireEvent.click(screen.getByText('只看逾期'))
  await waitFor(() => expect(requestsTo('/api/staff/projects').at(-1)?.url).toContain('overdue=true'))
  fireEvent.click(screen.getByRole('radio', { name: '当前阶段：施工许可' }))
  await waitFor(() => expect(new URL(requestsTo('/api/staff/projects').at(-1)!.url).searchParams.get('stage')).toBe('permit'))
  fireEvent.click(screen.getByRole('radio', { name: '包挂领导：陈主管' }))
  await waitFor(() => expect(new URL(requestsTo('/api/staff/projects').at(-1)!.url).searchParams.get('leaderId')).toBe('stf-chen'))
  expect(requestsTo('/api/staff/projects').at(-1)?.header?.Authorization).toBe('Bearer staff-token')

  fireEvent.click(screen.getAllByRole('listitem')[0])
  expect(taroMock.calls.navigateTo.at(-1)).toBe('/staff/project/index?id=pingyuan-strike-uav')
})

test('without a staff session it goes to the staff login', () => {
  useSession.getState().setStaff(null)
  render(<StaffProjectsPage />)
  expect(taroMock.calls.redirectTo).toEqual(['/staff/login/index'])
  expect(taroMock.calls.requests).toHaveLength(0)
})
