import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { MatchInput, MatchQuery, MatchResult } from '../../../../types/policy-match'
import { sendCached } from '../../http/cached-body'
import { responses } from '../../http/errors'
import { FORM_BODY_LIMIT } from '../../http/schemas'
import { requireKnownZones } from '../content/lookup'
import { invalidCursor } from '../content/paging'
import { matchPage } from './match'

const policyMatchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/policies/match',
    {
      bodyLimit: FORM_BODY_LIMIT,
      schema: {
        tags: ['content'],
        summary: '政策匹配：意向开发区的扶持政策逐条说明是否适用及原因，准入要求单列',
        description:
          '只看 zoneIds 中开发区的政策（不填则全部开发区）。未公布的条件或有效期为“待确认”，不算满足。' +
          '符合的在前，其次待确认、不符合，同类按满足的条件多少排序，已过期的排在最后；游标分页（cursor、limit 在查询串）。' +
          'requirements 为意向开发区的准入要求（如“三个不选”），只在第一页给出。',
        body: MatchInput,
        querystring: MatchQuery,
        response: {
          200: MatchResult,
          304: responses.notModified,
          400: responses.badRequest,
          413: responses.payloadTooLarge,
          415: responses.unsupportedType,
          500: responses.serverError,
        },
      },
    },
    (request, reply) => {
      requireKnownZones(app, Object.fromEntries((request.body.zoneIds ?? []).map((zoneId, index) => [`zoneIds.${index}`, zoneId])))
      const page = matchPage(app.content.current(), request.body, request.query)
      if (!page) throw invalidCursor()
      sendCached(request, reply, page)
    },
  )
}

export default policyMatchRoutes
