import fp from 'fastify-plugin'
import { errorHandler, notFoundHandler } from '../../http/errors'

/** Every error, and every unknown route, answers with ErrorBody (see http/errors.ts). */
export default fp(
  async (app) => {
    app.setErrorHandler(errorHandler)
    app.setNotFoundHandler(notFoundHandler)
  },
  { name: 'errors' },
)
