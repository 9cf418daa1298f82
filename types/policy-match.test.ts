import { NOT_PROVIDED } from './vocabulary'
import type { Policy } from './content'
import { isExpired } from './cards'
import { MatchInput, evaluatePolicy, matchPolicies } from './policy-match'

const base: Policy = {
  id: 'yunhe-big-projects',
  zoneId: 'yunhe',
  parkIds: [],
  title: '政策向大项目倾斜',
  category: 'industry',
  summary: '将精力向大项目集中、资源向大项目汇聚、政策向大项目倾斜。',
  eligibility: NOT_PROVIDED,
  benefits: NOT_PROVIDED,
  amount: NOT_PROVIDED,
  howToApply: NOT_PROVIDED,
  validFrom: NOT_PROVIDED,
  validTo: NOT_PROVIDED,
  issuer: NOT_PROVIDED,
  criteria: { minInvestmentWan: 50000 },
  source: '004_85ff54eba2222c35.txt',
}
const talent: Policy = { ...base, id: 'qingyun-talent', zoneId: 'qingyun', category: 'talent', criteria: { talentLevels: ['high', 'top'] } }
const factory: Policy = {
  ...base,
  id: 'pingyuan-factory',
  zoneId: 'pingyuan',
  category: 'land',
  criteria: { needsSpace: true, industries: ['智造', '高科技'] },
}
const names = { yunhe: '运河经济开发区', qingyun: '庆云县', pingyuan: '平原经济开发区' }
const input = (overrides: Partial<MatchInput> = {}): MatchInput =>
  MatchInput.parse({ industry: '智造装备', investmentWan: 60000, jobs: 200, ...overrides })

test('a project that meets every criterion gets the policy, with reasons', () => {
  const result = evaluatePolicy(base, input({ zoneId: 'yunhe' }), names.yunhe, '2026-11-21')
  expect(result.applies).toBe(true)
  expect(result.unmatched).toEqual([])
  expect(result.matched.map((c) => c.key)).toEqual(['zone', 'validity', 'minInvestmentWan'])
  expect(result.matched[2].requirement).toBe('计划投资不低于 5 亿元')
})

test('an investment below the threshold is explained, not just filtered', () => {
  const result = evaluatePolicy(base, input({ investmentWan: 8000 }), names.yunhe, '2026-11-21')
  expect(result.applies).toBe(false)
  expect(result.unmatched).toEqual([{ key: 'minInvestmentWan', requirement: '计划投资不低于 5 亿元', reason: '计划投资 8000 万元' }])
})

test('another zone does not match when the investor picked one', () => {
  const result = evaluatePolicy(base, input({ zoneId: 'qingyun' }), names.yunhe, '2026-11-21')
  expect(result.unmatched.map((c) => c.key)).toEqual(['zone'])
  expect(result.unmatched[0].reason).toBe('意向区域不同')
})

test('talent level and space needs are checked against the project', () => {
  expect(evaluatePolicy(talent, input({ talentLevel: 'high' }), names.qingyun, '2026-11-21').applies).toBe(true)
  expect(evaluatePolicy(talent, input({ talentLevel: 'skilled' }), names.qingyun, '2026-11-21').unmatched[0].key).toBe('talentLevels')
  const noSpace = evaluatePolicy(factory, input({ needsSpace: false }), names.pingyuan, '2026-11-21')
  expect(noSpace.unmatched.map((c) => c.key)).toEqual(['needsSpace'])
})

test('industry keywords match as substrings either way', () => {
  expect(evaluatePolicy(factory, input({ needsSpace: true, industry: '智造' }), names.pingyuan, '2026-11-21').applies).toBe(true)
  const off = evaluatePolicy(factory, input({ needsSpace: true, industry: '文旅' }), names.pingyuan, '2026-11-21')
  expect(off.unmatched[0]).toMatchObject({ key: 'industries', reason: '“文旅”不在支持的产业方向内' })
})

test('expired policies never apply and sort last', () => {
  const old: Policy = { ...base, id: 'old', criteria: {}, validTo: '2025-12-31' }
  expect(isExpired(old, '2026-11-21')).toBe(true)
  expect(isExpired(base, '2026-11-21')).toBe(false)
  const results = matchPolicies([old, talent, base], input({ talentLevel: 'top' }), names, '2026-11-21')
  expect(results.map((r) => [r.policyId, r.applies])).toEqual([
    ['qingyun-talent', true],
    ['yunhe-big-projects', true],
    ['old', false],
  ])
  expect(results[2].unmatched.map((c) => c.key)).toContain('validity')
})

test('the form rejects impossible numbers with Chinese reasons', () => {
  const parsed = MatchInput.safeParse({ industry: '', investmentWan: -1, jobs: 1.5 })
  expect(parsed.success).toBe(false)
  const messages = parsed.success ? [] : parsed.error.issues.map((i) => i.message)
  expect(messages).toEqual(expect.arrayContaining(['请填写所属产业', '投资额不能为负数', '用工人数应为整数']))
})
