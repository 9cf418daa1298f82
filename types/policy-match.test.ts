import { NOT_PROVIDED } from './vocabulary'
import type { Policy } from './content'
import { isExpired } from './cards'
import { MatchInput, evaluatePolicy, matchPolicies } from './policy-match'

const TODAY = '2026-11-21'

/** A policy whose conditions and validity are all published. */
const base: Policy = {
  id: 'yunhe-big-projects',
  zoneId: 'yunhe',
  parkIds: [],
  title: '大项目奖励',
  kind: 'support',
  category: 'industry',
  summary: '对计划投资达到门槛的大项目给予奖励。',
  eligibility: NOT_PROVIDED,
  benefits: NOT_PROVIDED,
  amount: NOT_PROVIDED,
  howToApply: NOT_PROVIDED,
  validFrom: '2026-01-01',
  validTo: '2027-12-31',
  issuer: NOT_PROVIDED,
  documentNumber: NOT_PROVIDED,
  links: [],
  criteria: { minInvestmentWan: 50000 },
}
const talent: Policy = { ...base, id: 'qingyun-talent', zoneId: 'qingyun', category: 'talent', criteria: { talentLevels: ['high', 'top'] } }
const factory: Policy = {
  ...base,
  id: 'pingyuan-factory',
  zoneId: 'pingyuan',
  category: 'land',
  criteria: { needsSpace: true, industries: ['equipment', 'hitech'] },
}
const names = { yunhe: '运河经济开发区', qingyun: '庆云县', pingyuan: '平原经济开发区' }
const input = (overrides: Partial<MatchInput> = {}): MatchInput =>
  MatchInput.parse({ industry: 'equipment', investmentWan: 60000, jobs: 200, ...overrides })

test('a project that meets every published criterion of a policy in force gets it, with reasons', () => {
  const result = evaluatePolicy(base, input({ zoneIds: ['yunhe'] }), names.yunhe, TODAY)
  expect(result).toMatchObject({ verdict: 'applies', applies: true, unmatched: [], unconfirmed: [] })
  expect(result.matched.map((c) => c.key)).toEqual(['zone', 'validity', 'minInvestmentWan'])
  expect(result.matched[1]).toEqual({ key: 'validity', requirement: '有效期 2026-01-01 至 2027-12-31', reason: '在有效期内' })
  expect(result.matched[2].requirement).toBe('计划投资不低于 5 亿元')
})

test('an investment below the threshold is explained, not just filtered', () => {
  const result = evaluatePolicy(base, input({ investmentWan: 8000 }), names.yunhe, TODAY)
  expect(result.verdict).toBe('not_applicable')
  expect(result.unmatched).toEqual([{ key: 'minInvestmentWan', requirement: '计划投资不低于 5 亿元', reason: '计划投资 8000 万元' }])
})

test('never "在有效期内" without dates: an unknown validity is 待确认, never met', () => {
  const undated: Policy = { ...base, validFrom: NOT_PROVIDED, validTo: NOT_PROVIDED }
  const result = evaluatePolicy(undated, input(), names.yunhe, TODAY)
  expect(result.verdict).toBe('unconfirmed')
  expect(result.applies).toBe(false)
  expect(result.matched.map((c) => c.key)).not.toContain('validity')
  expect(result.unconfirmed).toEqual([{ key: 'validity', requirement: '有效期未公布', reason: '有效期待确认' }])
  const startOnly = evaluatePolicy({ ...undated, validFrom: '2026-01-01' }, input(), names.yunhe, TODAY)
  expect(startOnly.unconfirmed[0]).toEqual({ key: 'validity', requirement: '自 2026-01-01 起施行', reason: '截止日期待确认' })
  expect(evaluatePolicy({ ...base, validFrom: '2027-01-01' }, input(), names.yunhe, TODAY).unmatched[0].reason).toBe('政策尚未施行')
})

test('a policy without published conditions is 待确认, not a match', () => {
  const open: Policy = { ...base, criteria: {}, eligibility: NOT_PROVIDED }
  const result = evaluatePolicy(open, input(), names.yunhe, TODAY)
  expect(result.verdict).toBe('unconfirmed')
  expect(result.unconfirmed).toEqual([{ key: 'eligibility', requirement: '申请条件未公布', reason: '需向开发区确认' }])
  const written = evaluatePolicy({ ...open, eligibility: '区内企业职工就学子女。' }, input(), names.yunhe, TODAY)
  expect(written.unconfirmed[0].requirement).toBe('区内企业职工就学子女。')
})

test('talent level, space needs and the curated industry are checked against the project', () => {
  expect(evaluatePolicy(talent, input({ talentLevel: 'high' }), names.qingyun, TODAY).applies).toBe(true)
  expect(evaluatePolicy(talent, input({ talentLevel: 'skilled' }), names.qingyun, TODAY).unmatched[0].key).toBe('talentLevels')
  const noSpace = evaluatePolicy(factory, input({ needsSpace: false }), names.pingyuan, TODAY)
  expect(noSpace.unmatched.map((c) => c.key)).toEqual(['needsSpace'])
  expect(evaluatePolicy(factory, input({ needsSpace: true, industry: 'hitech' }), names.pingyuan, TODAY).applies).toBe(true)
  const off = evaluatePolicy(factory, input({ needsSpace: true, industry: 'tourism' }), names.pingyuan, TODAY)
  expect(off.unmatched[0]).toEqual({
    key: 'industries',
    requirement: '产业方向：高端装备制造、高新技术',
    reason: '文化旅游不在支持的产业方向内',
  })
})

test('only the chosen zones are matched, and requirements (准入要求) are never scored', () => {
  const screening: Policy = { ...base, id: 'qingyun-three-not-select', zoneId: 'qingyun', kind: 'requirement', criteria: {} }
  const results = matchPolicies(
    [base, talent, factory, screening],
    input({ zoneIds: ['qingyun', 'pingyuan'], talentLevel: 'top' }),
    names,
    TODAY,
  )
  expect(results.map((r) => r.policyId)).toEqual(['qingyun-talent', 'pingyuan-factory'])
  const everyZone = matchPolicies([base, talent, factory, screening], input({ talentLevel: 'top' }), names, TODAY)
  expect(everyZone.map((r) => r.policyId).sort()).toEqual(['pingyuan-factory', 'qingyun-talent', 'yunhe-big-projects'])
  expect(everyZone.find((r) => r.policyId === 'yunhe-big-projects')!.matched[0]).toMatchObject({ key: 'zone', reason: '未限定意向区域' })
})

test('ranking: fitting first, then 待确认, then not fitting; expired last', () => {
  const old: Policy = { ...base, id: 'old', criteria: {}, validTo: '2025-12-31' }
  const undated: Policy = { ...talent, id: 'undated', validFrom: NOT_PROVIDED, validTo: NOT_PROVIDED }
  const tooBig: Policy = { ...base, id: 'too-big', criteria: { minInvestmentWan: 1_000_000 } }
  expect(isExpired(old, TODAY)).toBe(true)
  expect(isExpired(base, TODAY)).toBe(false)
  const results = matchPolicies([old, tooBig, undated, base], input({ talentLevel: 'top' }), names, TODAY)
  expect(results.map((r) => [r.policyId, r.verdict])).toEqual([
    ['yunhe-big-projects', 'applies'],
    ['undated', 'unconfirmed'],
    ['too-big', 'not_applicable'],
    ['old', 'not_applicable'],
  ])
  expect(results[3].unmatched.map((c) => c.key)).toContain('validity')
})

test('the form rejects impossible numbers and an industry outside the list with Chinese reasons', () => {
  const parsed = MatchInput.safeParse({ industry: '医药', investmentWan: -1, jobs: 1.5, zoneIds: ['Bad Zone'] })
  expect(parsed.success).toBe(false)
  const messages = parsed.success ? [] : parsed.error.issues.map((i) => i.message)
  expect(messages).toEqual(
    expect.arrayContaining([
      '请选择产业',
      '投资额不能为负数',
      '用工人数应为整数',
      '开发区编号应为 2–32 位小写字母、数字或连字符，以字母开头',
    ]),
  )
  const tooMany = MatchInput.safeParse({
    industry: 'health',
    investmentWan: 1,
    jobs: 1,
    zoneIds: Array.from({ length: 21 }, (_, i) => `zone-${i}`),
  })
  expect(tooMany.success ? [] : tooMany.error.issues.map((i) => i.message)).toEqual(['最多选择 20 个开发区'])
})
