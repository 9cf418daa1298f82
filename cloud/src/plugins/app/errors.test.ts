import net from 'node:net'
import Fastify from 'fastify'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { clientErrorHandler, frameworkErrors } from '../../http/errors'
import errorsPlugin from './errors'

/** A bare app with only the error handling, and routes that fail on purpose. */
const buildErrorApp = async () => {
  const app = Fastify({ logger: false, bodyLimit: 100, clientErrorHandler }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  await app.register(errorsPlugin)
  app.get('/boom', async () => {
    throw new Error('relation "secret_table" does not exist')
  })
  app.post('/things', { schema: { body: z.object({ name: z.string().min(1), tags: z.array(z.string().max(3)).max(2) }) } }, async () => ({
    ok: true,
  }))
  app.get('/bad-response', { schema: { response: { 200: z.object({ n: z.number() }) } } }, async () => ({ n: 'not a number' }) as never)
  return app
}

let app: Awaited<ReturnType<typeof buildErrorApp>>
beforeAll(async () => {
  app = await buildErrorApp()
})
afterAll(() => app.close())

describe('error handling', () => {
  it('turns unexpected errors into 500 internal_error without leaking details', async () => {
    const response = await app.inject({ method: 'GET', url: '/boom' })
    expect(response.statusCode).toBe(500)
    expect(response.json()).toEqual({ error: { code: 'internal_error', message: expect.any(String) } })
    expect(response.body).not.toContain('secret_table')
  })

  it('treats a response that breaks its schema as a server error', async () => {
    const response = await app.inject({ method: 'GET', url: '/bad-response' })
    expect(response.statusCode).toBe(500)
    expect(response.json().error.code).toBe('internal_error')
  })

  it('maps body validation errors to fields with nested paths', async () => {
    const response = await app.inject({ method: 'POST', url: '/things', payload: { name: '', tags: ['a', 'long'] } })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toEqual({
      error: { code: 'validation_error', message: '请求参数有误', fields: { name: '不能为空', 'tags.1': '最多 3 个字符' } },
    })
  })

  it('answers malformed JSON, oversize bodies and wrong content types in the error shape', async () => {
    const badJson = await app.inject({
      method: 'POST',
      url: '/things',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":',
    })
    expect(badJson.statusCode).toBe(400)
    expect(badJson.json().error.code).toBe('bad_request')

    const tooLarge = await app.inject({ method: 'POST', url: '/things', payload: { name: 'x'.repeat(200), tags: [] } })
    expect(tooLarge.statusCode).toBe(413)
    expect(tooLarge.json().error.code).toBe('payload_too_large')

    const wrongType = await app.inject({ method: 'POST', url: '/things', headers: { 'content-type': 'application/xml' }, payload: '<a/>' })
    expect(wrongType.statusCode).toBe(415)
    expect(wrongType.json().error.code).toBe('unsupported_media_type')
  })

  it('answers requests the HTTP parser rejects in the error shape', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = app.server.address() as net.AddressInfo
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.write('GET /api/parks?q=医药 HTTP/1.1\r\nHost: x\r\n\r\n'))
      let data = ''
      socket.on('data', (chunk) => (data += chunk.toString('utf8')))
      socket.on('close', () => resolve(data))
      socket.on('error', reject)
    })
    expect(raw).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/)
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toEqual({ error: { code: 'bad_request', message: '请求格式不正确' } })
  })
})

describe('URLs the router refuses', () => {
  it('answers malformed percent-encoding with 400 and an over-long path parameter with 404, in the error shape', async () => {
    const routed = Fastify({ logger: false, frameworkErrors, routerOptions: { maxParamLength: 20 } })
    await routed.register(errorsPlugin)
    routed.get('/items/:id', async () => ({ ok: true }))
    try {
      const bad = await routed.inject({ method: 'GET', url: '/items/%ZZ' })
      expect(bad.statusCode).toBe(400)
      expect(bad.json()).toEqual({ error: { code: 'bad_request', message: '请求地址不正确' } })
      const long = await routed.inject({ method: 'GET', url: `/items/${'a'.repeat(50)}` })
      expect(long.statusCode).toBe(404)
      expect(long.json()).toEqual({ error: { code: 'not_found', message: '没有找到' } })
    } finally {
      await routed.close()
    }
  })
})
