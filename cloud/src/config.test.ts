import path from 'node:path'
import { ConfigError, DEFAULT_RATE_LIMITS, loadConfig } from './config'
import { repoRoot } from './paths'

const SECRET = 'a-production-secret-of-at-least-32-characters'

describe('loadConfig', () => {
  it('has working defaults: PGlite under .data at the repo root, content in cloud/content', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: path.join(repoRoot, '.data'),
      contentDir: path.join(repoRoot, 'cloud', 'content'),
      logLevel: 'info',
      corsOrigins: true,
      contentPollMs: 2_000,
      trustProxy: false,
    })
  })

  it('reads every variable', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://app@db:5432/parklink',
      DATA_DIR: '/var/lib/parklink',
      LOG_LEVEL: 'warn',
      CORS_ORIGINS: 'https://h5.example.com, https://www.example.com',
      CONTENT_POLL_MS: '0',
      TRUST_PROXY: 'true',
      AUTH_SECRET: SECRET,
    })
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://app@db:5432/parklink',
      dataDir: '/var/lib/parklink',
      logLevel: 'warn',
      corsOrigins: ['https://h5.example.com', 'https://www.example.com'],
      contentPollMs: 0,
      trustProxy: true,
    })
  })

  it('allows no cross-origin callers in production unless CORS_ORIGINS says so', () => {
    expect(loadConfig({ NODE_ENV: 'production', AUTH_SECRET: SECRET }).corsOrigins).toBe(false)
    expect(loadConfig({ NODE_ENV: 'production', AUTH_SECRET: SECRET, CORS_ORIGINS: '*' }).corsOrigins).toBe(true)
  })

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', LOG_LEVEL: '' })).toMatchObject({ databaseUrl: undefined, logLevel: 'info' })
  })

  it('refuses bad values, naming every bad variable', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', CORS_ORIGINS: 'h5.example.com' })
    expect(attempt).toThrow(ConfigError)
    const message = (() => {
      try {
        attempt()
        return ''
      } catch (error) {
        return (error as Error).message
      }
    })()
    expect(message).toContain('环境变量配置有误')
    for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'CORS_ORIGINS']) expect(message).toContain(`  ${name}: `)
  })

  it('requires AUTH_SECRET in production and uses the development secret elsewhere', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET: is required in production/)
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_SECRET: 'short' })).toThrow(/AUTH_SECRET: must be at least 32 characters/)
    expect(loadConfig({ NODE_ENV: 'production', AUTH_SECRET: SECRET }).auth).toEqual({ secret: SECRET, usingDevSecret: false })
    expect(loadConfig({}).auth.usingDevSecret).toBe(true)
  })

  it('reads the service settings: WeChat, per-zone WeCom webhooks, jobs, demo staff', () => {
    const config = loadConfig({
      WECHAT_APPID: 'wx123',
      WECHAT_SECRET: 's3cret',
      WECHAT_API_BASE: 'http://127.0.0.1:9000/',
      WECHAT_TEMPLATE_REPLY: 'tpl-reply',
      WECOM_WEBHOOK_DEFAULT: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc',
      JOBS_INTERVAL_MS: '5000',
      SEED_DEMO_STAFF: '1',
      DATA_DIR: '/var/lib/parklink',
    })
    expect(config.wechat).toEqual({
      credentials: { appId: 'wx123', secret: 's3cret' },
      apiBase: 'http://127.0.0.1:9000',
      templates: { reply: 'tpl-reply', resolved: undefined },
      templateFields: { ticket: 'character_string1', text: 'thing2', time: 'time3' },
    })
    expect(config.wecomWebhookDefault).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc')
    expect(config).toMatchObject({ jobsIntervalMs: 5000, seedDemoStaff: true, uploadDir: '/var/lib/parklink/uploads' })
    expect(loadConfig({ WECHAT_APPID: 'wx123' }).wechat.credentials).toBeNull()
    expect(loadConfig({ NODE_ENV: 'test' }).jobsIntervalMs).toBe(0)
    expect(loadConfig({}).jobsIntervalMs).toBe(30_000)
    // Demo accounts never appear outside development.
    expect(loadConfig({ NODE_ENV: 'production', AUTH_SECRET: SECRET, SEED_DEMO_STAFF: '1' }).seedDemoStaff).toBe(false)
    expect(() => loadConfig({ WECOM_WEBHOOK_DEFAULT: 'not a url' })).toThrow(/WECOM_WEBHOOK_DEFAULT/)
    // The per-zone variables are gone: zones keep their webhook in the database, and an old variable is ignored.
    expect(loadConfig({ WECOM_WEBHOOK_PINGYUAN: 'not a url' }).wecomWebhookDefault).toBeUndefined()
  })

  it('reads S3 storage settings, all four or none', () => {
    const s3 = {
      S3_ENDPOINT: 'https://oss-cn-qingdao.aliyuncs.com',
      S3_BUCKET: 'parklink',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
    }
    expect(loadConfig(s3).s3).toEqual({
      endpoint: 'https://oss-cn-qingdao.aliyuncs.com',
      bucket: 'parklink',
      region: 'us-east-1',
      accessKeyId: 'id',
      secretAccessKey: 'secret',
      pathStyle: false,
    })
    expect(loadConfig({}).s3).toBeNull()
    expect(() => loadConfig({ S3_BUCKET: 'parklink' })).toThrow(/set all four or none/)
  })

  it('reads rate limits as <max>/<window>, keeping the defaults for unset ones', () => {
    expect(loadConfig({}).rateLimits).toEqual(DEFAULT_RATE_LIMITS)
    expect(DEFAULT_RATE_LIMITS).toEqual({
      investorLoginPerIp: { max: 30, windowMs: 60_000 },
      staffLoginPerIp: { max: 10, windowMs: 60_000 },
      submitPerInvestor: { max: 30, windowMs: 3_600_000 },
      submitPerIp: { max: 120, windowMs: 3_600_000 },
      shareVisitsPerIp: { max: 60, windowMs: 60_000 },
    })
    const config = loadConfig({
      RATE_LIMIT_INVESTOR_LOGIN_PER_IP: '100/1m',
      RATE_LIMIT_STAFF_LOGIN_PER_IP: ' 5/30s ',
      RATE_LIMIT_SUBMIT_PER_INVESTOR: '60/2h',
      RATE_LIMIT_SUBMIT_PER_IP: '100000/1h',
      RATE_LIMIT_SHARE_VISITS_PER_IP: '',
    })
    expect(config.rateLimits).toEqual({
      investorLoginPerIp: { max: 100, windowMs: 60_000 },
      staffLoginPerIp: { max: 5, windowMs: 30_000 },
      submitPerInvestor: { max: 60, windowMs: 7_200_000 },
      submitPerIp: { max: 100_000, windowMs: 3_600_000 },
      shareVisitsPerIp: DEFAULT_RATE_LIMITS.shareVisitsPerIp,
    })
    for (const bad of ['120', '120/h', '0/1m', '10/0s', '-1/1m', '10/1d', 'ten/1m']) {
      expect(() => loadConfig({ RATE_LIMIT_SUBMIT_PER_IP: bad })).toThrow(/RATE_LIMIT_SUBMIT_PER_IP/)
    }
  })

  it('reads the SLA clock: first-response deadline and reminder lead, in minutes', () => {
    expect(loadConfig({}).sla).toEqual({ firstResponseMs: 24 * 3_600_000, reminderBeforeMs: 2 * 3_600_000 })
    expect(loadConfig({ SLA_FIRST_RESPONSE_MINUTES: '30', SLA_REMINDER_MINUTES: '5' }).sla).toEqual({
      firstResponseMs: 30 * 60_000,
      reminderBeforeMs: 5 * 60_000,
    })
    expect(() => loadConfig({ SLA_FIRST_RESPONSE_MINUTES: '60' })).toThrow(
      /SLA_REMINDER_MINUTES: must be less than SLA_FIRST_RESPONSE_MINUTES/,
    )
    expect(() => loadConfig({ SLA_FIRST_RESPONSE_MINUTES: '0' })).toThrow(/SLA_FIRST_RESPONSE_MINUTES/)
  })
})
