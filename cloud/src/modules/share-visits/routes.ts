import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ShareVisitBody, ShareVisitRecorded } from '../../../../types/service'
import { responses } from '../../http/errors'
import { BEACON_BODY_LIMIT, describeLimit } from '../../http/schemas'
import { recordShareVisit } from './share-visits'

/** WeChat launch scenes are four-digit codes; anything outside a sane range is refused rather than stored. */
const VisitBody = ShareVisitBody.extend({ scene: z.number().int().min(1).max(99_999).optional() })

/** Opened shared links: who shared (ref), what, and from where. Anonymous visits are welcome. */
const shareVisitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/share-visits',
    {
      bodyLimit: BEACON_BODY_LIMIT,
      onRequest: app.rateLimitHook('share-visits', 'ip', app.config.rateLimits.shareVisitsPerIp),
      schema: {
        tags: ['sharing'],
        summary: '记录一次分享链接的打开（无需登录；带投资者令牌时记录访客）',
        description: `ref 与某位工作人员的 shareCode 相同时，计入该工作人员的推荐访问（见数据看板 referrals）。每个 IP ${describeLimit(app.config.rateLimits.shareVisitsPerIp)}。`,
        body: VisitBody,
        response: {
          201: ShareVisitRecorded,
          400: responses.badRequest,
          413: responses.payloadTooLarge,
          415: responses.unsupportedType,
          429: responses.rateLimited,
          500: responses.serverError,
        },
      },
    },
    async (request, reply) => {
      await recordShareVisit(app, request.body, await app.optionalInvestor(request))
      return reply.code(201).send({ recorded: true as const })
    },
  )
}

export default shareVisitRoutes
