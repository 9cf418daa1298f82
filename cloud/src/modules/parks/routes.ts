import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { IdParams, ParkDetail, ParkListQuery, ParkPage } from '../../../../types/content-api'
import { parkPage } from './park-search'
import { sendCached } from '../../http/cached-body'
import { errorBody, responses } from '../../http/errors'
import { requireKnownZones } from '../content/lookup'
import { invalidCursor } from '../content/paging'

const parkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/parks',
    {
      schema: {
        tags: ['content'],
        summary: '园区目录：按开发区、产业、空间类型、面积、关键词筛选，游标分页',
        description:
          '有关键词时按相关程度排序：园区名称 > 园区的企业和项目 > 园区简介 > 开发区层面的信息；其余顺序固定：重点园区在前，其次按开发区、园区顺序。' +
          'industry 为统一的产业编号（GET /api/industries）。minArea 单位为平方米（亩、万平方米、公顷已换算）。' +
          'cursor 只能用于产生它的同一组筛选条件，否则返回 400 invalid_cursor。',
        querystring: ParkListQuery,
        response: { 200: ParkPage, 304: responses.notModified, 400: responses.badRequest, 500: responses.serverError },
      },
    },
    (request, reply) => {
      requireKnownZones(app, { zoneId: request.query.zoneId })
      const page = parkPage(app.content.current(), request.query)
      if (!page) throw invalidCursor()
      sendCached(request, reply, page)
    },
  )

  app.get(
    '/api/parks/:id',
    {
      schema: {
        tags: ['content'],
        summary: '园区详情：所属开发区、载体、入驻企业、签约项目、服务承诺、适用政策、产业链',
        params: IdParams,
        response: {
          200: ParkDetail,
          304: responses.notModified,
          400: responses.badRequest,
          404: responses.notFound,
          500: responses.serverError,
        },
      },
    },
    (request, reply) => {
      const cached = app.content.current().parkDetail(request.params.id)
      if (!cached) {
        reply.code(404).send(errorBody('not_found', '没有找到这个园区'))
        return
      }
      sendCached(request, reply, cached)
    },
  )
}

export default parkRoutes
