import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { IndustryList, IndustryListQuery } from '../../../../types/content-api'
import { INDUSTRIES } from '../../../../types/industries'
import { sendCached, toCachedBody } from '../../http/cached-body'
import { responses } from '../../http/errors'
import { requireKnownZones } from '../content/lookup'

const industryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/industries',
    {
      schema: {
        tags: ['content'],
        summary: '产业筛选项：统一产业目录中，开发区（或全部开发区）有园区的产业及园区数',
        description: '产业编号用于 GET /api/parks 的 industry 和政策匹配的 industry；按目录顺序。',
        querystring: IndustryListQuery,
        response: { 200: IndustryList, 304: responses.notModified, 400: responses.badRequest, 500: responses.serverError },
      },
    },
    (request, reply) => {
      const { zoneId } = request.query
      requireKnownZones(app, { zoneId })
      const snapshot = app.content.current()
      const key = `industries:${zoneId ?? ''}`
      let cached = snapshot.lists.get(key)
      if (!cached) {
        const counts = new Map<string, number>()
        for (const entry of snapshot.parks) {
          if (zoneId && entry.card.zoneId !== zoneId) continue
          for (const id of entry.industryIds) counts.set(id, (counts.get(id) ?? 0) + 1)
        }
        cached = toCachedBody({
          items: INDUSTRIES.filter((industry) => counts.has(industry.id)).map((industry) => ({
            id: industry.id,
            label: industry.label,
            parkCount: counts.get(industry.id)!,
          })),
        })
        snapshot.lists.set(key, cached)
      }
      sendCached(request, reply, cached)
    },
  )
}

export default industryRoutes
