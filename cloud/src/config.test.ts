import path from 'node:path'
import { ConfigError, loadConfig } from './config'
import { repoRoot } from './paths'

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
      contentPollMs: 10_000,
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
    expect(loadConfig({ NODE_ENV: 'production' }).corsOrigins).toBe(false)
    expect(loadConfig({ NODE_ENV: 'production', CORS_ORIGINS: '*' }).corsOrigins).toBe(true)
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
})
