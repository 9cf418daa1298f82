import { MatchResult } from '../../../../types/policy-match'
import { PolicyPage } from '../../../../types/content-api'
import { gunzipSync } from 'node:zlib'
import { createTestApp, SETUP_TIMEOUT, type TestApp } from '../../../test-support/app'
import { ManualClock } from '../../../test-support/service'

const clock = new ManualClock('2026-11-20T02:00:00Z')
let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ clock: clock.now })
}, SETUP_TIMEOUT)
afterAll(() => t.close(), SETUP_TIMEOUT)

const match = (payload: unknown, query = '', headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: `/api/policies/match${query}`, payload: payload as object, headers })

const project = { industry: 'equipment', investmentWan: 20000, jobs: 300, talentLevel: 'high', needsSpace: true }

const supportPolicies = async (zoneId?: string) => {
  const page = PolicyPage.parse((await t.app.inject({ method: 'GET', url: `/api/policies?limit=50${zoneId ? `&zoneId=${zoneId}` : ''}` })).json())
  return page.items.filter((card) => card.kind === 'support')
}

describe('POST /api/policies/match', () => {
  it('evaluates only the chosen zone’s support policies, with reasons and cards; its requirements apart', async () => {
    const response = await match({ ...project, zoneIds: ['qingyun'] })
    expect(response.statusCode).toBe(200)
    const result = MatchResult.parse(response.json())
    const qingyun = await supportPolicies('qingyun')
    expect(result.items.map((item) => item.policyId).sort()).toEqual(qingyun.map((card) => card.id).sort())
    expect(result.total).toBe(qingyun.length)
    expect(result.items.every((item) => item.policy.zoneId === 'qingyun' && item.policy.id === item.policyId)).toBe(true)
    expect(result.requirements.map((card) => card.id)).toEqual(['qingyun-three-not-select'])
    expect(result.appliesCount).toBe(result.items.filter((item) => item.applies).length)
    for (const item of result.items) {
      for (const criterion of [...item.matched, ...item.unmatched, ...item.unconfirmed]) expect(criterion.reason).toMatch(/[\u4e00-\u9fff]/)
      // No seed policy gives dates: none can be "在有效期内".
      expect(item.matched.map((criterion) => criterion.key)).not.toContain('validity')
    }
  })

  it('matches every zone when none is chosen, ranked and paged', async () => {
    const all = await supportPolicies()
    const first = MatchResult.parse((await match(project, '?limit=4')).json())
    expect(first.total).toBe(all.length)
    expect(first.items).toHaveLength(4)
    const second = MatchResult.parse((await match(project, `?limit=4&cursor=${first.nextCursor}`)).json())
    expect(second.requirements).toEqual([])
    const seen = [...first.items, ...second.items].map((item) => item.policyId)
    expect(new Set(seen).size).toBe(8)
    const rank = { applies: 0, unconfirmed: 1, not_applicable: 2 }
    const verdicts = [...first.items, ...second.items].map((item) => rank[item.verdict])
    expect(verdicts).toEqual([...verdicts].sort((a, b) => a - b))
    // A cursor continues only the input it came from.
    const other = await match({ ...project, jobs: 1 }, `?limit=4&cursor=${first.nextCursor}`)
    expect(other.statusCode).toBe(400)
    expect(other.json().error.code).toBe('invalid_cursor')
  })

  it('answers the same bytes for inputs that normalize alike, gzipped on request', async () => {
    const a = await match({ ...project, zoneIds: ['yunhe', 'pingyuan'] })
    const b = await match({ ...project, zoneIds: ['pingyuan', 'yunhe', 'pingyuan'] })
    expect(b.body).toBe(a.body)
    expect(b.headers.etag).toBe(a.headers.etag)
    const gzipped = await match({ ...project, zoneIds: ['yunhe', 'pingyuan'] }, '', { 'accept-encoding': 'gzip' })
    if (a.rawPayload.length >= 1024) {
      expect(gzipped.headers['content-encoding']).toBe('gzip')
      expect(gunzipSync(gzipped.rawPayload).toString('utf8')).toBe(a.body)
    }
  })

  it('refuses bad input with 400 and Chinese reasons per field', async () => {
    const response = await match({ industry: '', investmentWan: -1, jobs: 1.5, zoneIds: ['Mars!'] })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.fields).toEqual({
      industry: '请选择产业',
      investmentWan: '投资额不能为负数',
      jobs: '用工人数应为整数',
      'zoneIds.0': '开发区编号应为 2–32 位小写字母、数字或连字符，以字母开头',
    })
    const unknown = await match({ ...project, zoneIds: ['pingyuan', 'mars'] })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().error.fields).toEqual({ 'zoneIds.1': '没有这个开发区' })
  })
})
