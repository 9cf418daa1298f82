/**
 * 项目督考 and 问需于企 as the API answers them, for page tests: a project followed by an investor,
 * the same project on the staff desk, a survey with one question of each type and its results.
 */
import type { SignedProject } from '@/types/content'
import type { InvestorProject, StaffProjectDetail, StaffStage } from '@/types/projects'
import { PROJECT_STAGES, type ProjectStage, type StageState } from '@/types/project-stages'
import type { Survey, SurveyResults } from '@/types/surveys'

export const jingde: SignedProject = {
  id: 'pingyuan-jingde-park',
  zoneId: 'pingyuan',
  parkId: 'pingyuan-jingde',
  name: '京德智造产业园',
  status: 'under_construction',
  amount: { label: '总投资', value: 18, unit: '亿元' },
  partner: 'not_provided',
  industry: '智造',
  dateText: 'not_provided',
  date: 'not_provided',
  description: '正在开工建设的京德智造产业园总投资18亿元、占地667亩。',
  rank: 60,
  source: '001_6e7580bd8c09cae9.txt',
}

const stateOf = (stage: ProjectStage): StageState =>
  PROJECT_STAGES.indexOf(stage) <= PROJECT_STAGES.indexOf('started') ? 'done' : stage === 'completed' ? 'in_progress' : 'not_started'

export function staffStages(patch: Partial<Record<ProjectStage, Partial<StaffStage>>> = {}): StaffStage[] {
  return PROJECT_STAGES.map((stage) => ({
    stage,
    state: stateOf(stage),
    plannedDate: null,
    actualDate: null,
    overdue: false,
    note: null,
    blocker: null,
    source: stage === 'started' ? '001_6e7580bd8c09cae9.txt' : null,
    reportedDate: null,
    blockerRequest: null,
    updatedAt: null,
    updatedBy: null,
    ...patch[stage],
  }))
}

export function investorProject(overrides: Partial<InvestorProject> = {}): InvestorProject {
  return {
    project: jingde,
    zoneName: '平原经济开发区',
    parkName: '京德智造产业园',
    stages: staffStages({ completed: { plannedDate: '2026-12-20' } }).map(
      ({ note: _n, blocker: _b, blockerRequest: _r, updatedAt: _u, updatedBy: _w, ...stage }) => stage,
    ),
    currentStage: 'completed',
    leaderRole: '平原经济开发区 主管',
    followedAt: '2026-11-18T01:00:00.000Z',
    ...overrides,
  }
}

export function staffProject(overrides: Partial<StaffProjectDetail> = {}, stages = staffStages()): StaffProjectDetail {
  return {
    card: {
      id: jingde.id,
      zoneId: 'pingyuan',
      zoneName: '平原经济开发区',
      parkId: 'pingyuan-jingde',
      parkName: '京德智造产业园',
      name: jingde.name,
      partner: null,
      currentStage: 'completed',
      currentState: 'in_progress',
      overdue: false,
      overdueStages: [],
      blockedStages: stages.filter((stage) => stage.state === 'blocked').map((stage) => stage.stage),
      schedule: 'green',
      nextDue: null,
      leader: { id: 'stf-chen', displayName: '陈主管', role: 'supervisor' },
      teamSize: 1,
      contact: { name: '刘经理', mobileMasked: '139****5678' },
      followers: 0,
    },
    project: jingde,
    stages,
    team: [{ id: 'stf-zhang', displayName: '张三', role: 'agent' }],
    audit: [
      {
        id: '1',
        at: '2026-11-18T01:00:00.000Z',
        actor: '张三',
        action: 'stage_updated',
        detail: {
          stage: 'completed',
          before: { state: 'not_started', plannedDate: null },
          after: { state: 'in_progress', plannedDate: '2026-12-20' },
        },
      },
    ],
    reviews: [],
    invites: [],
    canEdit: true,
    canManage: false,
    ...overrides,
  }
}

export function survey(overrides: Partial<Survey> = {}): Survey {
  return {
    id: '7f0c7e4e-5a0b-4f1e-9d1a-0b2c3d4e5f60',
    zoneId: 'zouping',
    zoneName: '邹平经济技术开发区',
    kind: 'needs',
    title: '2026 年冬季企业需求调查',
    intro: '了解企业在用工、融资方面的急难愁盼问题。',
    questions: [
      { id: 'q1', type: 'single', title: '最急需解决的问题', required: true, options: ['用工', '融资'] },
      { id: 'q2', type: 'multiple', title: '希望提供的服务', required: false, options: ['政策解读', '银企对接'] },
      { id: 'q3', type: 'rating', title: '服务满意度', required: true, options: [] },
      { id: 'q4', type: 'text', title: '其他建议', required: false, options: [] },
    ],
    opensOn: '2026-11-18',
    closesOn: '2099-11-30',
    status: 'open',
    publishedAt: '2026-11-18T01:00:00.000Z',
    ...overrides,
  }
}

export function surveyResults(overrides: Partial<SurveyResults> = {}): SurveyResults {
  const base = survey()
  return {
    survey: base,
    responseCount: 1,
    questions: [
      {
        id: 'q1',
        type: 'single',
        title: '最急需解决的问题',
        answered: 1,
        options: [
          { option: '用工', count: 0 },
          { option: '融资', count: 1 },
        ],
        average: null,
        distribution: [],
        texts: [],
      },
      {
        id: 'q2',
        type: 'multiple',
        title: '希望提供的服务',
        answered: 0,
        options: [
          { option: '政策解读', count: 0 },
          { option: '银企对接', count: 0 },
        ],
        average: null,
        distribution: [],
        texts: [],
      },
      { id: 'q3', type: 'rating', title: '服务满意度', answered: 1, options: [], average: 4, distribution: [0, 0, 0, 1, 0], texts: [] },
      {
        id: 'q4',
        type: 'text',
        title: '其他建议',
        answered: 1,
        options: [],
        average: null,
        distribution: [],
        texts: [{ responseId: 'r1', company: '邹平示例铝业有限公司', text: '希望组织银企对接会。' }],
      },
    ],
    responses: [
      {
        id: 'r1',
        company: '邹平示例铝业有限公司',
        contactName: '张经理',
        mobileMasked: '138****2222',
        answers: { q1: '融资', q3: 4, q4: '希望组织银企对接会。' },
        submittedAt: '2026-11-18T02:00:00.000Z',
        updatedAt: '2026-11-18T02:00:00.000Z',
        request: null,
      },
    ],
    ...overrides,
  }
}
