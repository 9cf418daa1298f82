import { createTestApp, type TestApp, SETUP_TIMEOUT } from '../app'
import { OpenApiContract, toJsonSchema, toOpenApiPath, type OpenApiDocument, type ResponseRecord } from './openapi-contract'

const errorSchema = {
  type: 'object',
  properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } }, required: ['code', 'message'] } },
  required: ['error'],
}
const json = (schema: Record<string, unknown>) => ({ description: 'x', content: { 'application/json': { schema } } })

/** A hand-written OpenAPI 3.0 document exercising what differs from JSON Schema. */
const document: OpenApiDocument = {
  openapi: '3.0.3',
  components: {
    schemas: {
      Thing: {
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid' },
          note: { type: 'string', nullable: true },
          colour: { type: 'string', enum: ['red', 'blue'], nullable: true },
          score: { type: 'number', minimum: 0, exclusiveMinimum: true },
        },
        required: ['id', 'note'],
        additionalProperties: false,
      },
    },
  },
  paths: {
    '/things/{id}': {
      get: {
        responses: {
          200: json({ $ref: '#/components/schemas/Thing' }),
          304: { description: 'not modified' },
          404: json(errorSchema),
        },
      },
      delete: { responses: { 204: { description: 'gone' }, '4XX': json(errorSchema) } },
    },
  },
}

const record = (overrides: Partial<ResponseRecord>): ResponseRecord => ({
  method: 'GET',
  url: '/things/1',
  route: '/things/:id',
  status: 200,
  contentType: 'application/json; charset=utf-8',
  body: undefined,
  ...overrides,
})
const thing = (value: Record<string, unknown>) => JSON.stringify({ id: '0b7d2a8e-4c1f-4a51-9d0a-3f6f1c2e9b10', note: null, ...value })

describe('OpenApiContract (hand-written document)', () => {
  const contract = new OpenApiContract(document)

  it('maps router patterns to OpenAPI paths, and HEAD to GET', () => {
    expect(toOpenApiPath('/api/parks/:id')).toBe('/api/parks/{id}')
    expect(toOpenApiPath('/a/:x(^\\d+)/b/:y')).toBe('/a/{x}/b/{y}')
    expect(contract.findOperation('HEAD', '/things/:id')?.key).toBe('GET /things/{id}')
  })

  it('accepts null where the document says nullable, including nullable enums', () => {
    expect(contract.check(record({ body: thing({}) }))).toEqual([])
    expect(contract.check(record({ body: thing({ note: 'n', colour: null }) }))).toEqual([])
    expect(contract.check(record({ body: thing({ colour: 'green' }) }))[0]).toMatch(/colour/)
  })

  it('follows $ref into components and keeps formats and exclusive bounds', () => {
    expect(contract.check(record({ body: thing({ id: 'not-a-uuid' }) }))[0]).toMatch(/format/)
    expect(contract.check(record({ body: thing({ score: 0 }) }))[0]).toMatch(/score/)
    expect(contract.check(record({ body: thing({ score: 0.5 }) }))).toEqual([])
    expect(contract.check(record({ body: thing({ extra: 1 }) }))[0]).toMatch(/additional/)
    expect(toJsonSchema({ type: 'integer', minimum: 1, exclusiveMinimum: false })).toEqual({ type: 'integer', minimum: 1 })
  })

  it('wants bodiless statuses (304, 204) empty, and rejects undocumented statuses', () => {
    expect(contract.check(record({ status: 304, contentType: undefined }))).toEqual([])
    expect(contract.check(record({ status: 304, body: '{}' }))[0]).toMatch(/without a body/)
    expect(contract.check(record({ method: 'DELETE', status: 204, contentType: undefined }))).toEqual([])
    expect(contract.check(record({ method: 'DELETE', status: 409, body: '{"error":{"code":"c","message":"m"}}' }))).toEqual([])
    expect(contract.check(record({ status: 400, body: '{"error":{"code":"c","message":"m"}}' }))[0]).toMatch(/400 is not documented/)
  })

  it('rejects a wrong content type and a non-JSON body', () => {
    expect(contract.check(record({ contentType: 'text/plain', body: 'hi' }))[0]).toMatch(/content-type text\/plain/)
    expect(contract.check(record({ body: '{oops' }))[0]).toMatch(/not JSON/)
  })

  it('wants unknown routes to answer a 4xx ErrorBody', () => {
    expect(contract.check(record({ route: undefined, status: 404, body: '{"error":{"code":"not_found","message":"m"}}' }))).toEqual([])
    expect(contract.check(record({ route: undefined, status: 200, body: '{}' }))[0]).toMatch(/unknown route/)
    expect(contract.check(record({ route: undefined, status: 404, body: '{"message":"x"}' }))[0]).toMatch(/schema/)
  })

  it('leaves routes the document hides alone', () => {
    expect(contract.check(record({ route: '/openapi.json', body: 'whatever' }))).toEqual([])
  })
})

describe('the contract check in createTestApp', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  }, SETUP_TIMEOUT)
  afterAll(() => t.close(), SETUP_TIMEOUT)

  it('has compiled the served document and checks every response', async () => {
    expect(t.contract.contract.operations.map((operation) => operation.key)).toContain('GET /api/parks/{id}')
    const before = t.contract.checked
    await t.app.inject({ method: 'GET', url: '/api/parks/pingyuan-jingde' })
    await t.app.inject({ method: 'GET', url: '/api/parks?limit=0' })
    expect(t.contract.checked).toBe(before + 2)
    expect(t.contract.take()).toEqual([])
  })

  it('also sees what Fastify answers before routing (bad URL encoding), which skips every hook', async () => {
    const before = t.contract.checked
    const response = await t.app.inject({ method: 'GET', url: '/api/parks/%ZZ' })
    expect(response.statusCode).toBeGreaterThanOrEqual(400)
    expect(t.contract.checked).toBe(before + 1)
    // Whether that body is an ErrorBody is the fuzzer's business (it reports it); here only that it was checked.
    t.contract.take()
  })

  it('reports a response its operation does not document, with method, URL, status and reason', async () => {
    // Make /api/home answer 418, which its operation does not document.
    const teapot = () =>
      jest.spyOn(t.app.content, 'current').mockImplementationOnce(() => {
        throw Object.assign(new Error('teapot'), { statusCode: 418 })
      })
    teapot()
    await t.app.inject({ method: 'GET', url: '/api/home?x=1' })
    const found = t.contract.take()
    expect(found).toHaveLength(1)
    expect(found[0]).toContain('GET /api/home?x=1 → 418')
    expect(found[0]).toContain('status 418 is not documented for GET /api/home')

    // What close() runs in afterAll: one error listing everything not yet taken (and then cleared).
    teapot()
    await t.app.inject({ method: 'GET', url: '/api/home' })
    expect(() => t.contract.assertClean()).toThrow(/API contract violations: 1 response\(s\)[\s\S]*GET \/api\/home → 418/)
    jest.restoreAllMocks()
  })
})
