import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ChainDetail, ChainList, ChainListQuery, IdParams } from '../../../../types/content-api'
import { sendCached, toCachedBody } from '../../http/cached-body'
import { notFound, responses } from '../../http/errors'
import { requireKnownZones } from '../content/lookup'

const chainRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/chains',
    {
      schema: {
        tags: ['content'],
        summary: '产业链（链长制）列表，可按开发区筛选',
        querystring: ChainListQuery,
        response: { 200: ChainList, 304: responses.notModified, 400: responses.badRequest, 500: responses.serverError },
      },
    },
    (request, reply) => {
      const { zoneId } = request.query
      requireKnownZones(app, { zoneId })
      const snapshot = app.content.current()
      const key = `chains:${zoneId ?? ''}`
      let cached = snapshot.lists.get(key)
      if (!cached) {
        cached = toCachedBody({ items: snapshot.chains.filter((chain) => !zoneId || chain.zoneId === zoneId) })
        snapshot.lists.set(key, cached)
      }
      sendCached(request, reply, cached)
    },
  )

  app.get(
    '/api/chains/:id',
    {
      schema: {
        tags: ['content'],
        summary: '产业链详情：链长、链主、牵头和配合部门、园区、政策、项目、载体、企业、招商方向',
        params: IdParams,
        response: {
          200: ChainDetail,
          304: responses.notModified,
          400: responses.badRequest,
          404: responses.notFound,
          500: responses.serverError,
        },
      },
    },
    (request, reply) => {
      const cached = app.content.current().chainDetail(request.params.id)
      if (!cached) throw notFound('没有找到这条产业链')
      sendCached(request, reply, cached)
    },
  )
}

export default chainRoutes
