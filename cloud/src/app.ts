import Fastify from 'fastify'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Config } from './config'
import type { Clock } from './content/cache'
import type { Database } from './db/client'
import contentPlugin from './plugins/content'
import databasePlugin from './plugins/database'
import errorsPlugin, { clientErrorHandler } from './plugins/errors'
import openapiPlugin from './plugins/openapi'
import securityPlugin from './plugins/security'
import healthRoutes from './routes/health'
import homeRoutes from './routes/home'
import parkRoutes from './routes/parks'
import policyRoutes from './routes/policies'
import zoneRoutes from './routes/zones'

export type BuildAppOptions = {
  /** An open, migrated database; the caller closes it after the app. */
  db: Database
  config: Config
  /** Injectable "now" for policy expiry. */
  clock?: Clock
}

/** Personal data never reaches the logs: credentials, and contact fields of future request bodies. */
const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...['mobile', 'phone', 'contactName'].flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
]

/** The API without listening: server.ts listens, tests use app.inject(). */
export const buildApp = async ({ db, config, clock }: BuildAppOptions) => {
  const app = Fastify({
    logger: { level: config.logLevel, redact: { paths: REDACT_PATHS, censor: '[redacted]' } },
    bodyLimit: 256 * 1024,
    trustProxy: config.trustProxy,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)

  // Infrastructure (order matters: openapi must see every route, content needs the database).
  await app.register(errorsPlugin)
  await app.register(securityPlugin, { config })
  await app.register(openapiPlugin)
  await app.register(databasePlugin, { database: db })
  await app.register(contentPlugin, { config, clock })

  // Routes: every route module is registered here.
  await app.register(healthRoutes)
  await app.register(homeRoutes)
  await app.register(zoneRoutes)
  await app.register(parkRoutes)
  await app.register(policyRoutes)

  return app
}

export type App = Awaited<ReturnType<typeof buildApp>>
