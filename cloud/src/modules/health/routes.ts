import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { Health } from '../../../../types/content-api'
import { errorBody, responses } from '../../http/errors'
import { pingDatabase } from './health'
import { quieterOf } from '../../http/log'

/** For load balancers and uptime checks: live on every call, never cached. */
const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    {
      // Polled every few seconds (npm start, load balancers): a healthy answer is not worth a log line.
      // Failures still log (error level, below).
      logLevel: quieterOf(app.log.level, 'warn'),
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
        return reply.code(503).send(errorBody('database_unavailable', '数据库暂不可用，请稍后再试'))
      }
      return { status: 'ok' as const, database: app.dbKind, contentVersion: app.content.version }
    },
  )
}

export default healthRoutes
