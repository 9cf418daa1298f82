import { EMPTY_MATCH_FORM, fieldErrors, matchLocally, validateMatchForm } from './match-form'
import { policies, zoneSummary } from '../../../../test/jest/content-fixtures'

test('an empty form gets a Chinese message for each required field', () => {
  const result = validateMatchForm(EMPTY_MATCH_FORM)
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(result.errors).toEqual({
    industry: '请填写所属产业',
    investmentWan: '请填写计划投资额（万元）',
    jobs: '请填写新增就业人数，没有可填 0',
  })
})

test('numbers are checked with the shared schema messages', () => {
  const result = validateMatchForm({ ...EMPTY_MATCH_FORM, industry: '新材料', investmentWan: '-5', jobs: '3.5' })
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(result.errors).toEqual({ investmentWan: '投资额不能为负数', jobs: '用工人数应为整数' })
  const text = validateMatchForm({ ...EMPTY_MATCH_FORM, industry: '新材料', investmentWan: '五千', jobs: '10' })
  expect(text.ok ? null : text.errors).toEqual({ investmentWan: '请输入数字' })
})

test('a valid form becomes a MatchInput', () => {
  const result = validateMatchForm({ ...EMPTY_MATCH_FORM, zoneId: 'pingyuan', industry: ' 高端装备 ', investmentWan: '5,000', jobs: '120', needsSpace: true })
  expect(result).toEqual({
    ok: true,
    input: { zoneId: 'pingyuan', industry: '高端装备', investmentWan: 5000, jobs: 120, talentLevel: 'none', needsSpace: true },
  })
})

test('server field errors land on their fields', () => {
  expect(fieldErrors({ industry: '太长', 'investmentWan.0': '不对', other: 'x' })).toEqual({ industry: '太长', investmentWan: '不对' })
})

test('offline matching explains each cached policy with its card', () => {
  const records = policies.slice(0, 3).map((policy) => ({ policy, zoneName: zoneSummary(policy.zoneId).name }))
  const result = matchLocally(records, { zoneId: 'qingyun', industry: '医药', investmentWan: 1000, jobs: 10, talentLevel: 'high', needsSpace: false }, '2026-11-21')
  expect(result.items).toHaveLength(3)
  const talent = result.items.find((item) => item.policyId === 'qingyun-talent-ten-projects')
  expect(talent?.applies).toBe(true)
  expect(talent?.policy.title).toBe('人才支撑十大工程')
  const apartment = result.items.find((item) => item.policyId === 'qingyun-blue-collar-apartment')
  expect(apartment?.unmatched.map((criterion) => criterion.key)).toEqual(['talentLevels'])
  expect(result.appliesCount).toBe(result.items.filter((item) => item.applies).length)
})
