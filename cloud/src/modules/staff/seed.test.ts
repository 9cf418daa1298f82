import { count } from 'drizzle-orm'
import { staff } from '../../db/schema'
import { createTestApp, SETUP_TIMEOUT, type TestApp } from '../../../test-support/app'
import { formatSeeded, seedDemoStaff } from './seed'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
}, SETUP_TIMEOUT)
afterAll(() => t.close(), SETUP_TIMEOUT)

describe('seedDemoStaff (development only)', () => {
  it(
    'creates an agent and a supervisor per zone and one admin, only when missing, with working passwords',
    async () => {
      const zones = t.app.content.current().zones
      const created = await seedDemoStaff(t.app.db, zones, new Date())
      expect(created.map((account) => account.username)).toEqual([
        ...zones.flatMap((zone) => [`${zone.id}-agent`, `${zone.id}-supervisor`]),
        'admin',
      ])
      expect(created.find((account) => account.username === 'qingyun-agent')).toMatchObject({
        role: 'agent',
        zoneId: 'qingyun',
        displayName: '庆云店小二',
      })
      expect(formatSeeded(created)).toContain('qingyun-agent')

      expect(await seedDemoStaff(t.app.db, zones, new Date())).toEqual([])
      expect((await t.app.db.select({ n: count() }).from(staff))[0].n).toBe(11)

      const agent = created.find((account) => account.username === 'pingyuan-agent')!
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/auth/staff',
        payload: { username: agent.username, password: agent.password },
      })
      expect(login.statusCode).toBe(200)
    },
    SETUP_TIMEOUT,
  )
})
