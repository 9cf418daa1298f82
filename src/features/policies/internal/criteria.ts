import { type PolicyCriteria } from '@/types/content'
import { TALENT_LEVEL_LABELS } from '@/types/vocabulary'
import { INDUSTRY_LABELS } from '@/types/industries'

const formatWan = (wan: number) => (wan >= 10000 ? `${wan / 10000} 亿元` : `${wan} 万元`)

/** The policy's machine-readable conditions in plain Chinese (what 政策匹配 checks). */
export function describeCriteria(criteria: PolicyCriteria): string[] {
  const lines: string[] = []
  if (criteria.industries?.length) lines.push(`产业方向：${criteria.industries.map((id) => INDUSTRY_LABELS[id]).join('、')}`)
  if (criteria.minInvestmentWan !== undefined) lines.push(`计划投资不低于 ${formatWan(criteria.minInvestmentWan)}`)
  if (criteria.minJobs !== undefined) lines.push(`新增就业不少于 ${criteria.minJobs} 人`)
  if (criteria.talentLevels?.length) lines.push(`引进${criteria.talentLevels.map((level) => TALENT_LEVEL_LABELS[level]).join('或')}`)
  if (criteria.needsSpace) lines.push('项目需要土地或厂房')
  return lines
}
