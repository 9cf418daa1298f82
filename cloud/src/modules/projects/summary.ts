import { addDays, chinaDate, chinaParts, chinaDayStart } from '../../../../types/china-time'
import { PROJECT_STAGE_LABELS, PROJECT_STAGES, SCHEDULE_LABELS, STAGE_STATE_LABELS } from '../../../../types/project-stages'
import { type SummaryQuery, type WeeklySummary } from '../../../../types/projects'
import type { Deps } from '../../deps'
import { toCsv } from '../../http/csv'
import { scopeZone, type StaffIdentity } from '../auth/identity'
import { zoneName } from '../content/lookup'
import { projectCards, scopedProjects } from './board'
import { byStageOrder, stagesOf } from './tracking'

/** Monday of the China week a date falls in. */
const mondayOf = (date: string): string => addDays(date, -((chinaParts(chinaDayStart(date)).weekday + 6) % 7))

/** GET /api/staff/project-summary: the week's 督考 figures for a zone (admins: one zone or all). */
export const weeklySummary = async (deps: Deps, member: StaffIdentity, query: SummaryQuery): Promise<WeeklySummary> => {
  const zone = scopeZone(member, query.zoneId)
  const now = deps.clock()
  const weekStart = mondayOf(query.week ?? chinaDate(now))
  const weekEnd = addDays(weekStart, 6)
  const projects = scopedProjects(deps, member, query.zoneId)
  const cards = await projectCards(deps, projects, now)
  const stages = (
    await stagesOf(
      deps.db,
      projects.map((project) => project.id),
    )
  ).sort(byStageOrder)
  const names = new Map(projects.map((project) => [project.id, project]))
  const count = (stage: (typeof PROJECT_STAGES)[number] | 'done') =>
    cards.filter((card) => (stage === 'done' ? card.currentStage === null : card.currentStage === stage)).length
  return {
    zoneId: zone,
    weekStart,
    weekEnd,
    projectCount: cards.length,
    byStage: [
      ...PROJECT_STAGES.map((stage) => ({ stage, label: PROJECT_STAGE_LABELS[stage], count: count(stage) })),
      { stage: 'done' as const, label: '已全部完成', count: count('done') },
    ],
    overdue: cards.filter((card) => card.overdue),
    completed: stages
      .filter(
        (stage) => stage.state === 'done' && stage.actualDate !== null && stage.actualDate >= weekStart && stage.actualDate <= weekEnd,
      )
      .sort((a, b) => a.actualDate!.localeCompare(b.actualDate!) || byStageOrder(a, b))
      .map((stage) => {
        const project = names.get(stage.projectId)!
        return {
          projectId: stage.projectId,
          projectName: project.name,
          stage: stage.stage,
          actualDate: stage.actualDate!,
          zoneName: zoneName(deps, project.zoneId),
        }
      }),
    blocked: stages
      .filter((stage) => stage.state === 'blocked')
      .map((stage) => ({
        projectId: stage.projectId,
        projectName: names.get(stage.projectId)!.name,
        stage: stage.stage,
        blocker: stage.blocker,
      })),
  }
}

/** The same summary as one CSV: the figures, then every project with its stage and schedule. */
export const weeklySummaryCsv = async (
  deps: Deps,
  member: StaffIdentity,
  query: SummaryQuery,
): Promise<{ csv: string; weekStart: string }> => {
  const summary = await weeklySummary(deps, member, query)
  const cards = await projectCards(deps, scopedProjects(deps, member, query.zoneId), deps.clock())
  const rows: (string | number | null)[][] = [
    ['项目督考周报', summary.zoneId ? zoneName(deps, summary.zoneId) : '全部开发区', `${summary.weekStart} 至 ${summary.weekEnd}`],
    [],
    ['项目总数', summary.projectCount],
    ['逾期项目', summary.overdue.length],
    ['本周完成阶段', summary.completed.length],
    [],
    ['当前阶段', '项目数'],
    ...summary.byStage.map((row) => [row.label, row.count]),
    [],
    ['本周完成的阶段', '项目', '开发区', '完成日期'],
    ...summary.completed.map((row) => [PROJECT_STAGE_LABELS[row.stage], row.projectName, row.zoneName, row.actualDate]),
    [],
    ['项目', '开发区', '园区', '当前阶段', '阶段状态', '进度', '逾期阶段', '受阻阶段', '下一节点', '计划日期', '包挂领导', '专班人数'],
    ...cards.map((card) => [
      card.name,
      card.zoneName,
      card.parkName,
      card.currentStage ? PROJECT_STAGE_LABELS[card.currentStage] : '已全部完成',
      card.currentState ? STAGE_STATE_LABELS[card.currentState] : null,
      SCHEDULE_LABELS[card.schedule],
      card.overdueStages.map((stage) => PROJECT_STAGE_LABELS[stage]).join('、'),
      card.blockedStages.map((stage) => PROJECT_STAGE_LABELS[stage]).join('、'),
      card.nextDue ? PROJECT_STAGE_LABELS[card.nextDue.stage] : null,
      card.nextDue?.plannedDate ?? null,
      card.leader?.displayName ?? null,
      card.teamSize,
    ]),
  ]
  return { csv: toCsv(rows), weekStart: summary.weekStart }
}
