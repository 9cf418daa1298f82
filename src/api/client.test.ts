import { z } from 'zod'
import { taroMock } from '../../test/jest/taro'
import { ApiError, apiRequest, buildUrl, configureApi } from './client'

const Thing = z.object({ id: z.string() })

beforeEach(() => taroMock.reset())

test('parses a good answer with the shared schema', async () => {
  taroMock.onRequest(() => ({ statusCode: 200, data: { id: 'qingyun' } }))
  await expect(apiRequest(Thing, '/api/zones/qingyun')).resolves.toEqual({ id: 'qingyun' })
  expect(taroMock.calls.requests[0].url).toBe('http://api.test/api/zones/qingyun')
})

test('surfaces the API error shape with its fields', async () => {
  taroMock.onRequest(() => ({
    statusCode: 400,
    data: { error: { code: 'validation_error', message: '请求参数有误', fields: { limit: '不能大于 50' } } },
  }))
  const error = await apiRequest(Thing, '/api/parks', { query: { limit: 99 } }).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(ApiError)
  expect(error).toMatchObject({ status: 400, code: 'validation_error', fields: { limit: '不能大于 50' } })
})

test('turns a network failure into a retryable error', async () => {
  taroMock.onRequest(() => Promise.reject(new Error('request:fail')))
  const error = (await apiRequest(Thing, '/api/home').catch((e: unknown) => e)) as ApiError
  expect(error.code).toBe('network_error')
  expect(error.retryable).toBe(true)
})

test('rejects an answer that does not match the contract', async () => {
  taroMock.onRequest(() => ({ statusCode: 200, data: { name: 'no id' } }))
  await expect(apiRequest(Thing, '/api/home')).rejects.toMatchObject({ code: 'bad_response' })
})

test('sends the session token and reports a rejected one', async () => {
  const onUnauthorized = jest.fn()
  configureApi({ getToken: () => "tok", onUnauthorized })
  taroMock.onRequest(() => ({ statusCode: 401, data: { error: { code: 'unauthorized', message: '请重新登录' } } }))
  await expect(apiRequest(Thing, '/api/requests/mine')).rejects.toMatchObject({ status: 401 })
  expect(taroMock.calls.requests[0].header?.Authorization).toBe('Bearer tok')
  expect(onUnauthorized).toHaveBeenCalledTimes(1)
  configureApi({ getToken: () => null, onUnauthorized: () => undefined })
})

test('builds query strings without empty values', () => {
  expect(buildUrl('/api/parks', { zoneId: 'pingyuan', q: '', cursor: undefined, limit: 10 })).toBe(
    'http://api.test/api/parks?zoneId=pingyuan&limit=10',
  )
})
