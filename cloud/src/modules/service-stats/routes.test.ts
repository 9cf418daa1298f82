import { ZoneServiceStats } from '../../../../types/service'
import { createTestApp, SETUP_TIMEOUT, type TestApp } from '../../../test-support/app'
import { addStaff, bearer, guestToken, ManualClock, serviceTestConfig, staffPost, submit } from '../../../test-support/service'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const clock = new ManualClock('2026-11-20T02:00:00Z')
let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ clock: clock.now, config: serviceTestConfig() })
}, SETUP_TIMEOUT)
afterAll(() => t.close(), SETUP_TIMEOUT)

const stats = async (zoneId: string) => {
  const response = await t.app.inject({ method: 'GET', url: `/api/zones/${zoneId}/service-stats` })
  expect(response.statusCode).toBe(200)
  expect(response.headers['cache-control']).toBe('public, max-age=300')
  return ZoneServiceStats.parse(response.json())
}

describe('GET /api/zones/:id/service-stats', () => {
  it('is null-valued while a zone has no requests', async () => {
    expect(await stats('yunhe')).toEqual({
      zoneId: 'yunhe',
      periodDays: 90,
      requestCount: 0,
      respondedWithin24hShare: null,
      satisfactionShare: null,
      ratedCount: 0,
    })
  })

  it('counts the last 90 days: answered within 24 h among those due, and the share of 4–5 ratings', async () => {
    const investor = await guestToken(t.app)
    const agent = await addStaff(t.app, 'agent', 'qingyun')
    clock.set('2026-07-01T02:00:00Z')
    await submit(t.app, investor, { zoneId: 'qingyun', parkId: undefined }) // older than 90 days at the end
    clock.set('2026-11-01T02:00:00Z')
    const answered = await submit(t.app, investor, { zoneId: 'qingyun', parkId: undefined })
    await submit(t.app, investor, { zoneId: 'qingyun', parkId: undefined }) // never answered, now overdue
    clock.advance(2 * HOUR)
    await staffPost(t.app, agent.token, `/api/staff/requests/${answered.id}/replies`, { body: '您好' })
    await staffPost(t.app, agent.token, `/api/staff/requests/${answered.id}/status`, { status: 'resolved' })
    await t.app.inject({ method: 'POST', url: `/api/requests/${answered.id}/rating`, headers: bearer(investor), payload: { score: 4 } })
    clock.set('2026-11-20T02:00:00Z')
    await submit(t.app, investor, { zoneId: 'qingyun', parkId: undefined }) // just in: not yet due, not counted as late

    expect(await stats('qingyun')).toEqual({
      zoneId: 'qingyun',
      periodDays: 90,
      requestCount: 3,
      respondedWithin24hShare: 0.5,
      satisfactionShare: 1,
      ratedCount: 1,
    })
  })

  it('serves a zone from memory for 5 minutes, then counts again; other zones are not held back', async () => {
    const investor = await guestToken(t.app)
    clock.set('2026-12-01T02:00:00Z')
    const before = await stats('zouping')
    await submit(t.app, investor, { zoneId: 'zouping', parkId: undefined })
    await submit(t.app, investor, { zoneId: 'gaoqing', parkId: undefined })
    expect(await stats('zouping')).toEqual(before) // the new request is not counted yet
    expect((await stats('gaoqing')).requestCount).toBe(1) // first asked now: counted
    clock.advance(5 * MINUTE - 1)
    expect(await stats('zouping')).toEqual(before)
    clock.advance(1)
    expect((await stats('zouping')).requestCount).toBe(before.requestCount + 1)
    // The figures computed just now are served for the next 5 minutes in their turn.
    await submit(t.app, investor, { zoneId: 'zouping', parkId: undefined })
    clock.advance(4 * MINUTE)
    expect((await stats('zouping')).requestCount).toBe(before.requestCount + 1)
  })

  it('answers 404 for an unknown zone', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/zones/atlantis/service-stats' })
    expect(response.statusCode).toBe(404)
  })
})
