import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { Health } from '../../../../types/content-api'
import { databaseUnavailable, errorBody, responses } from '../../http/errors'
import { pingDatabase, uploadStoreProbe } from './health'
import { quieterOf } from '../../http/log'

/** For load balancers and uptime checks: live on every call, never cached. */
const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const probeUploads = uploadStoreProbe(app.uploadStorage)

  app.get(
    '/api/health',
    {
      // Polled every few seconds (npm start, load balancers): a healthy answer is not worth a log line.
      // Failures still log (error level, below).
      logLevel: quieterOf(app.log.level, 'warn'),
      schema: {
        tags: ['system'],
        summary: '健康检查：数据库可用、内容已加载、图片存储可写',
        description: `数据库在 HEALTH_TIMEOUT_MS 内无应答：503 database_unavailable（带 Retry-After）；图片存储无法写入：503 upload_store_unavailable。`,
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
      try {
        await probeUploads()
      } catch (error) {
        request.log.error({ err: error }, 'health check: upload store not writable')
        return reply
          .code(503)
          .send(errorBody('upload_store_unavailable', '图片存储无法写入（磁盘已满、只读或对象存储不可用），投资者暂时不能上传图片'))
      }
      return { status: 'ok' as const, database: app.dbKind, contentVersion: app.content.version }
    },
  )
}

export default healthRoutes
