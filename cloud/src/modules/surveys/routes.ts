import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  MySurveyList,
  ResponseRequest,
  StaffSurveyList,
  Survey,
  SurveyBody,
  SurveyExportQuery,
  SurveyForInvestor,
  SurveyList,
  SurveyListQuery,
  SurveyResponseBody,
  SurveyResults,
} from '../../../../types/surveys'
import { attachment } from '../../http/csv'
import { responses } from '../../http/errors'
import { JSON_BODY_LIMIT } from '../../http/schemas'
import { getForInvestor, submitResponse } from './responses'
import { exportCsv, responseToRequest, surveyResults } from './results'
import { createSurvey, listForStaff, listMine, listPublished, publishSurvey, updateSurvey } from './surveys'

const IdParams = z.object({ id: z.string().min(1).max(64) })
const ResponseParams = IdParams.extend({ responseId: z.string().min(1).max(64) })

const errors = {
  400: responses.badRequest,
  401: responses.unauthorized,
  403: responses.forbidden,
  404: responses.notFound,
  500: responses.serverError,
}
const writeErrors = { ...errors, 409: responses.conflict, 413: responses.payloadTooLarge, 415: responses.unsupportedType }

/**
 * 问需于企 / 问策于企 / 问效于企. Supervisors (and admins) write and publish surveys for their zone;
 * staff of the zone read the results and turn answers into 店小二 requests. Investors answer once per
 * survey and may change their answer until it closes.
 */
const surveyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store')
  })
  const write = { bodyLimit: JSON_BODY_LIMIT, onRequest: app.requireStaff }

  app.get(
    '/api/staff/surveys',
    {
      onRequest: app.requireStaff,
      schema: {
        tags: ['surveys'],
        summary: '本开发区的问卷（含草稿）及答复数',
        querystring: SurveyListQuery,
        response: { 200: StaffSurveyList, ...errors },
      },
    },
    async (request) => listForStaff(app, request.staff!, request.query.zoneId),
  )

  app.post(
    '/api/staff/surveys',
    {
      ...write,
      schema: {
        tags: ['surveys'],
        summary: '新建问卷草稿（主管、管理员）',
        description:
          '题型：单选 single、多选 multiple（2–10 个不重复的选项）、填空 text、评分 rating（1–5）；每题可设必答。题号由服务器按顺序编为 q1、q2……',
        body: SurveyBody,
        response: { 201: Survey, ...writeErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await createSurvey(app, request.staff!, request.body)),
  )

  app.put(
    '/api/staff/surveys/:id',
    {
      ...write,
      schema: {
        tags: ['surveys'],
        summary: '修改问卷草稿（发布后不能修改，409 survey_published）',
        params: IdParams,
        body: SurveyBody,
        response: { 200: Survey, ...writeErrors },
      },
    },
    async (request) => updateSurvey(app, request.staff!, request.params.id, request.body),
  )

  app.post(
    '/api/staff/surveys/:id/publish',
    {
      ...write,
      schema: {
        tags: ['surveys'],
        summary: '发布问卷：本开发区的投资者在“我的”和开发区页面看到它',
        params: IdParams,
        body: z.object({}).strict().optional(),
        response: { 200: Survey, ...writeErrors },
      },
    },
    async (request) => publishSurvey(app, request.staff!, request.params.id),
  )

  app.get(
    '/api/staff/surveys/:id/results',
    {
      onRequest: app.requireStaff,
      schema: {
        tags: ['surveys'],
        summary: '问卷结果：各选项人数、评分平均分、填空答复（含企业）、每份答卷',
        params: IdParams,
        response: { 200: SurveyResults, ...errors },
      },
    },
    async (request) => surveyResults(app, request.staff!, request.params.id),
  )

  app.post(
    '/api/staff/surveys/:id/responses/:responseId/request',
    {
      ...write,
      schema: {
        tags: ['surveys'],
        summary: '把一份答卷转为店小二请求（关联问卷，企业在“我的服务请求”中看到）',
        description: '每份答卷只生成一个请求：再次调用返回已生成的请求。',
        params: ResponseParams,
        body: z.object({}).strict().optional(),
        response: { 200: ResponseRequest, ...writeErrors },
      },
    },
    async (request) => responseToRequest(app, request.staff!, request.params.id, request.params.responseId),
  )

  app.get(
    '/api/staff/surveys/export.csv',
    {
      onRequest: app.requireStaff,
      schema: {
        tags: ['surveys'],
        summary: '导出答复 CSV（本开发区全部问卷，或 surveyId 指定的一份；UTF-8 带 BOM）',
        description: '每道已答的题一行：开发区、问卷、企业、联系人、手机号（打码）、时间、题目、答案、转成的工单号。',
        querystring: SurveyExportQuery,
        response: {
          200: { description: 'CSV 文件', content: { 'text/csv': { schema: z.string() } } },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { csv, name } = await exportCsv(app, request.staff!, request.query)
      return reply.type('text/csv; charset=utf-8').header('content-disposition', attachment('survey-answers.csv', name)).send(csv)
    },
  )

  // ---- Investors -------------------------------------------------------------------------

  app.get(
    '/api/surveys',
    {
      schema: {
        tags: ['surveys'],
        summary: '开发区已发布的问卷（开发区页面用）',
        querystring: SurveyListQuery,
        response: { 200: SurveyList, 400: responses.badRequest, 500: responses.serverError },
      },
    },
    async (request) => listPublished(app, request.query.zoneId),
  )

  app.get(
    '/api/surveys/mine',
    {
      onRequest: app.requireInvestor,
      schema: {
        tags: ['surveys'],
        summary: '我的问卷：与我有关的开发区（关注的项目、提交过请求、收藏的园区）正在进行的问卷，以及我答过的问卷',
        response: { 200: MySurveyList, 401: responses.unauthorized, 403: responses.forbidden, 500: responses.serverError },
      },
    },
    async (request) => listMine(app, request.investorId!),
  )

  app.get(
    '/api/surveys/:id',
    {
      schema: {
        tags: ['surveys'],
        summary: '问卷（已发布）；带投资者令牌时附上本人的答卷',
        params: IdParams,
        response: { 200: SurveyForInvestor, ...errors },
      },
    },
    async (request) => getForInvestor(app, await app.optionalInvestor(request), request.params.id),
  )

  const limits = app.config.rateLimits
  app.post(
    '/api/surveys/:id/responses',
    {
      bodyLimit: JSON_BODY_LIMIT,
      onRequest: app.requireInvestor,
      preHandler: [
        app.rateLimitHook('submit', 'ip', limits.submitPerIp),
        app.rateLimitHook('submit', 'investor', limits.submitPerInvestor),
      ],
      schema: {
        tags: ['surveys'],
        summary: '提交或修改答卷（每份问卷每位投资者一份，截止前可修改）',
        description:
          '第一次提交 201，再次提交替换原答卷 200。未开始 409 survey_not_open，已截止 409 survey_closed；' +
          '答案不合题目（必答未答、选项不存在、评分不在 1–5）400，fields 按 answers.<题号> 给出原因，不保存任何内容。',
        params: IdParams,
        body: SurveyResponseBody,
        response: { 201: SurveyForInvestor, 200: SurveyForInvestor, ...writeErrors, 429: responses.rateLimited },
      },
    },
    async (request, reply) => {
      const { response, created } = await submitResponse(app, request.investorId!, request.params.id, request.body)
      return reply.code(created ? 201 : 200).send(response)
    },
  )
}

export default surveyRoutes
