import { createTestApp, type TestApp, SETUP_TIMEOUT } from '../test-support/app'

type Operation = { responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }> }
type Document = { openapi: string; info: { title: string }; paths: Record<string, Record<string, Operation>> }

let t: TestApp
let doc: Document
beforeAll(async () => {
  t = await createTestApp()
  const response = await t.app.inject({ method: 'GET', url: '/openapi.json' })
  expect(response.statusCode).toBe(200)
  doc = response.json()
}, SETUP_TIMEOUT)
afterAll(() => t.close(), SETUP_TIMEOUT)

const ROUTES = [
  '/api/health',
  '/api/home',
  '/api/zones',
  '/api/zones/{id}',
  '/api/parks',
  '/api/parks/{id}',
  '/api/policies',
  '/api/policies/{id}',
]

describe('GET /openapi.json', () => {
  it('is an OpenAPI 3 document listing every route', () => {
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/)
    expect(doc.info.title).toContain('ParkLink')
    expect(Object.keys(doc.paths).sort()).toEqual([...ROUTES].sort())
    for (const route of ROUTES) expect(doc.paths[route].get).toBeDefined()
  })

  it('documents errors with the ErrorBody shape: 400 for params/query, 404 for ids', () => {
    const errorSchemaOf = (route: string, status: string) =>
      doc.paths[route].get.responses[status]?.content?.['application/json']?.schema as
        { properties: { error: { properties: Record<string, unknown>; required: string[] } } } | undefined

    for (const route of ['/api/zones/{id}', '/api/parks/{id}', '/api/policies/{id}', '/api/parks', '/api/policies']) {
      const schema = errorSchemaOf(route, '400')
      expect(schema?.properties.error.required).toEqual(expect.arrayContaining(['code', 'message']))
      expect(Object.keys(schema!.properties.error.properties)).toEqual(['code', 'message', 'fields'])
    }
    for (const route of ['/api/zones/{id}', '/api/parks/{id}', '/api/policies/{id}']) {
      expect(errorSchemaOf(route, '404')).toBeDefined()
    }
    for (const route of ROUTES) expect(errorSchemaOf(route, '500')).toBeDefined()
  })

  it('documents 304 Not Modified without a body on cacheable routes', () => {
    for (const route of ROUTES.filter((route) => route !== '/api/health')) {
      const notModified = doc.paths[route].get.responses['304']
      expect(notModified.description).toBeTruthy()
      expect(notModified.content).toBeUndefined()
    }
  })

  it('describes query parameters from the shared schemas', () => {
    const parameters = (doc.paths['/api/parks'].get as unknown as { parameters: { name: string; in: string }[] }).parameters
    expect(parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining(['cursor', 'limit', 'zoneId', 'industry', 'spaceType', 'minArea', 'q']),
    )
  })
})
