import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { IdParams, ZoneDetail, ZoneList } from '../../../../types/content-api'
import { sendCached } from '../../http/cached-body'
import { errorBody, responses } from '../../http/errors'

const zoneRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/zones',
    {
      schema: {
        tags: ['content'],
        summary: '开发区列表（含园区数）',
        response: { 200: ZoneList, 304: responses.notModified, 500: responses.serverError },
      },
    },
    (request, reply) => {
      sendCached(request, reply, app.content.current().zoneList)
    },
  )

  app.get(
    '/api/zones/:id',
    {
      schema: {
        tags: ['content'],
        summary: '开发区详情：园区、服务承诺、政策、签约项目',
        params: IdParams,
        response: {
          200: ZoneDetail,
          304: responses.notModified,
          400: responses.badRequest,
          404: responses.notFound,
          500: responses.serverError,
        },
      },
    },
    (request, reply) => {
      const cached = app.content.current().zoneDetails.get(request.params.id)
      if (!cached) {
        reply.code(404).send(errorBody('not_found', '没有找到这个开发区'))
        return
      }
      sendCached(request, reply, cached)
    },
  )
}

export default zoneRoutes
