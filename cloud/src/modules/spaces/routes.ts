import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { IdParams, SpaceDetail, SpaceListQuery, SpacePage } from '../../../../types/content-api'
import { sendCached } from '../../http/cached-body'
import { notFound, responses } from '../../http/errors'
import { requireKnownZones } from '../content/lookup'
import { invalidCursor } from '../content/paging'
import { spacePage } from './space-search'

const spaceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/spaces',
    {
      schema: {
        tags: ['content'],
        summary: '载体（土地、标准厂房、写字楼）列表：按开发区、园区、类型、面积、是否可租售筛选，游标分页',
        description:
          'minArea、maxArea 单位为平方米（亩、万平方米、公顷已换算），面积未公布的载体不参与面积筛选。available=true 只列可租、可售的。' +
          '顺序：开发区顺序，其次文件顺序。cursor 只能用于产生它的同一组筛选条件。',
        querystring: SpaceListQuery,
        response: { 200: SpacePage, 304: responses.notModified, 400: responses.badRequest, 500: responses.serverError },
      },
    },
    (request, reply) => {
      requireKnownZones(app, { zoneId: request.query.zoneId })
      const page = spacePage(app.content.current(), request.query)
      if (!page) throw invalidCursor()
      sendCached(request, reply, page)
    },
  )

  app.get(
    '/api/spaces/:id',
    {
      schema: {
        tags: ['content'],
        summary: '载体详情：载体、所属开发区和园区',
        params: IdParams,
        response: {
          200: SpaceDetail,
          304: responses.notModified,
          400: responses.badRequest,
          404: responses.notFound,
          500: responses.serverError,
        },
      },
    },
    (request, reply) => {
      const cached = app.content.current().spaceDetail(request.params.id)
      if (!cached) throw notFound('没有找到这个载体')
      sendCached(request, reply, cached)
    },
  )
}

export default spaceRoutes
