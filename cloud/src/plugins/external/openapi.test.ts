import { createTestApp, type TestApp, SETUP_TIMEOUT } from '../../../test-support/app'

type Operation = {
  requestBody?: { required?: boolean; content: Record<string, { schema: unknown }> }
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>
}
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

/** Public content routes: GET, cacheable with ETag. */
const ROUTES = [
  '/api/health',
  '/api/home',
  '/api/zones',
  '/api/zones/{id}',
  '/api/parks',
  '/api/parks/{id}',
  '/api/policies',
  '/api/policies/{id}',
  '/api/spaces',
  '/api/spaces/{id}',
  '/api/chains',
  '/api/chains/{id}',
  '/api/industries',
]

/** The 店小二 service and investor-experience operations, with who may call them. */
const SERVICE_OPERATIONS: [method: string, path: string, caller: 'anyone' | 'investor' | 'staff'][] = [
  ['post', '/api/auth/wechat', 'anyone'],
  ['post', '/api/auth/guest', 'anyone'],
  ['post', '/api/auth/staff', 'anyone'],
  ['post', '/api/policies/match', 'anyone'],
  ['get', '/api/zones/{id}/service-stats', 'anyone'],
  ['post', '/api/share-visits', 'anyone'],
  ['get', '/api/favourites', 'investor'],
  ['put', '/api/favourites/{parkId}', 'investor'],
  ['delete', '/api/favourites/{parkId}', 'investor'],
  ['post', '/api/uploads', 'investor'],
  ['get', '/api/uploads/{id}', 'anyone'],
  ['post', '/api/requests', 'investor'],
  ['get', '/api/requests/mine', 'investor'],
  ['get', '/api/requests/{id}', 'investor'],
  ['post', '/api/requests/{id}/messages', 'investor'],
  ['post', '/api/requests/{id}/rating', 'investor'],
  ['post', '/api/requests/{id}/withdraw', 'investor'],
  ['get', '/api/staff/requests', 'staff'],
  ['get', '/api/staff/requests/{id}', 'staff'],
  ['post', '/api/staff/requests/{id}/claim', 'staff'],
  ['post', '/api/staff/requests/{id}/assign', 'staff'],
  ['post', '/api/staff/requests/{id}/replies', 'staff'],
  ['post', '/api/staff/requests/{id}/notes', 'staff'],
  ['post', '/api/staff/requests/{id}/status', 'staff'],
  ['get', '/api/staff/members', 'staff'],
  ['get', '/api/staff/canned-replies', 'staff'],
  ['post', '/api/staff/canned-replies', 'staff'],
  ['get', '/api/staff/dashboard', 'staff'],
  ['get', '/api/staff/zones/{id}/settings', 'staff'],
  ['put', '/api/staff/zones/{id}/settings', 'staff'],
  ['put', '/api/staff/canned-replies/{id}', 'staff'],
  ['delete', '/api/staff/canned-replies/{id}', 'staff'],
  ['get', '/api/staff/content/{kind}', 'staff'],
  ['get', '/api/staff/content/{kind}/{id}', 'staff'],
  ['put', '/api/staff/content/{kind}/{id}', 'staff'],
  ['delete', '/api/staff/content/{kind}/{id}/draft', 'staff'],
  ['post', '/api/staff/content/{kind}/{id}/publish', 'staff'],
  ['get', '/api/staff/content/{kind}/{id}/revisions', 'staff'],
  ['post', '/api/staff/content/{kind}/{id}/revert', 'staff'],
  ['get', '/api/staff/completeness', 'staff'],
  ['get', '/api/staff/accounts', 'staff'],
  ['post', '/api/staff/accounts', 'staff'],
  ['post', '/api/staff/accounts/{id}/disable', 'staff'],
  ['post', '/api/staff/accounts/{id}/enable', 'staff'],
  ['post', '/api/staff/accounts/{id}/reset-password', 'staff'],
  ['post', '/api/staff/uploads', 'staff'],
  ['get', '/api/media/{id}', 'anyone'],
]

describe('GET /openapi.json', () => {
  it('is an OpenAPI 3 document listing every route', () => {
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/)
    expect(doc.info.title).toContain('ParkLink')
    const servicePaths = SERVICE_OPERATIONS.map(([, path]) => path)
    expect(Object.keys(doc.paths).sort()).toEqual([...new Set([...ROUTES, ...servicePaths])].sort())
    for (const route of ROUTES) expect(doc.paths[route].get).toBeDefined()
    for (const [method, path] of SERVICE_OPERATIONS) expect(doc.paths[path][method]).toBeDefined()
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

  it('documents the service operations’ errors: 401/403 where a session is needed, 400 and 500 everywhere', () => {
    const documented = (method: string, path: string, status: string) =>
      Boolean(doc.paths[path][method].responses[status]?.content?.['application/json']?.schema)
    for (const [method, path, caller] of SERVICE_OPERATIONS) {
      expect({ method, path, status: '500', documented: documented(method, path, '500') }).toMatchObject({ documented: true })
      if (path.includes('{') || method !== 'get' || path === '/api/staff/requests') {
        expect({ method, path, status: '400', documented: documented(method, path, '400') }).toMatchObject({ documented: true })
      }
      if (caller !== 'anyone') {
        for (const status of ['401', '403'])
          expect({ method, path, status, documented: documented(method, path, status) }).toMatchObject({ documented: true })
      }
    }
    for (const [method, path] of [
      ['post', '/api/requests'],
      ['post', '/api/auth/staff'],
      ['post', '/api/share-visits'],
      ['post', '/api/uploads'],
    ]) {
      expect({ path, documented: documented(method, path, '429') }).toMatchObject({ documented: true })
    }
    expect(documented('post', '/api/requests', '422')).toBe(true)
    expect(documented('post', '/api/auth/staff', '423')).toBe(true)
    expect(documented('post', '/api/auth/wechat', '503')).toBe(true)
    expect(documented('post', '/api/uploads', '413') && documented('post', '/api/uploads', '415')).toBe(true)
    expect(documented('post', '/api/staff/requests/{id}/status', '409')).toBe(true)
  })

  it.each(['/api/uploads', '/api/staff/uploads'])(
    'documents the upload form of %s: multipart/form-data with one binary file part',
    async (path) => {
      expect(doc.paths[path].post.requestBody).toEqual({
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              required: ['file'],
              properties: { file: { type: 'string', format: 'binary', description: expect.stringContaining('JPEG、PNG、WebP 或 GIF') } },
            },
          },
        },
      })
    },
  )
})
