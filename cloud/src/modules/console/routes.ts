import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  Completeness,
  CompletenessQuery,
  ConsoleList,
  ConsoleRecord,
  ContentListParams,
  ContentListQuery,
  ContentRecordParams,
  PublishResult,
  RevertBody,
  RevisionList,
} from '../../../../types/console'
import { badField, responses } from '../../http/errors'
import { JSON_BODY_LIMIT } from '../../http/schemas'
import { zoneNotFound } from '../content/lookup'
import { zoneForQuery } from './access'
import { completeness } from './completeness'
import { deleteDraft, getConsoleRecord, listConsole, saveDraft } from './drafts'
import { listRevisions, publishDraft, revertTo } from './publish'

/** Records are larger than forms: a zone with 40 figures, 9 photos and a long summary. */
const RECORD_BODY_LIMIT = 256 * 1024

const staffErrors = {
  400: responses.badRequest,
  401: responses.unauthorized,
  403: responses.forbidden,
  404: responses.notFound,
  500: responses.serverError,
}

/**
 * 内容管理 (issue 12): drafts, publish, revisions and revert for every kind of content, and the
 * 资料完整度 checklist. Agents save drafts of their zone; supervisors and admins of the zone publish and
 * revert; admins act on every zone and alone create zones. Drafts are never served to investors.
 */
const consoleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store')
  })

  app.get(
    '/api/staff/content/:kind',
    {
      onRequest: app.requireStaff,
      schema: {
        tags: ['console'],
        summary: '内容列表：本开发区某类内容，含已发布和草稿状态',
        description:
          'kind：zones、parks、spaces、policies、enterprises、projects、chains、commitments。管理员可用 zoneId 选择开发区，不指定时列出全部。',
        params: ContentListParams,
        querystring: ContentListQuery,
        response: { 200: ConsoleList, ...staffErrors },
      },
    },
    async (request) => ({ items: await listConsole(app, request.params.kind, zoneForQuery(request.staff!, request.query.zoneId)) }),
  )

  app.get(
    '/api/staff/content/:kind/:id',
    {
      onRequest: app.requireStaff,
      schema: {
        tags: ['console'],
        summary: '一条内容：已发布的版本和待发布的草稿',
        params: ContentRecordParams,
        response: { 200: ConsoleRecord, ...staffErrors },
      },
    },
    async (request) => getConsoleRecord(app, request.staff!, request.params.kind, request.params.id),
  )

  app.put(
    '/api/staff/content/:kind/:id',
    {
      bodyLimit: RECORD_BODY_LIMIT,
      onRequest: app.requireStaff,
      schema: {
        tags: ['console'],
        summary: '保存草稿（投资者看不到，发布后才生效）',
        description:
          '请求体是该类内容的完整记录（与 cloud/content/*.json 中的格式相同），按与内容导入相同的规则校验；有误时返回 400，fields 逐项说明，什么都不保存。' +
          'updatedAt 由服务器在发布时设置。新建开发区（kind=zones 的新编号）仅限管理员。',
        params: ContentRecordParams,
        body: z.record(z.string(), z.unknown()).describe('该类内容的完整记录'),
        response: { 200: ConsoleRecord, ...staffErrors, 413: responses.payloadTooLarge, 415: responses.unsupportedType },
      },
    },
    async (request) => saveDraft(app, request.staff!, request.params.kind, request.params.id, request.body),
  )

  app.delete(
    '/api/staff/content/:kind/:id/draft',
    {
      onRequest: app.requireStaff,
      schema: {
        tags: ['console'],
        summary: '放弃草稿（已发布的内容不变）',
        params: ContentRecordParams,
        response: { 204: responses.noContent, ...staffErrors, 415: responses.unsupportedType },
      },
    },
    async (request, reply) => {
      await deleteDraft(app, request.staff!, request.params.kind, request.params.id)
      return reply.code(204).send()
    },
  )

  app.post(
    '/api/staff/content/:kind/:id/publish',
    {
      onRequest: app.requireStaff,
      schema: {
        tags: ['console'],
        summary: '发布草稿（主管或管理员）：投资者几秒内可见，并留下修订记录',
        description:
          '发布前再校验一次；店小二返回 403；没有草稿返回 409 no_draft；期间内容被其他人更新返回 409 content_changed（刷新后重试）。',
        params: ContentRecordParams,
        response: { 200: PublishResult, ...staffErrors, 409: responses.conflict, 415: responses.unsupportedType },
      },
    },
    async (request) => publishDraft(app, request.staff!, request.params.kind, request.params.id),
  )

  app.get(
    '/api/staff/content/:kind/:id/revisions',
    {
      onRequest: app.requireStaff,
      schema: {
        tags: ['console'],
        summary: '修订记录：每次发布、恢复和内容导入（谁、何时、改了哪些字段、前后对比），新的在前',
        params: ContentRecordParams,
        response: { 200: RevisionList, ...staffErrors },
      },
    },
    async (request) => ({ items: await listRevisions(app, request.staff!, request.params.kind, request.params.id) }),
  )

  app.post(
    '/api/staff/content/:kind/:id/revert',
    {
      bodyLimit: JSON_BODY_LIMIT,
      onRequest: app.requireStaff,
      schema: {
        tags: ['console'],
        summary: '恢复到早先的版本（主管或管理员）：作为一次新的发布',
        params: ContentRecordParams,
        body: RevertBody,
        response: {
          200: PublishResult,
          ...staffErrors,
          409: responses.conflict,
          413: responses.payloadTooLarge,
          415: responses.unsupportedType,
        },
      },
    },
    async (request) => revertTo(app, request.staff!, request.params.kind, request.params.id, request.body.revisionId),
  )

  app.get(
    '/api/staff/completeness',
    {
      onRequest: app.requireStaff,
      schema: {
        tags: ['console'],
        summary: '资料完整度：开发区和每个园区还缺哪些投资者看不到的信息',
        description: '管理员须用 zoneId 指定开发区。',
        querystring: CompletenessQuery,
        response: { 200: Completeness, ...staffErrors },
      },
    },
    async (request) => {
      const zoneId = zoneForQuery(request.staff!, request.query.zoneId)
      if (!zoneId) throw badField('zoneId', '请选择开发区')
      const { bundle } = app.content
      const zone = bundle.zones.find((candidate) => candidate.id === zoneId)
      if (!zone) throw zoneNotFound()
      return completeness(bundle, zone)
    },
  )
}

export default consoleRoutes
