import { randomUUID } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import zlib from 'node:zlib'
import type { StaffRole } from '../../types/auth'
import type { ZoneId } from '../../types/content'
import { ServiceRequest, type CreateServiceRequestBody } from '../../types/service'
import { buildApp, type App } from '../src/app'
import type { StaffIdentity } from '../src/modules/auth/identity'
import { hashPassword } from '../src/modules/auth/passwords'
import { DEFAULT_RATE_LIMITS, type Config } from '../src/config'
import { staff } from '../src/db/schema'
import { importContent } from '../src/modules/content/import'
import { loadContent } from '../src/modules/content/load'
import { openPglite, openPostgres, type Database } from '../src/db/client'
import { STAFF_TOKEN_TTL_MS } from '../src/modules/auth/sessions'
import { REAL_CONTENT_DIR, testConfig } from './app'
import { createEmptyPostgresDatabase } from './database'

/** A clock the test moves by hand: SLA deadlines, tokens and jobs all read it. */
export class ManualClock {
  private at: number
  constructor(start: string | Date = '2026-11-20T02:00:00Z') {
    this.at = new Date(start).getTime()
  }
  readonly now = (): Date => new Date(this.at)
  advance(ms: number): void {
    this.at += ms
  }
  set(at: string | Date): void {
    this.at = new Date(at).getTime()
  }
}

/** Test config with rate limits out of the way (one test checks them on purpose). */
export const serviceTestConfig = (overrides: Record<string, string> = {}, patch: Partial<Config> = {}): Config => {
  const big = { max: 100_000, windowMs: 60_000 }
  return {
    ...testConfig(overrides),
    rateLimits: { investorLoginPerIp: big, staffLoginPerIp: big, submitPerInvestor: big, submitPerIp: big, shareVisitsPerIp: big },
    ...patch,
  }
}

export { DEFAULT_RATE_LIMITS }

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

export const guestToken = async (app: App, deviceId = `dev-${randomUUID()}`): Promise<string> => {
  const response = await app.inject({ method: 'POST', url: '/api/auth/guest', payload: { deviceId } })
  if (response.statusCode !== 200) throw new Error(`guest login failed: ${response.body}`)
  return (response.json() as { token: string }).token
}

export const TEST_PASSWORD = 'correct horse battery'
let sharedHash: Promise<string> | undefined

export type TestStaff = StaffIdentity & { token: string }

/** A staff account written directly (one scrypt hash, of TEST_PASSWORD, shared by all test accounts) with a signed token. */
export const addStaff = async (app: App, role: StaffRole, zoneId: ZoneId | null, name?: string): Promise<TestStaff> => {
  sharedHash ??= hashPassword(TEST_PASSWORD)
  const id = randomUUID()
  const username = `${role}-${id.slice(0, 8)}`
  const member = {
    id,
    username,
    displayName: name ?? `${role === 'agent' ? '店小二' : role === 'supervisor' ? '主管' : '管理员'}${id.slice(0, 4)}`,
    role,
    zoneId,
    shareCode: `s${id.slice(0, 8)}`,
  }
  await app.db.insert(staff).values({ ...member, passwordHash: await sharedHash, createdAt: app.clock() })
  // Long-lived: tests move the clock by days (real staff tokens last STAFF_TOKEN_TTL_MS).
  return { ...member, token: app.tokens.sign('staff', id, 1000 * STAFF_TOKEN_TTL_MS).token }
}

export const requestBody = (overrides: Partial<CreateServiceRequestBody> = {}): CreateServiceRequestBody => ({
  type: 'site',
  zoneId: 'pingyuan',
  parkId: 'pingyuan-jingde',
  company: '德州示例机械有限公司',
  contactName: '王先生',
  mobile: '13800001111',
  description: '计划租用 5000 平方米标准厂房，想了解交付时间和租金。',
  photos: [],
  ...overrides,
})

/** POST /api/requests with a fresh Idempotency-Key; fails the test on anything but 201. */
export const submit = async (app: App, token: string, overrides: Partial<CreateServiceRequestBody> = {}): Promise<ServiceRequest> => {
  const response = await app.inject({
    method: 'POST',
    url: '/api/requests',
    headers: { ...bearer(token), 'idempotency-key': randomUUID() },
    payload: requestBody(overrides),
  })
  if (response.statusCode !== 201) throw new Error(`submit failed ${response.statusCode}: ${response.body}`)
  return ServiceRequest.parse(response.json())
}

/** A staff action; returns the parsed body and fails on an unexpected status. */
export const staffPost = async (app: App, token: string, url: string, payload: object = {}, expected = 200) => {
  const response = await app.inject({ method: 'POST', url, headers: bearer(token), payload })
  if (response.statusCode !== expected) throw new Error(`${url} answered ${response.statusCode}, expected ${expected}: ${response.body}`)
  return response.json()
}

/** A real 1×1 PNG (signature, IHDR, IDAT, IEND with correct CRCs). */
export const tinyPng = (): Buffer => {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const sum = Buffer.alloc(4)
    sum.writeUInt32BE(crc(body))
    return Buffer.concat([length, body, sum])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(1, 0) // width
  header.writeUInt32BE(1, 4) // height
  header[8] = 8 // bit depth
  header[9] = 2 // truecolour
  const pixels = zlib.deflateSync(Buffer.from([0, 0x0b, 0x57, 0xd0])) // filter byte + one RGB pixel
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** A multipart/form-data body with one file part. */
export const multipartBody = (field: string, filename: string, contentType: string, bytes: Buffer) => {
  const boundary = `----parklink${randomUUID().replaceAll('-', '')}`
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

export type Received = { method: string; url: string; body: string }

/**
 * A local HTTP receiver on 127.0.0.1 (random port) standing in for WeCom / WeChat: records every
 * call; `failWith` makes it answer an HTTP error, `stop()`/`start()` take it down and up on the same port.
 */
export class Receiver {
  readonly received: Received[] = []
  failWith: number | null = null
  /** Extra JSON to answer per path (e.g. WeChat access tokens); default { errcode: 0 }. */
  replies = new Map<string, () => Record<string, unknown>>()
  private server: http.Server | undefined
  port = 0

  async start(): Promise<void> {
    this.server = http.createServer((request, response) => {
      let body = ''
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
      request.on('end', () => {
        if (this.failWith) {
          response.writeHead(this.failWith).end('down')
          return
        }
        this.received.push({ method: request.method ?? '', url: request.url ?? '', body })
        const path = (request.url ?? '').split('?')[0]
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify(this.replies.get(path)?.() ?? { errcode: 0, errmsg: 'ok' }))
      })
    })
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve))
    this.port = (this.server.address() as AddressInfo).port
  }

  async stop(): Promise<void> {
    const server = this.server
    this.server = undefined
    if (!server) return
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`
  }
}

export type TwoApps = { apps: [App, App]; close(): Promise<void> }

/**
 * Two API "processes" on one database, for exactly-once tests of the jobs: on PostgreSQL two apps
 * with their own connection pools on one fresh database; on PGlite two apps sharing one PGlite.
 */
export const createTwoApps = async (options: { clock: () => Date; config: Config }): Promise<TwoApps> => {
  const content = await loadContent(REAL_CONTENT_DIR)
  const build = async (database: Database) => {
    const app = await buildApp({ db: database, config: options.config, clock: options.clock })
    await app.ready()
    return app
  }
  if (process.env.DATABASE_URL) {
    const empty = await createEmptyPostgresDatabase()
    const databases = [await openPostgres(empty.url), await openPostgres(empty.url)]
    await importContent(databases[0].db, content, options.clock())
    const apps: [App, App] = [await build(databases[0]), await build(databases[1])]
    return {
      apps,
      close: async () => {
        await Promise.all(apps.map((app) => app.close()))
        await Promise.all(databases.map((database) => database.close()))
        await empty.drop()
      },
    }
  }
  const database = await openPglite()
  await importContent(database.db, content, options.clock())
  const apps: [App, App] = [await build(database), await build(database)]
  return {
    apps,
    close: async () => {
      await Promise.all(apps.map((app) => app.close()))
      await database.close()
    },
  }
}
