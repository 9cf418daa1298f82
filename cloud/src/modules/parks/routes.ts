import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { IdParams, ParkDetail, ParkListQuery, ParkPage } from '../../../../types/content-api'
import { parkPage } from './park-search'
import { sendCached } from '../../http/cached-body'
import { errorBody, responses } from '../../http/errors'

const parkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/parks',
    {
      schema: {
        tags: ['content'],
        summary: '园区目录：按开发区、产业、空间类型、面积、关键词筛选，游标分页',
        description:
          '顺序固定：重点园区在前，其次按开发区、园区顺序。minArea 单位为平方米（亩、万平方米、公顷已换算）。' +
          'cursor 只能用于产生它的同一组筛选条件，否则返回 400 invalid_cursor。',
        querystring: ParkListQuery,
        response: { 200: ParkPage, 304: responses.notModified, 400: responses.badRequest, 500: responses.serverError },
      },
    },
    (request, reply) => {
      const page = parkPage(app.content.current(), request.query)
      if (!page) {
        reply.code(400).send(errorBody('invalid_cursor', '分页游标无效', { cursor: '游标无效或与当前筛选条件不匹配，请从第一页重新加载' }))
        return
      }
      sendCached(request, reply, page)
    },
  )

  app.get(
    '/api/parks/:id',
    {
      schema: {
        tags: ['content'],
        summary: '园区详情：所属开发区、入驻企业、签约项目、服务承诺、适用政策',
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
      const cached = app.content.current().parkDetails.get(request.params.id)
      if (!cached) {
        reply.code(404).send(errorBody('not_found', '没有找到这个园区'))
        return
      }
      sendCached(request, reply, cached)
    },
  )
}

export default parkRoutes
