import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { TokenSigner } from '../../src/modules/auth/tokens'
import { createTestApp, type TestApp, SETUP_TIMEOUT } from '../app'
import { addStaff, DEFAULT_RATE_LIMITS, guestToken, Receiver, serviceTestConfig } from '../service'
import { boundaryValues, hostileString, hostileValue, validValue, type Schema } from './arbitraries'
import type { Operation, ParameterObject } from './openapi-contract'

/**
 * Fuzzes every operation /openapi.json lists (so routes added later are covered without edits):
 * at least FUZZ_RUNS (200) requests each — valid ones generated from the documented schemas,
 * boundary values, and hostile input. Every response must be < 500, documented for its operation
 * and match the documented schema (the contract check of createTestApp), and a rejected request
 * must write nothing. Reproduce a failure with the FUZZ_SEED (and FUZZ_OP) it prints.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261121)
const RUNS = Math.max(200, Number(process.env.FUZZ_RUNS ?? 200))
const ONLY = process.env.FUZZ_OP // e.g. "POST /api/requests"
/** Per operation; an operation that cannot do its runs in time fails rather than silently doing fewer. */
const OP_TIME_LIMIT_MS = 40_000
/** Tables a rejected request may still write: rate-limit counters and failed staff sign-ins count attempts, rejected or not. */
const BOOKKEEPING_TABLES = new Set(['rate_limit_hits', 'login_throttles'])
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

type Auth = 'proper' | 'none' | 'investor' | 'staff' | 'garbage' | 'expired' | 'tampered' | 'unknown-subject' | 'scheme'
type Body = { json: unknown } | { raw: string | Buffer; contentType: string } | undefined

/** One generated request, described as data so a failing case prints readably. */
type Draft = {
  kind: 'valid' | 'boundary' | 'hostile' | 'replay'
  note: string
  path: Record<string, { pool: number } | { value: string }>
  query: Record<string, unknown>
  headers: Record<string, string>
  body: Body
  auth: Auth
  authPick: number
}

const shorten = (value: unknown): string => {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
  return text.length > 120 ? `${text.slice(0, 100)}…(${text.length} chars)` : text
}

const withToString = (draft: Draft): Draft =>
  Object.assign(draft, {
    [fc.toStringMethod]: () =>
      `${draft.kind} [${draft.note}] auth=${draft.auth} path=${shorten(draft.path)} query=${shorten(draft.query)} ` +
      `headers=${shorten(draft.headers)} body=${draft.body === undefined ? '-' : 'json' in draft.body ? shorten(draft.body.json) : `${draft.body.contentType} ${shorten(draft.body.raw.toString())}`}`,
  })

/** encodeURIComponent that also takes lone surrogates (sent as the invalid UTF-8 they would be). */
const encode = (value: string): string => {
  try {
    return encodeURIComponent(value)
  } catch {
    return [...value].map((char) => (char.length === 1 && /[\ud800-\udfff]/.test(char) ? '%ED%A0%80' : encodeURIComponent(char))).join('')
  }
}

// ---- state shared by the runs --------------------------------------------------

let t: TestApp
const wechat = new Receiver()
let tables: string[] = []
const investorTokens: string[] = []
const staffTokens: string[] = []
let adminToken = ''
let expiredToken = ''
let unknownSubjectToken = ''
/** Ids seen in 2xx responses, by the path they came from: path params are drawn from these. */
const pools = new Map<string, string[]>()
/** nextCursor values per list path: a valid request pages with a real cursor, never a made-up one. */
const cursors = new Map<string, string[]>()
/** The last accepted request per operation, for replays of idempotent operations. */
const lastAccepted = new Map<string, { url: string; headers: Record<string, string>; payload?: string | Buffer; body: string }>()
const coverage = new Map<string, { runs: number; statuses: Map<number, number>; ms: number }>()

const schemaResolver = (components: Record<string, Schema>) => {
  const resolve = (schema: Schema): Schema => {
    const ref = schema.$ref
    if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) return resolve(components[ref.slice(21)] ?? {})
    return schema
  }
  return resolve
}

/** A row count and an order-independent checksum of every table: any insert, update or delete changes it. */
const fingerprint = async (): Promise<string> => {
  if (tables.length === 0) return ''
  const query = tables
    .map((table) => `select '${table}' as t, count(*)::text || ':' || coalesce(sum(hashtext(x::text)::bigint), 0)::text as f from "${table}" x`)
    .join(' union all ')
  const result = (await t.app.db.execute(sql.raw(query))) as unknown as { rows: { t: string; f: string }[] }
  return result.rows.map((row) => `${row.t}=${row.f}`).join(' ')
}

const diffFingerprints = (before: string, after: string) => {
  const old = new Map(before.split(' ').map((entry) => entry.split('=') as [string, string]))
  return after
    .split(' ')
    .map((entry) => entry.split('=') as [string, string])
    .filter(([table, value]) => old.get(table) !== value)
    .map(([table]) => table)
}

/** Ids of what a response is about: the body itself, its `items`, and objects directly under it ({ zone: {...} }). */
const harvestIds = (path: string, body: unknown) => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return
  const root = body as Record<string, unknown>
  const candidates = [root, ...(Array.isArray(root.items) ? root.items : []), ...Object.values(root).filter((value) => value && typeof value === 'object' && !Array.isArray(value))]
  const pool = pools.get(path) ?? []
  for (const candidate of candidates) {
    const id = (candidate as { id?: unknown }).id
    if (typeof id === 'string' && !pool.includes(id) && pool.length < 200) pool.push(id)
  }
  pools.set(path, pool)
  if (typeof root.nextCursor === 'string') {
    const list = cursors.get(path) ?? []
    if (list.length < 50) list.push(root.nextCursor)
    cursors.set(path, list)
  }
}

/** Ids for the path param that follows `prefix` (/api/parks for /api/parks/{id}), from that path and the ones under it. */
const poolFor = (prefix: string, param: string): string[] => {
  const byCollection = (collection: string) => [...pools.entries()].filter(([path]) => path.split('/').includes(collection)).flatMap(([, ids]) => ids)
  // {parkId} takes park ids wherever it appears (/api/favourites/{parkId}).
  if (/^[a-z]+Id$/.test(param)) return byCollection(`${param.slice(0, -2)}s`)
  const under = [...pools.entries()].filter(([path]) => path === prefix || path.startsWith(`${prefix}/`)).flatMap(([, ids]) => ids)
  // /api/staff/requests/{id} takes the same ids as /api/requests/{id}: match on the collection name.
  return under.length ? under : byCollection(prefix.split('/').pop() ?? '')
}

/** Ids and cursors from the parameterless GETs (an admin's token for staff lists); returns contract problems seen. */
const refreshPools = async (operations: Operation[]): Promise<string[]> => {
  for (const operation of operations.filter((candidate) => candidate.method === 'GET' && !candidate.path.includes('{'))) {
    const token = isStaffPath(operation.path) ? adminToken : investorTokens[0]
    for (const query of ['', '?limit=2']) {
      const response = await t.app.inject({ method: 'GET', url: `${operation.path}${query}`, headers: { authorization: `Bearer ${token}` } })
      // CSV downloads carry no ids.
      if (response.statusCode === 200 && String(response.headers['content-type']).includes('json')) harvestIds(operation.path, response.json())
    }
  }
  return t.contract.take()
}

// ---- request generation per operation --------------------------------------------

const requestSchema = (operation: Operation) => {
  const content = operation.spec.requestBody?.content ?? {}
  const type = Object.keys(content).find((candidate) => candidate.includes('json')) ?? Object.keys(content)[0]
  return type ? { type, schema: (content[type].schema ?? {}) as Schema } : undefined
}

const isStaffPath = (path: string) => /^\/api\/staff(\/|$)/.test(path)

/** A 1×1 PNG, for operations that take uploads. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
const multipart = (parts: { name: string; filename?: string; type?: string; data: Buffer | string }[]) => {
  const boundary = `----fuzz${randomUUID()}`
  const chunks = parts.flatMap((part) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ''}\r\n` +
        (part.type ? `Content-Type: ${part.type}\r\n` : '') +
        '\r\n',
    ),
    Buffer.from(part.data),
    Buffer.from('\r\n'),
  ])
  return { raw: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` }
}

const multipartBodies = (field: string): fc.Arbitrary<Body> =>
  fc.constantFrom<Body>(
    multipart([{ name: field, filename: 'photo.png', type: 'image/png', data: PNG }]),
    multipart([{ name: field, filename: 'photo.png', type: 'image/png', data: PNG }]),
    multipart([{ name: field, filename: 'a.txt', type: 'text/plain', data: 'hello' }]),
    multipart([{ name: field, filename: 'fake.png', type: 'image/png', data: '<script>alert(1)</script>' }]),
    multipart([{ name: field, filename: '../../etc/passwd', type: 'image/png', data: PNG }]),
    multipart([{ name: field, filename: 'empty.png', type: 'image/png', data: Buffer.alloc(0) }]),
    multipart([{ name: 'other', data: 'x' }]),
    multipart([]),
    { raw: '--broken\r\n\r\n', contentType: 'multipart/form-data; boundary=broken' },
    multipart([{ name: field, filename: 'big.png', type: 'image/png', data: Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)]) }]),
  )

const draftArbitrary = (operation: Operation, resolve: (schema: Schema) => Schema): fc.Arbitrary<Draft> => {
  const parameters = (operation.spec.parameters ?? []) as ParameterObject[]
  const pathParams = parameters.filter((parameter) => parameter.in === 'path')
  const queryParams = parameters.filter((parameter) => parameter.in === 'query')
  const headerParams = parameters.filter((parameter) => parameter.in === 'header')
  const body = requestSchema(operation)
  const isMultipart = body?.type.startsWith('multipart/')
  const multipartField = Object.keys((resolve(body?.schema ?? {}).properties ?? {}) as object)[0] ?? 'file'

  const pathArb = fc.record(
    Object.fromEntries(
      pathParams.map((parameter) => [
        parameter.name,
        fc.oneof(
          { arbitrary: fc.nat().map((pool) => ({ pool })), weight: 3 },
          { arbitrary: validValue(parameter.schema ?? { type: 'string' }, resolve).map((value) => ({ value: String(value) })), weight: 1 },
        ),
      ]),
    ),
  )
  const queryArb = fc.record(
    Object.fromEntries(
      queryParams.map((parameter) => [
        parameter.name,
        parameter.name === 'cursor' ? fc.nat().map((pick) => ({ cursorPick: pick })) : validValue(parameter.schema ?? { type: 'string' }, resolve),
      ]),
    ),
    { requiredKeys: queryParams.filter((parameter) => parameter.required).map((parameter) => parameter.name) },
  )
  const headerArb = fc.record(
    Object.fromEntries(
      headerParams.map((parameter) => [parameter.name.toLowerCase(), validValue(parameter.schema ?? { type: 'string' }, resolve).map(String)]),
    ),
    { requiredKeys: headerParams.filter((parameter) => parameter.required).map((parameter) => parameter.name.toLowerCase()) },
  )
  const bodyArb: fc.Arbitrary<Body> = !body
    ? fc.constant(undefined)
    : isMultipart
      ? multipartBodies(multipartField)
      : validValue(body.schema, resolve).map((json) => ({ json }))

  // Optional references (a parkId that must lie in the chosen zone, photo ids that must be the caller's uploads)
  // are rarely right when made up: valid drafts usually leave them out, so most of them get past validation.
  const bodySchema = body && !isMultipart ? resolve(body.schema) : {}
  const required = new Set((bodySchema.required ?? []) as string[])
  const optionalReferences = Object.entries((bodySchema.properties ?? {}) as Record<string, Schema>)
    .filter(([name, schema]) => !required.has(name) && (/Ids?$/.test(name) || resolve((resolve(schema).items as Schema) ?? {}).format === 'uuid'))
    .map(([name]) => name)
  const valid = fc
    .record({
      path: pathArb,
      query: queryArb,
      headers: headerArb,
      body: bodyArb,
      authPick: fc.nat(),
      keepReference: fc.array(fc.nat(3), { minLength: optionalReferences.length, maxLength: optionalReferences.length }),
    })
    .map(({ keepReference, ...parts }): Draft => {
      if (parts.body && 'json' in parts.body && parts.body.json && typeof parts.body.json === 'object') {
        const json = { ...(parts.body.json as Record<string, unknown>) }
        optionalReferences.forEach((name, index) => keepReference[index] !== 0 && delete json[name])
        parts.body = { json }
      }
      return { kind: 'valid', note: 'documented schemas', auth: 'proper', ...parts }
    })

  type Mutation = (draft: Draft) => Draft
  const at = (kind: Draft['kind'], note: string, change: (draft: Draft) => Partial<Draft>): Mutation => (draft) => ({ ...draft, kind, note, ...change(draft) })
  const setBodyField = (draft: Draft, name: string, value: unknown): Body => {
    const json = draft.body && 'json' in draft.body && draft.body.json && typeof draft.body.json === 'object' ? draft.body.json : {}
    return { json: { ...(json as object), [name]: value } }
  }

  const bodyProperties = body && !isMultipart ? Object.entries((resolve(body.schema).properties ?? {}) as Record<string, Schema>) : []
  const boundaries: fc.Arbitrary<Mutation>[] = [
    ...queryParams.map((parameter) =>
      fc
        .constantFrom(...boundaryValues(parameter.schema ?? {}, resolve))
        .map((value) => at('boundary', `query ${parameter.name}=${shorten(value)}`, (draft) => ({ query: { ...draft.query, [parameter.name]: value } }))),
    ),
    ...bodyProperties.map(([name, schema]) =>
      fc.constantFrom(...boundaryValues(schema, resolve)).map((value) => at('boundary', `body ${name}=${shorten(value)}`, (draft) => ({ body: setBodyField(draft, name, value) }))),
    ),
    ...pathParams.map((parameter) =>
      fc
        .constantFrom(...boundaryValues(parameter.schema ?? { type: 'string' }, resolve).map(String))
        .map((value) => at('boundary', `path ${parameter.name}=${shorten(value)}`, (draft) => ({ path: { ...draft.path, [parameter.name]: { value } } }))),
    ),
  ]

  const hostile: fc.Arbitrary<Mutation>[] = [
    fc
      .constantFrom<Auth>('none', 'garbage', 'expired', 'tampered', 'unknown-subject', 'scheme', isStaffPath(operation.path) ? 'investor' : 'staff')
      .map((auth) => at('hostile', `auth ${auth}`, () => ({ auth }))),
    ...queryParams.map((parameter) =>
      hostileString.map((value) => at('hostile', `query ${parameter.name}=${shorten(value)}`, (draft) => ({ query: { ...draft.query, [parameter.name]: value } }))),
    ),
    fc
      .tuple(fc.constantFrom('limit', 'cursor', 'offset', 'page', 'nope'), fc.constantFrom('-1', '0', '1', '50', '51', '1e12', '-9999999999', 'abc', 'eyJvIjotMX0', '%'))
      .map(([name, value]) => at('hostile', `paging ${name}=${value}`, (draft) => ({ query: { ...draft.query, [name]: value } }))),
    ...pathParams.map((parameter) =>
      fc
        .oneof(hostileString, fc.constantFrom('..', '.', '%2e%2e', '..%2f..%2fetc', '园区', '😀', 'a'.repeat(101), '%00', '%ZZ'))
        .map((value) => at('hostile', `path ${parameter.name}=${shorten(value)}`, (draft) => ({ path: { ...draft.path, [parameter.name]: { value } } }))),
    ),
    ...headerParams.map((parameter) =>
      fc
        .constantFrom('', ' ', 'x'.repeat(300), '😀', "' OR 1=1 --", '<script>', 'a\tb')
        .map((value) => at('hostile', `header ${parameter.name}=${shorten(value)}`, (draft) => ({ headers: { ...draft.headers, [parameter.name.toLowerCase()]: value } }))),
    ),
    ...headerParams
      .filter((parameter) => parameter.required)
      .map((parameter) =>
        fc.constant(
          at('hostile', `header ${parameter.name} missing`, (draft) => {
            const headers = { ...draft.headers }
            delete headers[parameter.name.toLowerCase()]
            return { headers }
          }),
        ),
      ),
  ]
  if (body && !isMultipart) {
    hostile.push(
      ...bodyProperties.map(([name]) => hostileValue.map((value) => at('hostile', `body ${name}=${shorten(value)}`, (draft) => ({ body: setBodyField(draft, name, value) })))),
      fc
        .constantFrom<[string, unknown]>(['unknownField', 1], ['__proto__', { admin: true }], ['status', 'closed'], ['investorId', 'someone-else'], ['id', randomUUID()])
        .map(([name, value]) => at('hostile', `unknown field ${name}`, (draft) => ({ body: setBodyField(draft, name, value) }))),
      hostileValue.map((json) => at('hostile', `whole body ${shorten(json)}`, () => ({ body: { json } }))),
      fc
        .constantFrom<Body>(
          { raw: '{"unterminated": ', contentType: 'application/json' },
          { raw: '', contentType: 'application/json' },
          { raw: 'type=site', contentType: 'application/x-www-form-urlencoded' },
          { raw: 'hello', contentType: 'text/plain' },
          { raw: '{}', contentType: 'application/xml' },
          { raw: JSON.stringify({ pad: 'x'.repeat(300 * 1024) }), contentType: 'application/json' },
        )
        .map((raw) => at('hostile', `raw body ${raw && 'contentType' in raw ? raw.contentType : ''}`, () => ({ body: raw }))),
    )
  }

  if (!body && !SAFE_METHODS.has(operation.method)) {
    // No body documented: a JSON object, text, or a file part (what an undocumented upload would take) anyway.
    hostile.push(
      fc
        .oneof(fc.constantFrom<Body>({ json: {} }, { json: { unknownField: 1 } }, { raw: 'hello', contentType: 'text/plain' }), multipartBodies('file'))
        .map((unexpected) => at('hostile', `undocumented body ${unexpected && 'contentType' in unexpected ? unexpected.contentType.split(';')[0] : 'json'}`, () => ({ body: unexpected }))),
    )
  }

  const replayable = headerParams.some((parameter) => /idempotency/i.test(parameter.name))
  return fc
    .tuple(
      valid,
      fc.oneof(
        { arbitrary: fc.constant<Mutation>((draft) => draft), weight: 4 },
        ...(boundaries.length ? [{ arbitrary: fc.oneof(...boundaries), weight: 2 }] : []),
        { arbitrary: fc.oneof(...hostile), weight: 3 },
        ...(replayable ? [{ arbitrary: fc.constant(at('replay', 'the last accepted request again', () => ({}))), weight: 1 }] : []),
      ),
    )
    .map(([draft, mutate]) => withToString(mutate(draft)))
}

// ---- turning a draft into a request ------------------------------------------------

const tokenFor = (operation: Operation, draft: Draft): string | undefined => {
  const pick = <T>(list: T[]) => (list.length ? list[draft.authPick % list.length] : undefined)
  switch (draft.auth) {
    case 'proper':
      return isStaffPath(operation.path) ? (pick(staffTokens) ?? pick(investorTokens)) : pick(investorTokens)
    case 'investor':
      return pick(investorTokens)
    case 'staff':
      return pick(staffTokens)
    case 'expired':
      return expiredToken
    case 'unknown-subject':
      return unknownSubjectToken
    case 'tampered': {
      const token = pick(isStaffPath(operation.path) ? staffTokens : investorTokens) ?? 'v1.e30.AAAA'
      return `${token.slice(0, -2)}${token.endsWith('A') ? 'B' : 'A'}A`
    }
    default:
      return undefined
  }
}

const authorization = (operation: Operation, draft: Draft): string | undefined => {
  if (draft.auth === 'none') return undefined
  if (draft.auth === 'garbage') return `Bearer ${['x', 'v1..', "' OR 1=1 --", 'v1.' + 'a'.repeat(2000) + '.b', '😀'][draft.authPick % 5]}`
  if (draft.auth === 'scheme') return ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer a b', 'bearer  ', 'Token abc'][draft.authPick % 5]
  const token = tokenFor(operation, draft)
  return token ? `Bearer ${token}` : undefined
}

const buildRequest = (operation: Operation, draft: Draft) => {
  let query: Record<string, unknown> = { ...draft.query }
  const pick = query.cursor as { cursorPick?: number } | undefined
  if (pick && typeof pick === 'object' && 'cursorPick' in pick) {
    // Harvested cursors come from unfiltered lists and only page the same filters: keep just the page size.
    const list = cursors.get(operation.path) ?? []
    query = list.length ? { cursor: list[pick.cursorPick! % list.length], limit: query.limit } : { ...query, cursor: undefined }
  }
  const prefixOf = (name: string) => operation.path.slice(0, operation.path.indexOf(`{${name}}`)).replace(/\/$/, '')
  const url =
    operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
      const choice = draft.path[name] ?? { value: 'x' }
      if ('value' in choice) return /%/.test(choice.value) ? choice.value : encode(choice.value)
      const pool = poolFor(prefixOf(name), name)
      return encode(pool.length ? pool[choice.pool % pool.length] : 'no-such-id')
    }) +
    (Object.values(query).some((value) => value !== undefined)
      ? `?${Object.entries(query)
          .flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).filter((item) => item !== undefined).map((item) => `${encode(name)}=${encode(typeof item === 'string' ? item : JSON.stringify(item))}`))
          .join('&')}`
      : '')
  const headers: Record<string, string> = { ...draft.headers }
  const auth = authorization(operation, draft)
  if (auth) headers.authorization = auth
  let payload: string | Buffer | undefined
  if (draft.body && 'json' in draft.body) {
    payload = JSON.stringify(draft.body.json) ?? 'null'
    headers['content-type'] = 'application/json'
  } else if (draft.body) {
    payload = draft.body.raw
    headers['content-type'] = draft.body.contentType
  }
  return { url, headers, payload }
}

// ---- the test ----------------------------------------------------------------------

const seedOf = (key: string) => [...key].reduce((hash, char) => (Math.imul(hash, 31) + char.charCodeAt(0)) | 0, SEED)

const ORDER = (operation: Operation) =>
  operation.path.startsWith('/api/auth/') ? 0 : operation.method === 'GET' && !operation.path.includes('{') ? 1 : operation.method === 'POST' && !operation.path.includes('{') ? 2 : operation.method === 'DELETE' ? 4 : 3

beforeAll(async () => {
  // Limits out of reach so requests get past them to validation — except staff sign-in, whose production
  // limit (10 a minute per address) keeps its deliberately slow password check to a few runs.
  // A stand-in for api.weixin.qq.com on 127.0.0.1, so WeChat sign-in is exercised rather than "not configured".
  await wechat.start()
  wechat.replies.set('/sns/jscode2session', () => ({ openid: `o-fuzz-${randomUUID()}`, session_key: 'k' }))
  wechat.replies.set('/cgi-bin/stable_token', () => ({ access_token: 'fuzz-token', expires_in: 7200 }))
  wechat.files.set('/wxa/getwxacodeunlimit', () => ({ contentType: 'image/png', body: Buffer.from('89504e470d0a1a0a', 'hex') }))
  const config = serviceTestConfig({ WECHAT_APPID: 'wx-fuzz', WECHAT_SECRET: 'fuzz-secret', WECHAT_API_BASE: wechat.url('') })
  t = await createTestApp({ config: { ...config, rateLimits: { ...config.rateLimits, staffLoginPerIp: DEFAULT_RATE_LIMITS.staffLoginPerIp } } })
  const result = (await t.app.db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  )) as unknown as { rows: { table_name: string }[] }
  tables = result.rows.map((row) => row.table_name).filter((table) => !BOOKKEEPING_TABLES.has(table))

  // Tokens the way clients get them: guest sign-in through the API; staff accounts of each role.
  for (let i = 0; i < 3; i++) investorTokens.push(await guestToken(t.app))
  for (const [role, zone] of [['agent', 'pingyuan'], ['supervisor', 'pingyuan'], ['admin', null], ['agent', 'qingyun']] as const) {
    const { token } = await addStaff(t.app, role, zone)
    staffTokens.push(token)
    if (role === 'admin') adminToken = token
  }
  const past = new TokenSigner(t.app.config.auth.secret, () => new Date(Date.now() - 90 * 24 * 3600_000))
  expiredToken = past.sign('investor', randomUUID(), 60_000).token
  unknownSubjectToken = t.app.tokens.sign('investor', randomUUID(), 3600_000).token
}, SETUP_TIMEOUT)
afterAll(async () => {
  await wechat.stop()
  await t?.close()
}, SETUP_TIMEOUT)

it(
  `answers ≥ ${RUNS} generated requests per documented operation within the contract, never 5xx, writing nothing when it refuses`,
  async () => {
    const document = t.contract.contract.document
    const resolve = schemaResolver((document.components?.schemas ?? {}) as Record<string, Schema>)
    const operations = t.contract.contract.operations
      .filter((operation) => operation.method !== 'HEAD' && (!ONLY || operation.key === ONLY))
      .sort((a, b) => ORDER(a) - ORDER(b))
    expect(operations.length).toBeGreaterThan(0)

    const failures: string[] = []
    for (const operation of operations) {
      if (operation.path.includes('{') || pools.size === 0) failures.push(...(await refreshPools(t.contract.contract.operations)))
      const stats = { runs: 0, statuses: new Map<number, number>(), ms: 0 }
      const started = Date.now()
      coverage.set(operation.key, stats)
      const unsafe = !SAFE_METHODS.has(operation.method)
      const batchBefore = await fingerprint()
      const property = fc.asyncProperty(draftArbitrary(operation, resolve), async (draft) => {
        const replay = draft.kind === 'replay' ? lastAccepted.get(operation.key) : undefined
        const request = replay ?? buildRequest(operation, draft)
        const before = unsafe ? await fingerprint() : ''
        const response = await t.app.inject({ method: operation.method as 'GET', url: request.url, headers: request.headers, payload: request.payload })
        stats.runs++
        if (process.env.FUZZ_DEBUG) console.log(draft.kind, draft.note, response.statusCode, shorten(response.body))
        stats.statuses.set(response.statusCode, (stats.statuses.get(response.statusCode) ?? 0) + 1)
        const problems = t.contract.take()
        if (response.statusCode >= 500) problems.push(`answered ${response.statusCode}: ${shorten(response.body)}`)
        // Also when Fastify answered before routing (the contract check then only knows "unrouted").
        if (!t.contract.contract.documentedResponse(operation, response.statusCode) && !problems.some((problem) => problem.includes('is not documented'))) {
          problems.push(`status ${response.statusCode} is not documented for ${operation.key}: ${shorten(response.body)}`)
        }
        if (unsafe && response.statusCode >= 400) {
          const changed = diffFingerprints(before, await fingerprint())
          if (changed.length) problems.push(`refused with ${response.statusCode} but wrote to: ${changed.join(', ')}`)
        }
        if (replay && response.statusCode < 300 && response.body !== replay.body) problems.push('a replay with the same Idempotency-Key got a different body')
        if (problems.length) throw new Error(`${operation.method} ${shorten(request.url)} → ${response.statusCode}\n${problems.join('\n')}`)
        if (response.statusCode < 300 && response.body) {
          const json = response.headers['content-type']?.toString().includes('json') ? (response.json() as unknown) : undefined
          harvestIds(operation.path.split('/{')[0], json)
          if (unsafe && !replay) lastAccepted.set(operation.key, { ...request, body: response.body })
        }
      })
      const details = await fc.check(property, {
        seed: seedOf(operation.key),
        numRuns: RUNS,
        interruptAfterTimeLimit: OP_TIME_LIMIT_MS,
        markInterruptAsFailure: true,
      })
      if (details.failed) {
        const reason = details.errorInstance instanceof Error ? details.errorInstance.message : details.interrupted ? `only ${stats.runs} runs in ${OP_TIME_LIMIT_MS / 1000} s` : ''
        failures.push(
          `${operation.key} — reproduce: FUZZ_SEED=${SEED} FUZZ_OP="${operation.key}" npx jest --selectProjects api cloud/test-support/contract/fuzz\n` +
            `${reason}\n${(fc.defaultReportMessage(details) ?? '').replace(/\n*Hint:.*$/s, '')}`,
        )
      }
      stats.ms = Date.now() - started
      if (!unsafe) {
        const changed = diffFingerprints(batchBefore, await fingerprint())
        if (changed.length) failures.push(`${operation.key}: ${stats.runs} safe requests wrote to ${changed.join(', ')}`)
      }
    }

    const health = await t.app.inject({ method: 'GET', url: '/api/health' })
    if (health.statusCode !== 200) failures.push(`after fuzzing, /api/health answers ${health.statusCode}`)
    if (process.env.FUZZ_SUMMARY) {
      const rows = [...coverage].map(
        ([key, stats]) => `| ${key} | ${stats.runs} | ${(stats.ms / 1000).toFixed(1)} s | ${[...stats.statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`).join(' ')} |`,
      )
      console.log(`fuzz seed ${SEED}\n| operation | requests | time | statuses |\n|---|---|---|---|\n${rows.join('\n')}`)
    }
    if (failures.length) throw new Error(`fuzz seed ${SEED}: ${failures.length} operation(s) failed\n\n${failures.join('\n\n')}`)
    for (const [key, stats] of coverage) expect({ key, runs: stats.runs }).toEqual({ key, runs: RUNS })
  },
  30 * 60_000,
)
