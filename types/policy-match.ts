import { z } from 'zod'
import { NOT_PROVIDED, TALENT_LEVEL_LABELS } from './vocabulary'
import { IndustryId, TalentLevel, ZoneId, type Policy } from './content'
import { isExpired } from './cards'
import { PolicyCard } from './content-api'
import { INDUSTRY_LABELS } from './industries'

/** Zones one 政策匹配 may name. */
export const MAX_MATCH_ZONES = 20

/** The short 政策匹配 form. */
export const MatchInput = z.object({
  /** The zones the project considers; none = every zone. */
  zoneIds: z.array(ZoneId).max(MAX_MATCH_ZONES, `最多选择 ${MAX_MATCH_ZONES} 个开发区`).optional(),
  industry: IndustryId,
  investmentWan: z.number().min(0, '投资额不能为负数').max(100_000_000, '投资额过大，请核对单位（万元）'),
  jobs: z.number().int('用工人数应为整数').min(0, '用工人数不能为负数').max(1_000_000, '用工人数过大'),
  talentLevel: TalentLevel.default('none'),
  needsSpace: z.boolean().default(false),
})
export type MatchInput = z.infer<typeof MatchInput>

/** Paging of POST /api/policies/match (query string). */
export const MatchQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
})
export type MatchQuery = z.infer<typeof MatchQuery>

export const CRITERION_KEYS = [
  'zone',
  'validity',
  'eligibility',
  'industries',
  'minInvestmentWan',
  'minJobs',
  'talentLevels',
  'needsSpace',
] as const
export const Criterion = z.object({
  key: z.enum(CRITERION_KEYS),
  /** What the policy asks for, in plain Chinese. */
  requirement: z.string(),
  /** Why it did or did not match this project, or what is left to confirm. */
  reason: z.string(),
})
export type Criterion = z.infer<typeof Criterion>

/**
 * applies: every condition is known and met, and the policy is in force.
 * unconfirmed (待确认): nothing fails, but a condition or the validity is not published (never counted as met).
 * not_applicable: a known condition fails, or the policy has expired or has not started yet.
 */
export const MATCH_VERDICTS = ['applies', 'unconfirmed', 'not_applicable'] as const
export const MatchVerdict = z.enum(MATCH_VERDICTS)
export type MatchVerdict = z.infer<typeof MatchVerdict>
export const MATCH_VERDICT_LABELS: Record<MatchVerdict, string> = { applies: '符合', unconfirmed: '待确认', not_applicable: '不符合' }

export const PolicyMatch = z.object({
  policyId: z.string(),
  verdict: MatchVerdict,
  /** verdict === 'applies'. */
  applies: z.boolean(),
  matched: z.array(Criterion),
  unmatched: z.array(Criterion),
  /** 待确认: conditions nobody has published yet. */
  unconfirmed: z.array(Criterion),
})
export type PolicyMatch = z.infer<typeof PolicyMatch>

export const MatchResult = z.object({
  /** Support policies (扶持政策) of the chosen zones, ranked, one page. */
  items: z.array(PolicyMatch.extend({ policy: PolicyCard })),
  /** Over every page. */
  appliesCount: z.number().int(),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
  /** 准入要求 of the chosen zones the project must pass (e.g. 三个不选): listed apart, never scored; first page only. */
  requirements: z.array(PolicyCard),
})
export type MatchResult = z.infer<typeof MatchResult>

const formatWan = (wan: number) => (wan >= 10000 ? `${wan / 10000} 亿元` : `${wan} 万元`)

function validity(policy: Policy, today: string): { verdict: 'met' | 'unmet' | 'unknown'; criterion: Criterion } {
  const from = policy.validFrom === NOT_PROVIDED ? null : policy.validFrom
  const to = policy.validTo === NOT_PROVIDED ? null : policy.validTo
  const requirement = from && to ? `有效期 ${from} 至 ${to}` : to ? `有效期至 ${to}` : from ? `自 ${from} 起施行` : '有效期未公布'
  const criterion = (reason: string) => ({ key: 'validity' as const, requirement, reason })
  if (to && to < today) return { verdict: 'unmet', criterion: criterion('政策已过期') }
  if (from && from > today) return { verdict: 'unmet', criterion: criterion('政策尚未施行') }
  if (!to) return { verdict: 'unknown', criterion: criterion(from ? '截止日期待确认' : '有效期待确认') }
  return { verdict: 'met', criterion: criterion('在有效期内') }
}

/**
 * Explains, criterion by criterion, whether one support policy fits a project. Only what is known
 * counts: a condition or a validity nobody has published is 待确认, never met.
 * Pure: the app runs it offline and the API serves it as POST /api/policies/match.
 */
export function evaluatePolicy(policy: Policy, input: MatchInput, zoneName: string, today: string): PolicyMatch {
  const matched: Criterion[] = []
  const unmatched: Criterion[] = []
  const unconfirmed: Criterion[] = []
  const check = (ok: boolean, criterion: Criterion) => (ok ? matched : unmatched).push(criterion)

  const chosen = input.zoneIds?.length ? input.zoneIds : null
  check(!chosen || chosen.includes(policy.zoneId), {
    key: 'zone',
    requirement: `项目落户${zoneName}`,
    reason: !chosen ? '未限定意向区域' : chosen.includes(policy.zoneId) ? '在意向区域内' : '不在意向区域内',
  })

  const inForce = validity(policy, today)
  if (inForce.verdict === 'unknown') unconfirmed.push(inForce.criterion)
  else check(inForce.verdict === 'met', inForce.criterion)

  const { criteria } = policy
  const structured = Object.values(criteria).some((value) => value !== undefined)
  if (!structured) {
    unconfirmed.push({
      key: 'eligibility',
      requirement: policy.eligibility === NOT_PROVIDED ? '申请条件未公布' : policy.eligibility,
      reason: '需向开发区确认',
    })
  }
  if (criteria.industries?.length) {
    const hit = criteria.industries.includes(input.industry)
    check(hit, {
      key: 'industries',
      requirement: `产业方向：${criteria.industries.map((id) => INDUSTRY_LABELS[id]).join('、')}`,
      reason: hit ? `项目属于${INDUSTRY_LABELS[input.industry]}` : `${INDUSTRY_LABELS[input.industry]}不在支持的产业方向内`,
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
  const verdict: MatchVerdict = unmatched.length > 0 ? 'not_applicable' : unconfirmed.length > 0 ? 'unconfirmed' : 'applies'
  return { policyId: policy.id, verdict, applies: verdict === 'applies', matched, unmatched, unconfirmed }
}

const VERDICT_RANK: Record<MatchVerdict, number> = { applies: 0, unconfirmed: 1, not_applicable: 2 }

/** The policies a match looks at: support policies of the chosen zones (every zone when none is chosen). */
export const inMatchScope = (policy: Policy, input: Pick<MatchInput, 'zoneIds'>): boolean =>
  policy.kind === 'support' && (!input.zoneIds?.length || input.zoneIds.includes(policy.zoneId))

/**
 * The support policies in scope, evaluated and ranked: fitting ones first, then 待确认, then those
 * that do not fit; within each, more conditions met first; expired last. Ties keep the given order.
 */
export function matchPolicies(
  policies: readonly Policy[],
  input: MatchInput,
  zoneNames: Readonly<Record<string, string>>,
  today: string,
): PolicyMatch[] {
  const results = policies
    .filter((policy) => inMatchScope(policy, input))
    .map((policy) => ({
      result: evaluatePolicy(policy, input, zoneNames[policy.zoneId] ?? policy.zoneId, today),
      expired: isExpired(policy, today),
    }))
  results.sort(
    (a, b) =>
      Number(a.expired) - Number(b.expired) ||
      VERDICT_RANK[a.result.verdict] - VERDICT_RANK[b.result.verdict] ||
      a.result.unmatched.length - b.result.unmatched.length ||
      b.result.matched.length - a.result.matched.length,
  )
  return results.map(({ result }) => result)
}
