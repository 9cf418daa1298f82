import { inArray } from 'drizzle-orm'
import { outbox, projectAudit } from '../../db/schema'
import { SETUP_TIMEOUT } from '../../../test-support/app'
import { addStaff, bearer, createTwoApps, ManualClock, serviceTestConfig, type TwoApps } from '../../../test-support/service'

// Run on PostgreSQL by the API suite's PostgreSQL run (bash test/pg/with-postgres.sh npm run test:api):
// two apps with their own connection pools on one database, as two API processes would be.

describe('stage reminders and escalations with two API processes on one database', () => {
  const clock = new ManualClock('2026-11-18T01:00:00Z')
  let two: TwoApps
  beforeAll(async () => {
    two = await createTwoApps({ clock: clock.now, config: serviceTestConfig() })
  }, SETUP_TIMEOUT)
  afterAll(() => two.close(), SETUP_TIMEOUT)

  it('each due stage is reminded once and each overdue stage escalated once, whichever process runs the job', async () => {
    const [first, second] = two.apps
    const leader = await addStaff(first, 'supervisor', 'yunhe', '钱主管')
    const projects = first.content.bundle.signedProjects.filter((project) => project.zoneId === 'yunhe').map((project) => project.id)
    const stages = ['land', 'permit', 'completed'] as const
    let index = 0
    for (const id of projects) {
      const app = index++ % 2 ? first : second
      const team = await app.inject({
        method: 'PUT',
        url: `/api/staff/projects/${id}/team`,
        headers: bearer(leader.token),
        payload: { leaderId: leader.id, memberIds: [], contactName: null, contactMobile: null },
      })
      expect(team.statusCode).toBe(200)
      for (const stage of stages) {
        const response = await app.inject({
          method: 'PUT',
          url: `/api/staff/projects/${id}/stages/${stage}`,
          headers: bearer(leader.token),
          payload: { state: 'in_progress', plannedDate: '2026-11-20' },
        })
        expect(response.statusCode).toBe(200)
      }
    }
    const expected = projects.length * stages.length

    const run = () =>
      Promise.all([
        first.jobs.runStageReminders(),
        second.jobs.runStageReminders(),
        first.jobs.runStageReminders(),
        second.jobs.runStageReminders(),
      ])
    const reminded = await run()
    expect(reminded.reduce((sum, result) => sum + result.reminded, 0)).toBe(expected)
    clock.advance(3 * 24 * 3600_000)
    const escalated = await run()
    expect(escalated.reduce((sum, result) => sum + result.escalated, 0)).toBe(expected)
    expect((await run()).reduce((sum, result) => sum + result.reminded + result.escalated, 0)).toBe(0)

    const notices = (
      await first.db
        .select()
        .from(outbox)
        .where(inArray(outbox.kind, ['stage_reminder', 'stage_overdue']))
    ).filter((row) => projects.includes(String(row.payload.projectId)))
    const audit = await first.db
      .select()
      .from(projectAudit)
      .where(inArray(projectAudit.action, ['stage_reminder', 'stage_overdue']))
    for (const id of projects) {
      for (const stage of stages) {
        const mine = notices.filter((row) => row.payload.projectId === id && row.payload.stage === stage)
        expect(mine.map((row) => row.kind).sort()).toEqual(['stage_overdue', 'stage_reminder'])
        expect(mine.every((row) => row.recipients.length === 1 && row.recipients[0] === leader.id)).toBe(true)
        const entries = audit.filter((entry) => entry.projectId === id && (entry.detail as { stage?: string }).stage === stage)
        expect(entries.map((entry) => entry.action).sort()).toEqual(['stage_overdue', 'stage_reminder'])
      }
    }
  }, 120_000)
})
