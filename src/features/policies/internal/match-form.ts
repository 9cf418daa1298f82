import { MatchInput, inMatchScope, matchPolicies, type MatchResult } from '@/types/policy-match'
import type { Policy, TalentLevel, ZoneId } from '@/types/content'
import { type PolicyCard } from '@/types/content-api'
import { toPolicyCard } from '@/types/cards'
import type { IndustryId } from '@/types/industries'

/** The 政策匹配 form as typed (numbers stay text until validated). */
export interface MatchForm {
  zoneId: ZoneId | 'any'
  /** One of the curated industries; '' until chosen. */
  industry: IndustryId | ''
  investmentWan: string
  jobs: string
  talentLevel: TalentLevel
  needsSpace: boolean
}

export type MatchField = keyof MatchForm
export type MatchFormErrors = Partial<Record<MatchField, string>>

export const EMPTY_MATCH_FORM: MatchForm = {
  zoneId: 'any',
  industry: '',
  investmentWan: '',
  jobs: '',
  talentLevel: 'none',
  needsSpace: false,
}

const FIELDS: readonly MatchField[] = ['zoneId', 'industry', 'investmentWan', 'jobs', 'talentLevel', 'needsSpace']

function parseNumber(text: string, emptyMessage: string): number | string {
  const trimmed = text.trim().replace(/,/g, '')
  if (trimmed === '') return emptyMessage
  const value = Number(trimmed)
  return Number.isFinite(value) ? value : '请输入数字'
}

/** Checks the form with the shared MatchInput schema; Chinese messages, one per field. */
export function validateMatchForm(form: MatchForm): { ok: true; input: MatchInput } | { ok: false; errors: MatchFormErrors } {
  const errors: MatchFormErrors = {}
  const investment = parseNumber(form.investmentWan, '请填写计划投资额（万元）')
  const jobs = parseNumber(form.jobs, '请填写新增就业人数，没有可填 0')
  if (typeof investment === 'string') errors.investmentWan = investment
  if (typeof jobs === 'string') errors.jobs = jobs

  if (!form.industry) errors.industry = '请选择所属产业'
  const parsed = MatchInput.safeParse({
    zoneIds: form.zoneId === 'any' ? undefined : [form.zoneId],
    industry: form.industry || undefined,
    investmentWan: typeof investment === 'number' ? investment : 0,
    jobs: typeof jobs === 'number' ? jobs : 0,
    talentLevel: form.talentLevel,
    needsSpace: form.needsSpace,
  })
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] === 'zoneIds' ? 'zoneId' : issue.path[0]
      if (typeof field === 'string' && (FIELDS as readonly string[]).includes(field)) {
        errors[field as MatchField] ??= issue.message
      }
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors }
  return { ok: true, input: parsed.data }
}

/** Server field errors (path → reason) onto form fields. */
export function fieldErrors(fields: Record<string, string>): MatchFormErrors {
  const errors: MatchFormErrors = {}
  for (const [path, reason] of Object.entries(fields)) {
    const field = path.split('.')[0] === 'zoneIds' ? 'zoneId' : path.split('.')[0]
    if ((FIELDS as readonly string[]).includes(field)) errors[field as MatchField] ??= reason
  }
  return errors
}

export interface CachedPolicyRecord {
  policy: Policy
  zoneName: string
}

/** Offline 政策匹配 over full policy records kept from earlier visits (one page with everything). */
export function matchLocally(records: readonly CachedPolicyRecord[], input: MatchInput, today: string): MatchResult {
  const zoneNames = Object.fromEntries(records.map((record) => [record.policy.zoneId, record.zoneName]))
  const cards = new Map<string, PolicyCard>(records.map(({ policy, zoneName }) => [policy.id, toPolicyCard(policy, zoneName, today)]))
  const items = matchPolicies(
    records.map((record) => record.policy),
    input,
    zoneNames,
    today,
  ).map((match) => ({ ...match, policy: cards.get(match.policyId) as PolicyCard }))
  const requirements = records
    .filter(({ policy }) => policy.kind === 'requirement' && inMatchScope({ ...policy, kind: 'support' }, input))
    .map(({ policy }) => cards.get(policy.id) as PolicyCard)
  return { items, appliesCount: items.filter((item) => item.applies).length, nextCursor: null, total: items.length, requirements }
}
