import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { listOf, SlugId } from '../../../../types/common'
import { ParkCard } from '../../../../types/content-api'
import { responses } from '../../http/errors'
import { addFavourite, listFavourites, removeFavourite } from './favourites'

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
      reply.header('cache-control', 'no-store')
      return { items: await listFavourites(app, request.investorId!) }
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
      await addFavourite(app, request.investorId!, request.params.parkId)
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
      await removeFavourite(app, request.investorId!, request.params.parkId)
      return reply.code(204).send()
    },
  )
}

export default favouriteRoutes
