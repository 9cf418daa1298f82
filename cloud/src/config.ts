import path from 'node:path'
import { z } from 'zod'
import { defaultContentDir, defaultDataDir } from './paths'
import { HOUR_MS } from '../../types/china-time'

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

const splitList = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value)

export type Limit = { max: number; windowMs: number }

/**
 * Investors are promised a first answer within 24 hours (calendar hours, nights and weekends
 * included); the SLA job reminds the zone two hours before that deadline.
 */
export const DEFAULT_SLA = { firstResponseMs: 24 * HOUR_MS, reminderBeforeMs: 2 * HOUR_MS }

export type S3Settings = {
  /** https://s3.cn-north-1.amazonaws.com.cn, https://oss-cn-qingdao.aliyuncs.com, http://127.0.0.1:9000 (MinIO)... */
  endpoint: string
  bucket: string
  region: string
  accessKeyId: string
  secretAccessKey: string
  /** true: endpoint/bucket/key (MinIO); false: bucket.endpoint/key (AWS, Aliyun OSS, Tencent COS). */
  pathStyle: boolean
}

/**
 * Requests allowed per window and caller (client address or signed-in investor). Counted in the
 * database on PostgreSQL, so they hold across API processes; in memory on PGlite (one process).
 * The submit limits cover every investor write: submissions, uploads, messages, ratings, withdrawals.
 */
export type RateLimits = {
  investorLoginPerIp: Limit
  staffLoginPerIp: Limit
  submitPerInvestor: Limit
  submitPerIp: Limit
  shareVisitsPerIp: Limit
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  investorLoginPerIp: { max: 30, windowMs: 60_000 },
  staffLoginPerIp: { max: 10, windowMs: 60_000 },
  submitPerInvestor: { max: 30, windowMs: 3_600_000 },
  submitPerIp: { max: 120, windowMs: 3_600_000 },
  shareVisitsPerIp: { max: 60, windowMs: 60_000 },
}

const WINDOW_UNITS_MS = { s: 1_000, m: 60_000, h: 3_600_000 } as const
const RATE_LIMIT = /^(\d{1,7})\/(\d{1,5})([smh])$/

/** Whole minutes, at most a week; the default is given in ms. */
const minutesVar = (min: number, fallbackMs: number) =>
  z.coerce
    .number()
    .int()
    .min(min)
    .max(7 * 24 * 60)
    .default(fallbackMs / 60_000)

/** A limit as `<max>/<window>`, the window in seconds, minutes or hours: `120/1h`, `30/1m`, `10/30s`. */
const rateLimitVar = (fallback: Limit) =>
  z
    .preprocess(
      emptyToUndefined,
      z.string().trim().regex(RATE_LIMIT, 'must be <max>/<window> with the window in s, m or h, e.g. 120/1h or 30/1m').optional(),
    )
    .transform((value): Limit => {
      if (value === undefined) return fallback
      const [, max, amount, unit] = RATE_LIMIT.exec(value)!
      return { max: Number(max), windowMs: Number(amount) * WINDOW_UNITS_MS[unit as keyof typeof WINDOW_UNITS_MS] }
    })
    .refine((limit) => limit.max >= 1 && limit.windowMs >= 1_000, 'needs at least 1 request in a window of at least 1 s')

const Env = z
  .object({
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
    CONTENT_POLL_MS: z.coerce.number().int().min(0).max(3_600_000).default(2_000),
    /** Behind a reverse proxy / load balancer, trust X-Forwarded-* for the client address. */
    TRUST_PROXY: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).default('false')),
    /** Signs session tokens and upload URLs; the same value on every API process. Required in production. */
    AUTH_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
    /** Mini-program credentials: wx.login codes are exchanged (code2session) only when both are set. */
    WECHAT_APPID: z.preprocess(emptyToUndefined, z.string().optional()),
    WECHAT_SECRET: z.preprocess(emptyToUndefined, z.string().optional()),
    WECHAT_API_BASE: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).default('https://api.weixin.qq.com')),
    /** 订阅消息 template ids for "staff replied" and "request resolved"; unset: those notifications are skipped. */
    WECHAT_TEMPLATE_REPLY: z.preprocess(emptyToUndefined, z.string().optional()),
    WECHAT_TEMPLATE_RESOLVED: z.preprocess(emptyToUndefined, z.string().optional()),
    /** The templates' data keys for: ticket number, text, time (as chosen in the WeChat admin console). */
    WECHAT_TEMPLATE_FIELDS: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .refine((value) => splitList(value).length === 3, 'must be three comma-separated keys, e.g. character_string1,thing2,time3')
        .default('character_string1,thing2,time3'),
    ),
    /** Seeds demo staff accounts on start (development only; what `npm start` sets). */
    SEED_DEMO_STAFF: z.preprocess(emptyToUndefined, z.enum(['0', '1']).default('0')),
    /** How often (ms) each process runs the SLA job and the notification dispatcher; 0 turns them off. */
    JOBS_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).optional(),
    /** Delivery attempts per notification before it is marked dead. */
    OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
    /** Where uploaded photos are stored (default DATA_DIR/uploads). */
    UPLOAD_DIR: z.preprocess(emptyToUndefined, z.string().optional()),
    /** S3-compatible object storage for uploads; all four set = used, none = local disk (UPLOAD_DIR). */
    S3_ENDPOINT: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
    S3_BUCKET: z.preprocess(emptyToUndefined, z.string().optional()),
    S3_ACCESS_KEY_ID: z.preprocess(emptyToUndefined, z.string().optional()),
    S3_SECRET_ACCESS_KEY: z.preprocess(emptyToUndefined, z.string().optional()),
    S3_REGION: z.preprocess(emptyToUndefined, z.string().default('us-east-1')),
    /** true for MinIO-style endpoint/bucket/key URLs; false (default) for bucket.endpoint/key (AWS, OSS, COS). */
    S3_FORCE_PATH_STYLE: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).default('false')),
    /** Requests per window and caller (RateLimits); unset → DEFAULT_RATE_LIMITS. */
    RATE_LIMIT_INVESTOR_LOGIN_PER_IP: rateLimitVar(DEFAULT_RATE_LIMITS.investorLoginPerIp),
    RATE_LIMIT_STAFF_LOGIN_PER_IP: rateLimitVar(DEFAULT_RATE_LIMITS.staffLoginPerIp),
    RATE_LIMIT_SUBMIT_PER_INVESTOR: rateLimitVar(DEFAULT_RATE_LIMITS.submitPerInvestor),
    RATE_LIMIT_SUBMIT_PER_IP: rateLimitVar(DEFAULT_RATE_LIMITS.submitPerIp),
    RATE_LIMIT_SHARE_VISITS_PER_IP: rateLimitVar(DEFAULT_RATE_LIMITS.shareVisitsPerIp),
    /** First-response deadline after submission, and how long before it the SLA job reminds (staging, drills). */
    SLA_FIRST_RESPONSE_MINUTES: minutesVar(1, DEFAULT_SLA.firstResponseMs),
    SLA_REMINDER_MINUTES: minutesVar(0, DEFAULT_SLA.reminderBeforeMs),
    /** WeCom group robot for zones whose settings name none (development); zones set theirs in the console. */
    WECOM_WEBHOOK_DEFAULT: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  })
  .superRefine((env, context) => {
    const s3 = [env.S3_ENDPOINT, env.S3_BUCKET, env.S3_ACCESS_KEY_ID, env.S3_SECRET_ACCESS_KEY]
    if (s3.some(Boolean) && !s3.every(Boolean)) {
      context.addIssue({
        code: 'custom',
        path: ['S3_ENDPOINT'],
        message: 'S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set all four or none',
      })
    }
    if (env.SLA_REMINDER_MINUTES >= env.SLA_FIRST_RESPONSE_MINUTES) {
      context.addIssue({
        code: 'custom',
        path: ['SLA_REMINDER_MINUTES'],
        message: `must be less than SLA_FIRST_RESPONSE_MINUTES (${env.SLA_FIRST_RESPONSE_MINUTES})`,
      })
    }
    if (env.NODE_ENV === 'production' && !env.AUTH_SECRET) {
      context.addIssue({
        code: 'custom',
        path: ['AUTH_SECRET'],
        message: 'is required in production (a random string of at least 32 characters, the same for every API process)',
      })
    }
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
  auth: {
    secret: string
    /** True when AUTH_SECRET is unset outside production: the built-in development secret signs tokens. */
    usingDevSecret: boolean
  }
  wechat: {
    /** Both set, or null: logins via wx.login answer 503 wechat_not_configured. */
    credentials: { appId: string; secret: string } | null
    apiBase: string
    templates: { reply: string | undefined; resolved: string | undefined }
    templateFields: { ticket: string; text: string; time: string }
  }
  /** Used for a zone without its own webhook in zone_settings. */
  wecomWebhookDefault: string | undefined
  seedDemoStaff: boolean
  jobsIntervalMs: number
  outboxMaxAttempts: number
  uploadDir: string
  /** Object storage for uploads; null = local disk in uploadDir. */
  s3: S3Settings | null
  rateLimits: RateLimits
  sla: {
    /** Submission to first-response deadline (24 h unless SLA_FIRST_RESPONSE_MINUTES says otherwise). */
    firstResponseMs: number
    /** The SLA job reminds this long before the deadline; staff queues call it due soon. */
    reminderBeforeMs: number
  }
}

/** Signs tokens in development and tests when AUTH_SECRET is unset; refused in production. */
export const DEV_AUTH_SECRET = 'parklink-development-secret-not-for-production'

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
    auth: { secret: e.AUTH_SECRET ?? DEV_AUTH_SECRET, usingDevSecret: !e.AUTH_SECRET },
    wechat: {
      credentials: e.WECHAT_APPID && e.WECHAT_SECRET ? { appId: e.WECHAT_APPID, secret: e.WECHAT_SECRET } : null,
      apiBase: e.WECHAT_API_BASE.replace(/\/+$/, ''),
      templates: { reply: e.WECHAT_TEMPLATE_REPLY, resolved: e.WECHAT_TEMPLATE_RESOLVED },
      templateFields: (([ticket, text, time]) => ({ ticket, text, time }))(splitList(e.WECHAT_TEMPLATE_FIELDS)),
    },
    wecomWebhookDefault: e.WECOM_WEBHOOK_DEFAULT,
    seedDemoStaff: e.NODE_ENV === 'development' && e.SEED_DEMO_STAFF === '1',
    // Tests drive the jobs themselves.
    jobsIntervalMs: e.JOBS_INTERVAL_MS ?? (e.NODE_ENV === 'test' ? 0 : 30_000),
    outboxMaxAttempts: e.OUTBOX_MAX_ATTEMPTS,
    uploadDir: path.resolve(e.UPLOAD_DIR ?? path.join(e.DATA_DIR, 'uploads')),
    s3:
      e.S3_ENDPOINT && e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
        ? {
            endpoint: e.S3_ENDPOINT,
            bucket: e.S3_BUCKET,
            region: e.S3_REGION,
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
            pathStyle: e.S3_FORCE_PATH_STYLE === 'true',
          }
        : null,
    rateLimits: {
      investorLoginPerIp: e.RATE_LIMIT_INVESTOR_LOGIN_PER_IP,
      staffLoginPerIp: e.RATE_LIMIT_STAFF_LOGIN_PER_IP,
      submitPerInvestor: e.RATE_LIMIT_SUBMIT_PER_INVESTOR,
      submitPerIp: e.RATE_LIMIT_SUBMIT_PER_IP,
      shareVisitsPerIp: e.RATE_LIMIT_SHARE_VISITS_PER_IP,
    },
    sla: { firstResponseMs: e.SLA_FIRST_RESPONSE_MINUTES * 60_000, reminderBeforeMs: e.SLA_REMINDER_MINUTES * 60_000 },
  }
}

const parseCorsOrigins = (value: string | undefined, nodeEnv: Config['nodeEnv']): Config['corsOrigins'] => {
  if (value === undefined) return nodeEnv !== 'production'
  if (value.trim() === '*') return true
  return splitList(value)
}
