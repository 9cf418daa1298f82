import { and, desc, eq } from 'drizzle-orm'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { listOf, SlugId } from '../../../../types/common'
import { ParkCard } from '../../../../types/content-api'
import { favourites } from '../../db/schema'
import { notFound, responses } from '../../http/errors'

const FavouriteList = listOf(ParkCard)
const ParkParams = z.object({ parkId: SlugId })

const errors = {
  400: responses.badRequest,
  401: responses.unauthorized,
  403: responses.forbidden,
  404: responses.notFound,
  500: responses.serverError,
}

/** An investor's saved parks, newest first. PUT and DELETE are idempotent. */
const favouriteRoutes: FastifyPluginAsyncZod = async (app) => {
  const parkExists = (parkId: string) => app.content.current().parks.some((entry) => entry.card.id === parkId)

  app.get(
    '/api/favourites',
    {
      onRequest: app.requireInvestor,
      schema: {
        tags: ['investor'],
        summary: '我收藏的园区（最新在前；已下线的园区不再列出）',
        response: { 200: FavouriteList, 401: responses.unauthorized, 403: responses.forbidden, 500: responses.serverError },
      },
    },
    async (request, reply) => {
      const rows = await app.db
        .select({ parkId: favourites.parkId })
        .from(favourites)
        .where(eq(favourites.investorId, request.investorId!))
        .orderBy(desc(favourites.createdAt), desc(favourites.parkId))
      const cards = new Map(app.content.current().parks.map((entry) => [entry.card.id, entry.card]))
      reply.header('cache-control', 'no-store')
      return { items: rows.flatMap((row) => cards.get(row.parkId) ?? []) }
    },
  )

  app.put(
    '/api/favourites/:parkId',
    {
      onRequest: app.requireInvestor,
      schema: {
        tags: ['investor'],
        summary: '收藏园区（重复收藏无副作用）',
        params: ParkParams,
        response: { 204: responses.noContent, ...errors, 413: responses.payloadTooLarge, 415: responses.unsupportedType },
      },
    },
    async (request, reply) => {
      const { parkId } = request.params
      if (!parkExists(parkId)) throw notFound('没有找到这个园区')
      await app.db.insert(favourites).values({ investorId: request.investorId!, parkId, createdAt: app.clock() }).onConflictDoNothing()
      return reply.code(204).send()
    },
  )

  app.delete(
    '/api/favourites/:parkId',
    {
      onRequest: app.requireInvestor,
      schema: {
        tags: ['investor'],
        summary: '取消收藏（未收藏时无副作用）',
        params: ParkParams,
        response: { 204: responses.noContent, ...errors, 413: responses.payloadTooLarge, 415: responses.unsupportedType },
      },
    },
    async (request, reply) => {
      const { parkId } = request.params
      const removed = await app.db
        .delete(favourites)
        .where(and(eq(favourites.investorId, request.investorId!), eq(favourites.parkId, parkId)))
        .returning({ parkId: favourites.parkId })
      // A park that left the content can still be removed from the list; an unknown one is a 404.
      if (removed.length === 0 && !parkExists(parkId)) throw notFound('没有找到这个园区')
      return reply.code(204).send()
    },
  )
}

export default favouriteRoutes
