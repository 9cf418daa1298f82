import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ShareVisitBody, ShareVisitRecorded } from '../../../../types/service'
import type { ContentSnapshot } from '../content/snapshot'
import { shareVisits, staff } from '../../db/schema'
import { responses } from '../../http/errors'
import { BEACON_BODY_LIMIT, describeLimit } from '../../http/schemas'

/** WeChat launch scenes are four-digit codes; anything outside a sane range is refused rather than stored. */
const VisitBody = ShareVisitBody.extend({ scene: z.number().int().min(1).max(99_999).optional() })

/** Zones the shared page is about (a comparison may span several), for per-zone referral figures. */
const zonesOf = (snapshot: ContentSnapshot, body: z.infer<typeof VisitBody>): string[] => {
  const parkZone = (id: string) => snapshot.parks.find((entry) => entry.card.id === id)?.card.zoneId
  const ids =
    body.page === 'pages/policy/index'
      ? [snapshot.policies.find((entry) => entry.card.id === body.targetId)?.card.zoneId]
      : body.page === 'pages/park/index'
        ? [parkZone(body.targetId)]
        : body.targetId.split(',').map((id) => parkZone(id.trim()))
  return [...new Set(ids.filter((id): id is NonNullable<typeof id> => Boolean(id)))]
}

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
      const body = request.body
      const [sharer] = await app.db.select({ id: staff.id }).from(staff).where(eq(staff.shareCode, body.ref)).limit(1)
      await app.db.insert(shareVisits).values({
        id: randomUUID(),
        ref: body.ref,
        page: body.page,
        targetId: body.targetId,
        scene: body.scene ?? null,
        investorId: await app.optionalInvestor(request),
        staffId: sharer?.id ?? null,
        zoneIds: zonesOf(app.content.current(), body),
        createdAt: app.clock(),
      })
      return reply.code(201).send({ recorded: true as const })
    },
  )
}

export default shareVisitRoutes
