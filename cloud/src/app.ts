import Fastify from 'fastify'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Clock } from './clock'
import type { Config } from './config'
import type { Database } from './db/client'
import { clientErrorHandler, frameworkErrors } from './http/errors'
import { serializeError, serializeRequest } from './http/log'
import { MAX_BODY_LIMIT } from './http/schemas'
import authRoutes from './modules/auth/routes'
import chainRoutes from './modules/chains/routes'
import consoleRoutes from './modules/console/routes'
import favouriteRoutes from './modules/favourites/routes'
import healthRoutes from './modules/health/routes'
import homeRoutes from './modules/home/routes'
import mediaRoutes from './modules/media/routes'
import industryRoutes from './modules/industries/routes'
import parkRoutes from './modules/parks/routes'
import policyRoutes from './modules/policies/routes'
import policyMatchRoutes from './modules/policy-match/routes'
import requestRoutes from './modules/requests/routes'
import serviceStatsRoutes from './modules/service-stats/routes'
import shareVisitRoutes from './modules/share-visits/routes'
import spaceRoutes from './modules/spaces/routes'
import staffRequestRoutes from './modules/staff-requests/routes'
import staffAccountRoutes from './modules/staff-accounts/routes'
import staffRoutes from './modules/staff/routes'
import uploadRoutes from './modules/uploads/routes'
import zoneSettingsRoutes from './modules/zone-settings/routes'
import zoneRoutes from './modules/zones/routes'
import authPlugin from './plugins/app/auth'
import contextPlugin from './plugins/app/context'
import errorsPlugin from './plugins/app/errors'
import inputPlugin from './plugins/app/input'
import jobsPlugin from './plugins/app/jobs'
import rateLimitPlugin from './plugins/app/rate-limit'
import contentPlugin from './plugins/external/content'
import databasePlugin from './plugins/external/database'
import openapiPlugin from './plugins/external/openapi'
import securityPlugin from './plugins/external/security'
import uploadStoragePlugin from './plugins/external/upload-storage'
import wechatPlugin from './plugins/external/wechat'

export type BuildAppOptions = {
  /** An open, migrated database; the caller closes it after the app. */
  db: Database
  config: Config
  /** Injectable "now": policy expiry, SLA deadlines and jobs, token expiry. */
  clock?: Clock
}

/**
 * Personal data never reaches the logs: credentials, and contact fields should a body ever be logged
 * (routes never log bodies; database errors are logged without their parameters, see http/log.ts).
 */
const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...['mobile', 'phone', 'contactName', 'password', 'token', 'openid'].flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
]

/** The API without listening: server.ts listens, tests use app.inject(). */
export const buildApp = async ({ db, config, clock }: BuildAppOptions) => {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { err: serializeError, req: serializeRequest },
    },
    bodyLimit: MAX_BODY_LIMIT,
    trustProxy: config.trustProxy,
    clientErrorHandler,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)

  // Order matters: openapi must see every route, content needs the database, the clients need the config.
  await app.register(errorsPlugin)
  await app.register(inputPlugin)
  await app.register(contextPlugin, { config, clock })
  // External services and infrastructure (plugins/external).
  await app.register(securityPlugin, { config })
  await app.register(openapiPlugin)
  await app.register(databasePlugin, { database: db })
  await app.register(contentPlugin, { config, clock })
  await app.register(wechatPlugin)
  await app.register(uploadStoragePlugin)
  // The app's own cross-cutting rules (plugins/app).
  await app.register(authPlugin)
  await app.register(rateLimitPlugin)
  await app.register(jobsPlugin)

  // Routes: every module's routes.ts is registered here.
  await app.register(healthRoutes)
  await app.register(homeRoutes)
  await app.register(zoneRoutes)
  await app.register(parkRoutes)
  await app.register(spaceRoutes)
  await app.register(chainRoutes)
  await app.register(industryRoutes)
  await app.register(policyRoutes)
  await app.register(policyMatchRoutes)
  await app.register(serviceStatsRoutes)
  await app.register(favouriteRoutes)
  await app.register(shareVisitRoutes)
  await app.register(authRoutes)
  await app.register(uploadRoutes)
  await app.register(requestRoutes)
  await app.register(staffRequestRoutes)
  await app.register(staffRoutes)
  await app.register(zoneSettingsRoutes)
  await app.register(consoleRoutes)
  await app.register(staffAccountRoutes)
  await app.register(mediaRoutes)

  return app
}

export type App = Awaited<ReturnType<typeof buildApp>>
