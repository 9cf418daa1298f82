import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { MatchInput, MatchResult, matchPolicies } from '../../../../types/policy-match'
import { responses } from '../../http/errors'
import { FORM_BODY_LIMIT } from '../../http/schemas'

const policyMatchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/policies/match',
    {
      bodyLimit: FORM_BODY_LIMIT,
      schema: {
        tags: ['content'],
        summary: '政策匹配：按项目情况逐条说明每项政策是否适用及原因',
        description: '适用的政策在前，其次按满足的条件多少排序，已过期的排在最后。每项附政策卡片。',
        body: MatchInput,
        response: {
          200: MatchResult,
          400: responses.badRequest,
          413: responses.payloadTooLarge,
          415: responses.unsupportedType,
          500: responses.serverError,
        },
      },
    },
    async (request) => {
      const snapshot = app.content.current()
      const cards = new Map(snapshot.policies.map((entry) => [entry.card.id, entry.card]))
      const zoneNames = Object.fromEntries(snapshot.zones.map((zone) => [zone.id, zone.name]))
      const matches = matchPolicies(app.content.bundle.policies, request.body, zoneNames, snapshot.today)
      const items = matches.flatMap((match) => {
        const policy = cards.get(match.policyId)
        return policy ? [{ ...match, policy }] : []
      })
      return { items, appliesCount: items.filter((item) => item.applies).length }
    },
  )
}

export default policyMatchRoutes
