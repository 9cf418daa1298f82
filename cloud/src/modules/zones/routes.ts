import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { IdParams, ZoneDetail, ZoneOptionList } from '../../../../types/content-api'
import { sendCached } from '../../http/cached-body'
import { responses } from '../../http/errors'
import { zoneNotFound } from '../content/lookup'

const zoneRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/zones',
    {
      schema: {
        tags: ['content'],
        summary: '开发区列表（编号、名称、简称、顺序），供选择器使用',
        description: '按 order、再按编号排序。',
        response: { 200: ZoneOptionList, 304: responses.notModified, 500: responses.serverError },
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
        summary: '开发区详情：全部数据、园区、载体、签约项目、企业、服务承诺、政策、产业链',
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
      const cached = app.content.current().zoneDetail(request.params.id)
      if (!cached) throw zoneNotFound()
      sendCached(request, reply, cached)
    },
  )
}

export default zoneRoutes
