import fp from 'fastify-plugin'
import { errorHandler, notFoundHandler, responses } from '../../http/errors'

/**
 * Every error, and every unknown route, answers with ErrorBody (see http/errors.ts). Any route may
 * meet an unavailable database, so every route documents 503 database_unavailable.
 */
export default fp(
  async (app) => {
    app.setErrorHandler(errorHandler)
    app.setNotFoundHandler(notFoundHandler)
    app.addHook('onRoute', (route) => {
      const response = route.schema?.response as Record<string, unknown> | undefined
      if (response && !response[503]) route.schema!.response = { ...response, 503: responses.unavailable }
    })
  },
  { name: 'errors' },
)
