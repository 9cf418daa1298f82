import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { IdParams, PolicyDetail, PolicyList, PolicyListQuery } from '../../../../types/content-api'
import { sendCached, toCachedBody } from '../../http/cached-body'
import { errorBody, responses } from '../../http/errors'

const policyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/policies',
    {
      schema: {
        tags: ['content'],
        summary: '政策列表：按开发区、类别、关键词筛选；已过期的排在最后',
        querystring: PolicyListQuery,
        response: { 200: PolicyList, 304: responses.notModified, 400: responses.badRequest, 500: responses.serverError },
      },
    },
    (request, reply) => {
      const { zoneId, category } = request.query
      const q = request.query.q?.toLowerCase()
      const items = app.content
        .current()
        .policies.filter(
          ({ card, text }) => (!zoneId || card.zoneId === zoneId) && (!category || card.category === category) && (!q || text.includes(q)),
        )
        .map((entry) => entry.card)
      sendCached(request, reply, toCachedBody({ items }))
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
      const cached = app.content.current().policyDetails.get(request.params.id)
      if (!cached) {
        reply.code(404).send(errorBody('not_found', '没有找到这条政策'))
        return
      }
      sendCached(request, reply, cached)
    },
  )
}

export default policyRoutes
