import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { resetApp, staffSession } from '../../../test/jest/app-state'
import { ok, requestsTo, serve } from '../../../test/jest/service-fixtures'
import { staffProject } from '../../../test/jest/tracking-fixtures'
import { PROJECT_STAGES, PROJECT_STAGE_LABELS } from '@/types/project-stages'
import { useSession } from '@/features/session/session-store'
import StaffWeeklyPage from './index'

beforeEach(() => {
  resetApp()
  useSession.getState().setStaff(staffSession({ role: 'supervisor' }))
})

const summary = (weekStart: string, weekEnd: string) => ({
  zoneId: 'pingyuan',
  weekStart,
  weekEnd,
  projectCount: 2,
  byStage: [
    ...PROJECT_STAGES.map((stage) => ({
      stage,
      label: PROJECT_STAGE_LABELS[stage],
      count: stage === 'completed' ? 1 : stage === 'signed' ? 1 : 0,
    })),
    { stage: 'done', label: '已全部完成', count: 0 },
  ],
  overdue: [{ ...staffProject().card, id: 'pingyuan-strike-uav', name: '查打一体无人机项目', overdue: true, overdueStages: ['signed'] }],
  completed: [
    {
      projectId: 'pingyuan-jingde-park',
      projectName: '京德智造产业园',
      stage: 'started',
      actualDate: weekStart,
      zoneName: '平原经济开发区',
    },
  ],
  blocked: [],
})

test('shows the week by stage, the overdue projects and the stages completed; moves a week back', async () => {
  serve({
    '/api/staff/project-summary': ({ url }) =>
      ok(
        new URL(url).searchParams.get('week') === '2026-11-09' ? summary('2026-11-09', '2026-11-15') : summary('2026-11-16', '2026-11-22'),
      ),
  })
  render(<StaffWeeklyPage />)
  expect(await screen.findByText('2026-11-16 至 2026-11-22')).toBeTruthy()
  expect(screen.getByRole('listitem', { name: '竣工 1 个' })).toBeTruthy()
  expect(screen.getByText('查打一体无人机项目：签约')).toBeTruthy()
  expect(screen.getByText('2026-11-16 京德智造产业园 · 开工')).toBeTruthy()

  fireEvent.click(screen.getByText('‹ 上一周'))
  expect(await screen.findByText('2026-11-09 至 2026-11-15')).toBeTruthy()
  await waitFor(() => expect(new URL(requestsTo('/api/staff/project-summary').at(-1)!.url).searchParams.get('week')).toBe('2026-11-09'))
})
