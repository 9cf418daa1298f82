import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { IdParams, PolicyDetail, PolicyListQuery, PolicyPage } from '../../../../types/content-api'
import { sendCached } from '../../http/cached-body'
import { errorBody, responses } from '../../http/errors'
import { requireKnownZones } from '../content/lookup'
import { invalidCursor } from '../content/paging'
import { policyPage } from './policy-search'

const policyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/policies',
    {
      schema: {
        tags: ['content'],
        summary: '政策列表：按开发区、类别、关键词筛选，游标分页；已过期的排在最后',
        description: '有关键词时标题命中的在前。cursor 只能用于产生它的同一组筛选条件，否则返回 400 invalid_cursor。',
        querystring: PolicyListQuery,
        response: { 200: PolicyPage, 304: responses.notModified, 400: responses.badRequest, 500: responses.serverError },
      },
    },
    (request, reply) => {
      requireKnownZones(app, { zoneId: request.query.zoneId })
      const page = policyPage(app.content.current(), request.query)
      if (!page) throw invalidCursor()
      sendCached(request, reply, page)
    },
  )

  app.get(
    '/api/policies/:id',
    {
      schema: {
        tags: ['content'],
        summary: '政策详情',
        params: IdParams,
        response: {
          200: PolicyDetail,
          304: responses.notModified,
          400: responses.badRequest,
          404: responses.notFound,
          500: responses.serverError,
        },
      },
    },
    (request, reply) => {
      const cached = app.content.current().policyDetail(request.params.id)
      if (!cached) {
        reply.code(404).send(errorBody('not_found', '没有找到这条政策'))
        return
      }
      sendCached(request, reply, cached)
    },
  )
}

export default policyRoutes
