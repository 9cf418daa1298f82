import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { Health } from '../../../../types/content-api'
import { databaseUnavailable, errorBody, responses } from '../../http/errors'
import { pingDatabase } from './health'

/** For load balancers and uptime checks: live on every call, never cached. */
const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: '健康检查：数据库可用且内容已加载',
        response: { 200: Health, 500: responses.serverError, 503: responses.unavailable },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store')
      try {
        await pingDatabase(app)
      } catch (error) {
        request.log.error({ err: error }, 'health check: database unreachable')
        const unavailable = databaseUnavailable()
        return reply.code(503).headers(unavailable.headers!).send(errorBody(unavailable.code, unavailable.message))
      }
      return { status: 'ok' as const, database: app.dbKind, contentVersion: app.content.version }
    },
  )
}

export default healthRoutes
