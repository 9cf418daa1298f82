import { EMPTY_MATCH_FORM, fieldErrors, matchLocally, validateMatchForm } from './match-form'
import { policies, zoneSummary } from '../../../../test/jest/content-fixtures'

test('an empty form gets a Chinese message for each required field', () => {
  const result = validateMatchForm(EMPTY_MATCH_FORM)
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(result.errors).toEqual({
    industry: '请选择所属产业',
    investmentWan: '请填写计划投资额（万元）',
    jobs: '请填写新增就业人数，没有可填 0',
  })
})

test('numbers are checked with the shared schema messages', () => {
  const result = validateMatchForm({ ...EMPTY_MATCH_FORM, industry: 'materials', investmentWan: '-5', jobs: '3.5' })
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(result.errors).toEqual({ investmentWan: '投资额不能为负数', jobs: '用工人数应为整数' })
  const text = validateMatchForm({ ...EMPTY_MATCH_FORM, industry: 'materials', investmentWan: '五千', jobs: '10' })
  expect(text.ok ? null : text.errors).toEqual({ investmentWan: '请输入数字' })
})

test('a valid form becomes a MatchInput for the chosen zone', () => {
  const result = validateMatchForm({ ...EMPTY_MATCH_FORM, zoneId: 'pingyuan', industry: 'equipment', investmentWan: '5,000', jobs: '120', needsSpace: true })
  expect(result).toEqual({
    ok: true,
    input: { zoneIds: ['pingyuan'], industry: 'equipment', investmentWan: 5000, jobs: 120, talentLevel: 'none', needsSpace: true },
  })
  const anyZone = validateMatchForm({ ...EMPTY_MATCH_FORM, industry: 'equipment', investmentWan: '1', jobs: '1' })
  expect(anyZone.ok && anyZone.input.zoneIds).toBeUndefined()
})

test('server field errors land on their fields', () => {
  expect(fieldErrors({ industry: '太长', 'investmentWan.0': '不对', 'zoneIds.0': '没有这个开发区', other: 'x' })).toEqual({
    industry: '太长',
    investmentWan: '不对',
    zoneId: '没有这个开发区',
  })
})

test('offline matching explains each cached support policy of the chosen zone with its card', () => {
  const records = policies.map((policy) => ({ policy, zoneName: zoneSummary(policy.zoneId).name }))
  const result = matchLocally(records, { zoneIds: ['qingyun'], industry: 'health', investmentWan: 1000, jobs: 10, talentLevel: 'high', needsSpace: false }, '2026-11-21')
  expect(result.items.every((item) => item.policy.zoneId === 'qingyun' && item.policy.kind === 'support')).toBe(true)
  expect(result.requirements.map((card) => card.id)).toEqual(['qingyun-three-not-select'])
  expect(result.appliesCount).toBe(result.items.filter((item) => item.applies).length)
  expect(result.total).toBe(result.items.length)
})
