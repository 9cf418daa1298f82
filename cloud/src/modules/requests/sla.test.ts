import { and, eq, inArray } from 'drizzle-orm'
import { ServiceRequest } from '../../../../types/service'
import type { App } from '../../app'
import { outbox, requestAudit, serviceRequests } from '../../db/schema'
import { createTestApp, SETUP_TIMEOUT, type TestApp } from '../../../test-support/app'
import {
  addStaff,
  createTwoApps,
  guestToken,
  ManualClock,
  serviceTestConfig,
  staffPost,
  submit,
  type TestStaff,
  type TwoApps,
} from '../../../test-support/service'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

const auditOf = (app: App, requestId: string, action: string) =>
  app.db
    .select()
    .from(requestAudit)
    .where(and(eq(requestAudit.requestId, requestId), eq(requestAudit.action, action)))
const noticesOf = (app: App, requestId: string, kind: 'near_breach' | 'breach') =>
  app.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.requestId, requestId), eq(outbox.kind, kind)))

describe('24-hour first-response SLA (one app, controllable clock)', () => {
  const clock = new ManualClock('2026-11-20T02:00:00Z')
  let t: TestApp
  let investor: string
  let agent: TestStaff
  let supervisors: TestStaff[]
  beforeAll(async () => {
    t = await createTestApp({ clock: clock.now, config: serviceTestConfig() })
    investor = await guestToken(t.app)
    agent = await addStaff(t.app, 'agent', 'qingyun', '何小二')
    supervisors = [await addStaff(t.app, 'supervisor', 'qingyun', '吕主管'), await addStaff(t.app, 'supervisor', 'qingyun', '施主管')]
  }, SETUP_TIMEOUT)
  afterAll(() => t.close(), SETUP_TIMEOUT)

  /** A request created at the current clock; the test then moves the clock forward from there. */
  const startRequest = async () => {
    clock.set('2026-11-20T02:00:00Z')
    return submit(t.app, investor, { zoneId: 'qingyun', parkId: undefined })
  }
  const at = (ms: number) => clock.set(new Date(Date.parse('2026-11-20T02:00:00Z') + ms))

  it('reminds once at T-2h and escalates once at the deadline', async () => {
    const request = await startRequest()
    await staffPost(t.app, agent.token, `/api/staff/requests/${request.id}/claim`)

    at(22 * HOUR - MINUTE)
    expect(await t.app.jobs.runSla()).toEqual({ reminded: 0, escalated: 0 })
    at(22 * HOUR)
    expect(await t.app.jobs.runSla()).toEqual({ reminded: 1, escalated: 0 })
    at(23 * HOUR)
    expect(await t.app.jobs.runSla()).toEqual({ reminded: 0, escalated: 0 })
    const reminders = await noticesOf(t.app, request.id, 'near_breach')
    expect(reminders).toHaveLength(1)
    expect(reminders[0].recipients).toEqual([agent.id])
    expect(reminders[0].payload.markdown).toContain('请 何小二 尽快答复')

    at(24 * HOUR - 1)
    expect((await t.app.jobs.runSla()).escalated).toBe(0)
    at(24 * HOUR)
    expect(await t.app.jobs.runSla()).toEqual({ reminded: 0, escalated: 1 })
    at(30 * HOUR)
    expect(await t.app.jobs.runSla()).toEqual({ reminded: 0, escalated: 0 })

    const [row] = await t.app.db.select().from(serviceRequests).where(eq(serviceRequests.id, request.id))
    expect(row).toMatchObject({ escalated: true, breachedAt: new Date('2026-11-21T02:00:00Z') })
    expect(await auditOf(t.app, request.id, 'escalated')).toEqual([
      expect.objectContaining({ actorKind: 'system', detail: expect.objectContaining({ reason: 'first_response_breach' }) }),
    ])
    const breaches = await noticesOf(t.app, request.id, 'breach')
    expect(breaches).toHaveLength(1)
    expect(breaches[0].recipients.sort()).toEqual(supervisors.map((member) => member.id).sort())
    expect(breaches[0].payload.markdown).toMatch(/已升级至主管：(吕主管、施主管|施主管、吕主管)/)
    expect(JSON.stringify(breaches[0].payload)).not.toContain('13800001111')

    // The investor sees the escalation flag; the staff audit names the system as actor.
    const view = ServiceRequest.parse(
      (await t.app.inject({ method: 'GET', url: `/api/requests/${request.id}`, headers: { authorization: `Bearer ${investor}` } })).json(),
    )
    expect(view.escalated).toBe(true)
  })

  it('reminds every agent of the zone while nobody has taken the request', async () => {
    const request = await startRequest()
    at(22 * HOUR + 30 * MINUTE)
    await t.app.jobs.runSla()
    const [reminder] = await noticesOf(t.app, request.id, 'near_breach')
    expect(reminder.recipients).toEqual([agent.id])
    expect(reminder.payload.markdown).toContain('尚未受理')
  })

  it('the first public reply stops the clock: no reminder, no escalation', async () => {
    const request = await startRequest()
    at(HOUR)
    await staffPost(t.app, agent.token, `/api/staff/requests/${request.id}/replies`, { body: '您好，已收到您的需求。' })
    for (const hours of [22, 24, 48]) {
      at(hours * HOUR)
      await t.app.jobs.runSla()
    }
    expect(await noticesOf(t.app, request.id, 'near_breach')).toHaveLength(0)
    expect(await noticesOf(t.app, request.id, 'breach')).toHaveLength(0)
    const [row] = await t.app.db.select().from(serviceRequests).where(eq(serviceRequests.id, request.id))
    expect(row.escalated).toBe(false)
  })

  it('internal notes and claiming do not stop the clock', async () => {
    const request = await startRequest()
    at(HOUR)
    await staffPost(t.app, agent.token, `/api/staff/requests/${request.id}/claim`)
    await staffPost(t.app, agent.token, `/api/staff/requests/${request.id}/notes`, { body: '已电话联系，稍后书面答复' })
    at(22 * HOUR)
    await t.app.jobs.runSla()
    at(24 * HOUR)
    await t.app.jobs.runSla()
    expect(await noticesOf(t.app, request.id, 'near_breach')).toHaveLength(1)
    expect(await noticesOf(t.app, request.id, 'breach')).toHaveLength(1)
  })

  it('withdrawn and resolved requests are left alone', async () => {
    const withdrawn = await startRequest()
    await t.app.inject({
      method: 'POST',
      url: `/api/requests/${withdrawn.id}/withdraw`,
      headers: { authorization: `Bearer ${investor}` },
      payload: {},
    })
    const resolved = await startRequest()
    await staffPost(t.app, agent.token, `/api/staff/requests/${resolved.id}/status`, { status: 'accepted' })
    await staffPost(t.app, agent.token, `/api/staff/requests/${resolved.id}/status`, { status: 'resolved' })
    at(25 * HOUR)
    await t.app.jobs.runSla()
    for (const id of [withdrawn.id, resolved.id]) expect(await noticesOf(t.app, id, 'breach')).toHaveLength(0)
  })
})

describe('several API processes on one database', () => {
  const clock = new ManualClock('2026-11-20T02:00:00Z')
  let two: TwoApps
  beforeAll(async () => {
    two = await createTwoApps({ clock: clock.now, config: serviceTestConfig() })
  }, SETUP_TIMEOUT)
  afterAll(() => two.close(), SETUP_TIMEOUT)

  it('remind and escalate each request exactly once when both run the SLA job at the same time', async () => {
    const [first, second] = two.apps
    await addStaff(first, 'supervisor', 'pingyuan', '陈主管')
    const investor = await guestToken(first)
    const requests = []
    for (let index = 0; index < 12; index++) requests.push(await submit(index % 2 ? first : second, investor))
    const ids = requests.map((request) => request.id)

    clock.advance(22 * HOUR + MINUTE)
    const reminded = await Promise.all([first.jobs.runSla(), second.jobs.runSla(), first.jobs.runSla(), second.jobs.runSla()])
    expect(reminded.reduce((sum, result) => sum + result.reminded, 0)).toBe(12)

    clock.advance(2 * HOUR)
    const escalated = await Promise.all([first.jobs.runSla(), second.jobs.runSla(), first.jobs.runSla(), second.jobs.runSla()])
    expect(escalated.reduce((sum, result) => sum + result.escalated, 0)).toBe(12)

    const audit = await first.db
      .select()
      .from(requestAudit)
      .where(and(inArray(requestAudit.requestId, ids), inArray(requestAudit.action, ['sla_reminder', 'escalated'])))
    const notices = await first.db
      .select()
      .from(outbox)
      .where(and(inArray(outbox.requestId, ids), inArray(outbox.kind, ['near_breach', 'breach'])))
    for (const id of ids) {
      expect(
        audit
          .filter((entry) => entry.requestId === id)
          .map((entry) => entry.action)
          .sort(),
      ).toEqual(['escalated', 'sla_reminder'])
      expect(
        notices
          .filter((notice) => notice.requestId === id)
          .map((notice) => notice.kind)
          .sort(),
      ).toEqual(['breach', 'near_breach'])
    }
  })
})

describe('SLA clock from the environment (SLA_FIRST_RESPONSE_MINUTES, SLA_REMINDER_MINUTES)', () => {
  const clock = new ManualClock('2026-11-20T02:00:00Z')
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({
      clock: clock.now,
      config: serviceTestConfig({ SLA_FIRST_RESPONSE_MINUTES: '60', SLA_REMINDER_MINUTES: '10' }),
    })
  }, SETUP_TIMEOUT)
  afterAll(() => t.close(), SETUP_TIMEOUT)

  it('sets the first-response deadline and reminds and escalates by it', async () => {
    const request = await submit(t.app, await guestToken(t.app), { zoneId: 'yunhe', parkId: undefined })
    expect(request.firstResponseDueAt).toBe('2026-11-20T03:00:00.000Z')
    clock.set('2026-11-20T02:49:00Z')
    expect(await t.app.jobs.runSla()).toEqual({ reminded: 0, escalated: 0 })
    clock.set('2026-11-20T02:50:00Z')
    expect(await t.app.jobs.runSla()).toEqual({ reminded: 1, escalated: 0 })
    clock.set('2026-11-20T03:00:00Z')
    expect(await t.app.jobs.runSla()).toEqual({ reminded: 0, escalated: 1 })
    expect(await auditOf(t.app, request.id, 'escalated')).toHaveLength(1)
  })
})
