import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { IdParams } from '../../../../types/content-api'
import {
  BlockerRequest,
  BoardQuery,
  ClaimBody,
  Invite,
  InvestorProject,
  MyProjectList,
  ProjectBoard,
  ProjectStage,
  ReviewBody,
  StageUpdateBody,
  StaffProjectDetail,
  SummaryQuery,
  TeamBody,
  WeeklySummary,
} from '../../../../types/projects'
import { INVITE_TTL_DAYS } from '../../../../types/project-stages'
import { attachment } from '../../http/csv'
import { ErrorBody } from '../../../../types/common'
import { responses } from '../../http/errors'
import { JSON_BODY_LIMIT } from '../../http/schemas'
import { addReview, blockerToRequest, createInvite, getProjectForStaff, updateStage, updateTeam } from './actions'
import { listBoard } from './board'
import { claimInvite, getProjectView, listFollowed } from './investor'
import { weeklySummary, weeklySummaryCsv } from './summary'

const StageParams = IdParams.extend({ stage: ProjectStage })

const errors = {
  400: responses.badRequest,
  401: responses.unauthorized,
  403: responses.forbidden,
  404: responses.notFound,
  500: responses.serverError,
}
const writeErrors = { ...errors, 409: responses.conflict, 413: responses.payloadTooLarge, 415: responses.unsupportedType }

/**
 * 项目督考. Staff of a zone read its board and projects (another zone's project is a 404); the
 * project's 专班, the zone's supervisors and admins change them (a colleague outside the 专班 403);
 * supervisors and admins set the 包挂领导 and 专班. Investors follow a project through an invite.
 */
const projectRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store')
  })

  app.get(
    '/api/staff/projects',
    {
      onRequest: app.requireStaff,
      schema: {
        tags: ['projects'],
        summary: '督考看板：本开发区全部签约项目，按进度红黄绿排序，逾期在前',
        description:
          '红：有逾期或受阻阶段；黄：有阶段在 3 天内到期；绿：按计划推进。stage / state 是当前阶段（第一个未完成的阶段）及其状态；overdue=true 只看有逾期阶段的项目。' +
          '管理员可用 zoneId 选择开发区，其他角色只能查看本开发区（指定其他开发区返回 403）。',
        querystring: BoardQuery,
        response: { 200: ProjectBoard, ...errors },
      },
    },
    async (request) => listBoard(app, request.staff!, request.query),
  )

  app.get(
    '/api/staff/projects/:id',
    {
      onRequest: app.requireStaff,
      schema: {
        tags: ['projects'],
        summary: '项目督考详情：阶段时间线、操作记录、现场评议、邀请',
        params: IdParams,
        response: { 200: StaffProjectDetail, ...errors },
      },
    },
    async (request) => getProjectForStaff(app, request.staff!, request.params.id),
  )

  const write = { bodyLimit: JSON_BODY_LIMIT, onRequest: app.requireStaff }

  app.put(
    '/api/staff/projects/:id/stages/:stage',
    {
      ...write,
      schema: {
        tags: ['projects'],
        summary: '更新阶段：状态、计划日期、实际日期、备注（受阻时记录受阻原因）',
        description:
          '省略的字段保持不变，null 清空。已完成的阶段没有给出 actualDate 时记为今天；实际日期不能晚于今天，只有已完成的阶段有实际日期。' +
          '受阻（blocked）必须说明原因：blocker，或以 note 作为原因。计划日期改变后重新提醒。每次变更写入操作记录（前后值）。',
        params: StageParams,
        body: StageUpdateBody,
        response: { 200: StaffProjectDetail, ...writeErrors },
      },
    },
    async (request) => updateStage(app, request.staff!, request.params.id, request.params.stage, request.body),
  )

  app.put(
    '/api/staff/projects/:id/team',
    {
      ...write,
      schema: {
        tags: ['projects'],
        summary: '设置包挂领导（本开发区主管）、专班成员和投资方联系人（主管、管理员）',
        params: IdParams,
        body: TeamBody,
        response: { 200: StaffProjectDetail, ...writeErrors },
      },
    },
    async (request) => updateTeam(app, request.staff!, request.params.id, request.body),
  )

  app.post(
    '/api/staff/projects/:id/reviews',
    {
      ...write,
      schema: {
        tags: ['projects'],
        summary: '记录现场评议：日期、参加人、结论',
        params: IdParams,
        body: ReviewBody,
        response: { 200: StaffProjectDetail, ...writeErrors },
      },
    },
    async (request) => addReview(app, request.staff!, request.params.id, request.body),
  )

  app.post(
    '/api/staff/projects/:id/invites',
    {
      ...write,
      schema: {
        tags: ['projects'],
        summary: '生成投资方邀请码（一次有效，7 天内使用）',
        description: `返回邀请码、过期时间和小程序页面路径（path，可直接分享，冷启动打开认领页）。邀请码只显示这一次，服务器只保存其摘要；有效期 ${INVITE_TTL_DAYS} 天。`,
        params: IdParams,
        body: z.object({}).strict().optional(),
        response: { 201: Invite, ...writeErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await createInvite(app, request.staff!, request.params.id)),
  )

  app.post(
    '/api/staff/projects/:id/stages/:stage/request',
    {
      ...write,
      schema: {
        tags: ['projects'],
        summary: '受阻阶段一键转为店小二请求（关联项目和阶段）',
        description:
          '以最近关注该项目的投资者名义、专班填写的联系人提交；再次调用返回已生成的请求。阶段未受阻 409 stage_not_blocked；' +
          '没有投资者关注 409 no_investor；未填写联系人 409 no_contact。',
        params: StageParams,
        body: z.object({}).strict().optional(),
        response: { 200: BlockerRequest, ...writeErrors },
      },
    },
    async (request) => blockerToRequest(app, request.staff!, request.params.id, request.params.stage),
  )

  app.get(
    '/api/staff/project-summary',
    {
      onRequest: app.requireStaff,
      schema: {
        tags: ['projects'],
        summary: '督考周报：各阶段项目数、逾期项目、本周完成的阶段',
        description: '一周为周一至周日（北京时间）；week 为该周任意一天，默认本周。',
        querystring: SummaryQuery,
        response: { 200: WeeklySummary, ...errors },
      },
    },
    async (request) => weeklySummary(app, request.staff!, request.query),
  )

  app.get(
    '/api/staff/project-summary.csv',
    {
      onRequest: app.requireStaff,
      schema: {
        tags: ['projects'],
        summary: '督考周报 CSV（UTF-8 带 BOM，Excel 可直接打开）',
        querystring: SummaryQuery,
        response: {
          200: { description: 'CSV 文件', content: { 'text/csv': { schema: z.string() } } },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { csv, weekStart } = await weeklySummaryCsv(app, request.staff!, request.query)
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment(`project-summary-${weekStart}.csv`, `督考周报-${weekStart}.csv`))
        .send(csv)
    },
  )

  // ---- Investors -------------------------------------------------------------------------

  const limits = app.config.rateLimits
  app.post(
    '/api/projects/claim',
    {
      bodyLimit: JSON_BODY_LIMIT,
      onRequest: app.requireInvestor,
      preHandler: [
        app.rateLimitHook('submit', 'ip', limits.submitPerIp),
        app.rateLimitHook('submit', 'investor', limits.submitPerInvestor),
      ],
      schema: {
        tags: ['projects'],
        summary: '用邀请码关注项目',
        description:
          '邀请码只能使用一次、7 天内有效：不存在 404 invite_not_found；已被他人使用 409 invite_used；已过期 410 invite_expired。' +
          '同一位投资者再次提交自己用过的邀请码，返回该项目。',
        body: ClaimBody,
        response: {
          200: InvestorProject,
          ...writeErrors,
          410: ErrorBody.describe('邀请码已过期（invite_expired）'),
          429: responses.rateLimited,
        },
      },
    },
    async (request) => claimInvite(app, request.investorId!, request.body.code),
  )

  app.get(
    '/api/projects/mine',
    {
      onRequest: app.requireInvestor,
      schema: {
        tags: ['projects'],
        summary: '我关注的项目',
        response: { 200: MyProjectList, 401: responses.unauthorized, 403: responses.forbidden, 500: responses.serverError },
      },
    },
    async (request) => ({ items: await listFollowed(app, request.investorId!) }),
  )

  /** An investor token, or else a staff token (investors see what they follow, staff their zone's). */
  const investorOrStaff = async (request: FastifyRequest) => {
    const investorId = await app.optionalInvestor(request)
    if (investorId) request.investorId = investorId
    else await app.requireStaff(request)
  }

  app.get(
    '/api/projects/:id',
    {
      onRequest: investorOrStaff,
      schema: {
        tags: ['projects'],
        summary: '项目进度（已关注的投资者或本开发区工作人员）',
        description: '阶段时间线和日期、包挂领导的职务；不含内部备注、受阻原因和联系人。未关注的投资者、其他开发区的工作人员返回 404。',
        params: IdParams,
        response: { 200: InvestorProject, ...errors },
      },
    },
    async (request) =>
      getProjectView(app, request.investorId ? { investorId: request.investorId } : { staff: request.staff! }, request.params.id),
  )
}

export default projectRoutes
