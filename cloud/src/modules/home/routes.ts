import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { HomeResponse } from '../../../../types/content-api'
import { sendCached } from '../../http/cached-body'
import { responses } from '../../http/errors'

const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/home',
    {
      schema: {
        tags: ['content'],
        summary: '首页：开发区、全部园区卡片、重点园区、最新签约项目、政策速览',
        response: { 200: HomeResponse, 304: responses.notModified, 500: responses.serverError },
      },
    },
    (request, reply) => {
      sendCached(request, reply, app.content.current().home)
    },
  )
}

export default homeRoutes
