import Fastify from 'fastify'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import errorsPlugin from './errors'
import inputPlugin, { findLoneSurrogate, findNul } from './input'

const buildInputApp = async () => {
  const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  await app.register(errorsPlugin)
  await app.register(inputPlugin)
  app.get('/search', { schema: { querystring: z.object({ q: z.string().optional() }) } }, async (request) => ({
    q: request.query.q ?? null,
  }))
  app.get('/items/:id', async () => ({ ok: true }))
  app.get('/plain', async () => ({ ok: true }))
  app.post('/things', async () => ({ ok: true }))
  return app
}

let app: Awaited<ReturnType<typeof buildInputApp>>
beforeAll(async () => {
  app = await buildInputApp()
})
afterAll(() => app.close())

describe('NUL characters in input', () => {
  it('finds the path of the first NUL in nested values, and nothing in clean ones', () => {
    expect(findNul({ a: [{ b: 'x' }, { b: 'y\u0000' }] })).toEqual(['a', '1', 'b'])
    expect(findNul('\u0000')).toEqual([])
    expect(findNul({ a: ['x', { b: 'y' }], n: 1, z: null })).toBeNull()
  })

  it('refuses them in a declared querystring, in path parameters and in bodies with 400 naming the field', async () => {
    const query = await app.inject({ method: 'GET', url: '/search?q=a%00b' })
    expect(query.statusCode).toBe(400)
    expect(query.json().error.fields).toEqual({ q: '不能包含空字符（U+0000）' })

    const params = await app.inject({ method: 'GET', url: '/items/a%00b' })
    expect(params.statusCode).toBe(400)
    expect(params.json().error.fields).toEqual({ id: '不能包含空字符（U+0000）' })

    const body = await app.inject({ method: 'POST', url: '/things', payload: { list: ['ok', 'n\u0000'] } })
    expect(body.statusCode).toBe(400)
    expect(body.json().error.fields).toEqual({ 'list.1': '不能包含空字符（U+0000）' })
  })

  it('lets clean input through', async () => {
    expect((await app.inject({ method: 'GET', url: '/search?q=%E5%8C%BB%E8%8D%AF' })).json()).toEqual({ q: '医药' })
    expect((await app.inject({ method: 'POST', url: '/things', payload: { name: 'ok' } })).statusCode).toBe(200)
  })

  it('refuses half a surrogate pair (jsonb cannot store it), and lets whole pairs such as emoji through', async () => {
    expect(findLoneSurrogate({ a: ['ok', 'x\ud800'] })).toEqual(['a', '1'])
    expect(findLoneSurrogate('\udc00y')).toEqual([])
    expect(findLoneSurrogate({ a: '园区😀' })).toBeNull()
    const body = await app.inject({ method: 'POST', url: '/things', payload: { title: 'a\ud800b' } })
    expect(body.statusCode).toBe(400)
    expect(body.json().error.fields).toEqual({ title: '包含无效字符（不成对的代理项）' })
    expect((await app.inject({ method: 'POST', url: '/things', payload: { title: '园区😀' } })).statusCode).toBe(200)
  })

  it('does not look at a GET that declares no input (it reads none)', async () => {
    const response = await app.inject({ method: 'GET', url: '/plain?unused=%00' })
    expect(response.statusCode).toBe(200)
  })
})
