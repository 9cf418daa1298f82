import { MatchResult } from '../../../../types/policy-match'
import { createTestApp, SETUP_TIMEOUT, type TestApp } from '../../../test-support/app'
import { ManualClock } from '../../../test-support/service'

const clock = new ManualClock('2026-11-20T02:00:00Z')
let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ clock: clock.now })
}, SETUP_TIMEOUT)
afterAll(() => t.close(), SETUP_TIMEOUT)

const match = (payload: unknown) => t.app.inject({ method: 'POST', url: '/api/policies/match', payload: payload as object })

describe('POST /api/policies/match', () => {
  it('evaluates every policy with reasons and attaches its card; fitting ones first', async () => {
    const response = await match({
      zoneId: 'qingyun',
      industry: '装备制造',
      investmentWan: 20000,
      jobs: 300,
      talentLevel: 'high',
      needsSpace: true,
    })
    expect(response.statusCode).toBe(200)
    const result = MatchResult.parse(response.json())
    const policies = (await t.app.inject({ method: 'GET', url: '/api/policies' })).json().items as { id: string }[]
    expect(result.items).toHaveLength(policies.length)
    expect(result.appliesCount).toBe(result.items.filter((item) => item.applies).length)
    const firstMiss = result.items.findIndex((item) => !item.applies)
    expect(result.items.slice(firstMiss === -1 ? result.items.length : firstMiss).every((item) => !item.applies)).toBe(true)
    for (const item of result.items) {
      expect(item.policy.id).toBe(item.policyId)
      for (const criterion of [...item.matched, ...item.unmatched]) expect(criterion.reason).toMatch(/[\u4e00-\u9fff]/)
    }
    const talent = result.items.find((item) => item.policyId === 'qingyun-talent-ten-projects')!
    expect(talent.matched.map((criterion) => criterion.key)).toContain('talentLevels')
  })

  it('refuses bad input with 400 and Chinese reasons per field', async () => {
    const response = await match({ industry: '', investmentWan: -1, jobs: 1.5, zoneId: 'mars' })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.fields).toEqual({
      industry: '请填写所属产业',
      investmentWan: '投资额不能为负数',
      jobs: '用工人数应为整数',
      zoneId: expect.stringMatching(/[\u4e00-\u9fff]/),
    })
  })
})
