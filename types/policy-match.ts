import { z } from 'zod'
import { NOT_PROVIDED } from './vocabulary'
import { TalentLevel, ZoneId, type Policy } from './content'
import { TALENT_LEVEL_LABELS } from './vocabulary'
import { isExpired } from './cards'
import { PolicyCard } from './content-api'

/** The short 政策匹配 form. */
export const MatchInput = z.object({
  zoneId: z.union([ZoneId, z.literal('any')]).default('any'),
  industry: z.string().trim().min(1, '请填写所属产业').max(30, '产业名称不能超过 30 个字'),
  investmentWan: z.number().min(0, '投资额不能为负数').max(100_000_000, '投资额过大，请核对单位（万元）'),
  jobs: z.number().int('用工人数应为整数').min(0, '用工人数不能为负数').max(1_000_000, '用工人数过大'),
  talentLevel: TalentLevel.default('none'),
  needsSpace: z.boolean().default(false),
})
export type MatchInput = z.infer<typeof MatchInput>

export const CRITERION_KEYS = ['zone', 'validity', 'industries', 'minInvestmentWan', 'minJobs', 'talentLevels', 'needsSpace'] as const
export const Criterion = z.object({
  key: z.enum(CRITERION_KEYS),
  /** What the policy asks for, in plain Chinese. */
  requirement: z.string(),
  /** Why it did or did not match this project. */
  reason: z.string(),
})
export type Criterion = z.infer<typeof Criterion>

export const PolicyMatch = z.object({
  policyId: z.string(),
  applies: z.boolean(),
  matched: z.array(Criterion),
  unmatched: z.array(Criterion),
})
export type PolicyMatch = z.infer<typeof PolicyMatch>

export const MatchResult = z.object({
  items: z.array(PolicyMatch.extend({ policy: PolicyCard })),
  appliesCount: z.number().int(),
})
export type MatchResult = z.infer<typeof MatchResult>

const formatWan = (wan: number) => (wan >= 10000 ? `${wan / 10000} 亿元` : `${wan} 万元`)

/**
 * Explains, criterion by criterion, whether one policy fits a project.
 * Pure: the app runs it offline and the API serves it as POST /api/policies/match.
 */
export function evaluatePolicy(policy: Policy, input: MatchInput, zoneName: string, today: string): PolicyMatch {
  const matched: Criterion[] = []
  const unmatched: Criterion[] = []
  const check = (ok: boolean, criterion: Criterion) => (ok ? matched : unmatched).push(criterion)

  check(input.zoneId === 'any' || input.zoneId === policy.zoneId, {
    key: 'zone',
    requirement: `项目落户${zoneName}`,
    reason: input.zoneId === 'any' ? '未限定区域，可考虑落户该地' : input.zoneId === policy.zoneId ? '意向区域一致' : '意向区域不同',
  })

  const expired = isExpired(policy, today)
  check(!expired, {
    key: 'validity',
    requirement: policy.validTo === NOT_PROVIDED ? '有效期以发布部门公布为准' : `有效期至 ${policy.validTo}`,
    reason: expired ? '政策已过期' : '在有效期内',
  })

  const { criteria } = policy
  if (criteria.industries?.length) {
    const industry = input.industry.toLowerCase()
    const hit = criteria.industries.find((keyword) => {
      const k = keyword.toLowerCase()
      return industry.includes(k) || k.includes(industry)
    })
    check(Boolean(hit), {
      key: 'industries',
      requirement: `产业方向：${criteria.industries.join('、')}`,
      reason: hit ? `“${input.industry}”属于${hit}` : `“${input.industry}”不在支持的产业方向内`,
    })
  }
  if (criteria.minInvestmentWan !== undefined) {
    const min = criteria.minInvestmentWan
    check(input.investmentWan >= min, {
      key: 'minInvestmentWan',
      requirement: `计划投资不低于 ${formatWan(min)}`,
      reason: `计划投资 ${formatWan(input.investmentWan)}`,
    })
  }
  if (criteria.minJobs !== undefined) {
    check(input.jobs >= criteria.minJobs, {
      key: 'minJobs',
      requirement: `新增就业不少于 ${criteria.minJobs} 人`,
      reason: `预计新增就业 ${input.jobs} 人`,
    })
  }
  if (criteria.talentLevels?.length) {
    check(criteria.talentLevels.includes(input.talentLevel), {
      key: 'talentLevels',
      requirement: `引进${criteria.talentLevels.map((level) => TALENT_LEVEL_LABELS[level]).join('或')}`,
      reason: `项目人才需求：${TALENT_LEVEL_LABELS[input.talentLevel]}`,
    })
  }
  if (criteria.needsSpace) {
    check(input.needsSpace, {
      key: 'needsSpace',
      requirement: '项目需要土地或厂房',
      reason: input.needsSpace ? '项目需要用地或厂房' : '项目暂不需要用地或厂房',
    })
  }
  return { policyId: policy.id, applies: unmatched.length === 0, matched, unmatched }
}

/** Every policy evaluated; fitting ones first, then by how many criteria matched, expired last. */
export function matchPolicies(
  policies: readonly Policy[],
  input: MatchInput,
  zoneNames: Readonly<Record<string, string>>,
  today: string,
): PolicyMatch[] {
  const results = policies.map((policy) => ({
    result: evaluatePolicy(policy, input, zoneNames[policy.zoneId] ?? policy.zoneId, today),
    expired: isExpired(policy, today),
  }))
  results.sort(
    (a, b) =>
      Number(a.expired) - Number(b.expired) ||
      Number(b.result.applies) - Number(a.result.applies) ||
      a.result.unmatched.length - b.result.unmatched.length ||
      b.result.matched.length - a.result.matched.length,
  )
  return results.map(({ result }) => result)
}
