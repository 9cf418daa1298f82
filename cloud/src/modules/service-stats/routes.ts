import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { IdParams } from '../../../../types/content-api'
import { ZoneServiceStats } from '../../../../types/service'
import { responses } from '../../http/errors'
import { zoneNotFound } from '../content/lookup'
import { cachedZoneServiceStats, STATS_PERIOD_DAYS } from './stats'

/** Public: how well a zone answers investors, shown on park pages. */
const serviceStatsRoutes: FastifyPluginAsyncZod = async (app) => {
  const stats = cachedZoneServiceStats(app)
  app.get(
    '/api/zones/:id/service-stats',
    {
      schema: {
        tags: ['content'],
        summary: `开发区服务数据（最近 ${STATS_PERIOD_DAYS} 天）：请求数、24 小时内响应率、满意率`,
        description: '没有可统计的数据时比率为 null。每个开发区的数据在服务端缓存 5 分钟，客户端也可缓存 5 分钟。',
        params: IdParams,
        response: { 200: ZoneServiceStats, 400: responses.badRequest, 404: responses.notFound, 500: responses.serverError },
      },
    },
    async (request, reply) => {
      const zoneId = request.params.id
      if (!app.content.current().zoneById.has(zoneId)) throw zoneNotFound()
      reply.header('cache-control', 'public, max-age=300')
      return stats(zoneId)
    },
  )
}

export default serviceStatsRoutes
