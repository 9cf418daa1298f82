import path from 'node:path'
import { z } from 'zod'
import { defaultContentDir, defaultDataDir } from './paths'

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

const splitList = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value)

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Set → PostgreSQL via node-postgres; unset → embedded PGlite in DATA_DIR/pglite. */
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default(defaultDataDir)),
  CONTENT_DIR: z.preprocess(emptyToUndefined, z.string().default(defaultContentDir)),
  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(LOG_LEVELS).optional()),
  /** Comma-separated H5 origins, or * for any. Unset: any origin outside production, none in production. */
  CORS_ORIGINS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine(
        (value) => value.trim() === '*' || splitList(value).every((origin) => /^https?:\/\/[^/\s]+$/.test(origin)),
        'must be * or comma-separated origins such as https://h5.example.com',
      )
      .optional(),
  ),
  /** How often (ms) each process checks content_meta for a newer import; 0 turns polling off. */
  CONTENT_POLL_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
  /** Behind a reverse proxy / load balancer, trust X-Forwarded-* for the client address. */
  TRUST_PROXY: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).default('false')),
})

export type Config = {
  nodeEnv: 'development' | 'production' | 'test'
  port: number
  host: string
  databaseUrl: string | undefined
  dataDir: string
  contentDir: string
  logLevel: (typeof LOG_LEVELS)[number]
  /** true = reflect any origin; false = no CORS; list = exactly these origins. */
  corsOrigins: true | false | string[]
  contentPollMs: number
  trustProxy: boolean
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Parses the environment once at startup; any bad value stops the process with every problem listed. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const parsed = Env.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`环境变量配置有误 / Invalid environment variables:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    contentDir: path.resolve(e.CONTENT_DIR),
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
    corsOrigins: parseCorsOrigins(e.CORS_ORIGINS, e.NODE_ENV),
    contentPollMs: e.CONTENT_POLL_MS,
    trustProxy: e.TRUST_PROXY === 'true',
  }
}

const parseCorsOrigins = (value: string | undefined, nodeEnv: Config['nodeEnv']): Config['corsOrigins'] => {
  if (value === undefined) return nodeEnv !== 'production'
  if (value.trim() === '*') return true
  return splitList(value)
}
