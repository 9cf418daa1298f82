import { taroMock } from '../../test/jest/taro'
import { ApiError, apiRequest, apiUrl, buildUrl, configureApi } from './client'

type Thing = { id: string }

beforeEach(() => taroMock.reset())

test('returns a good answer as the contract type', async () => {
  taroMock.onRequest(() => ({ statusCode: 200, data: { id: 'qingyun' } }))
  await expect(apiRequest<Thing>('/api/zones/qingyun')).resolves.toEqual({ id: 'qingyun' })
  expect(taroMock.calls.requests[0].url).toBe('http://api.test/api/zones/qingyun')
})

test('surfaces the API error shape with its fields', async () => {
  taroMock.onRequest(() => ({
    statusCode: 400,
    data: { error: { code: 'validation_error', message: '请求参数有误', fields: { limit: '不能大于 50' } } },
  }))
  const error = await apiRequest<Thing>('/api/parks', { query: { limit: 99 } }).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(ApiError)
  expect(error).toMatchObject({ statusCode: 400, code: 'validation_error', fields: { limit: '不能大于 50' } })
})

test('turns a network failure into a retryable error', async () => {
  taroMock.onRequest(() => Promise.reject(new Error('request:fail')))
  const error = (await apiRequest<Thing>('/api/home').catch((e: unknown) => e)) as ApiError
  expect(error.code).toBe('network_error')
  expect(error.retryable).toBe(true)
})

test('rejects an answer that is not JSON (a proxy page, a cut-off body)', async () => {
  taroMock.onRequest(() => ({ statusCode: 200, data: '<html>502 Bad Gateway</html>' }))
  await expect(apiRequest<Thing>('/api/home')).rejects.toMatchObject({ code: 'bad_response' })
})

test('resolves a 204 with nothing', async () => {
  taroMock.onRequest(() => ({ statusCode: 204, data: '' }))
  await expect(apiRequest<void>('/api/favourites/pingyuan-jingde', { method: 'PUT' })).resolves.toBeUndefined()
})

test('falls back to a generic message when an error body is not the API shape', async () => {
  taroMock.onRequest(() => ({ statusCode: 502, data: { error: { code: 7 } } }))
  await expect(apiRequest<Thing>('/api/home')).rejects.toMatchObject({ statusCode: 502, code: 'http_error', retryable: true })
})

test('sends the session token and reports a rejected one', async () => {
  const onUnauthorized = jest.fn()
  configureApi({ getToken: () => 'tok', onUnauthorized })
  taroMock.onRequest(() => ({ statusCode: 401, data: { error: { code: 'unauthorized', message: '请重新登录' } } }))
  await expect(apiRequest<Thing>('/api/requests/mine')).rejects.toMatchObject({ statusCode: 401 })
  expect(taroMock.calls.requests[0].header?.Authorization).toBe('Bearer tok')
  expect(onUnauthorized).toHaveBeenCalledTimes(1)
  configureApi({ getToken: () => null, onUnauthorized: () => undefined })
})

test('a signed-in request refused for want of a live token also ends that session', async () => {
  const onUnauthorized = jest.fn()
  configureApi({ getToken: () => null, onUnauthorized })
  taroMock.onRequest(() => ({ statusCode: 401, data: { error: { code: 'unauthorized', message: '请重新登录' } } }))
  await expect(apiRequest<Thing>('/api/staff/requests')).rejects.toMatchObject({ statusCode: 401 })
  expect(taroMock.calls.requests[0].header?.Authorization).toBeUndefined()
  expect(onUnauthorized).toHaveBeenCalledWith('/api/staff/requests')
  configureApi({ getToken: () => null, onUnauthorized: () => undefined })
})

test('a public request refused with 401 (a wrong password) ends no session', async () => {
  const onUnauthorized = jest.fn()
  configureApi({ getToken: () => 'tok', onUnauthorized })
  taroMock.onRequest(() => ({ statusCode: 401, data: { error: { code: 'invalid_credentials', message: '用户名或密码错误' } } }))
  await expect(apiRequest<Thing>('/api/auth/staff', { method: 'POST', body: {}, auth: false })).rejects.toMatchObject({ statusCode: 401 })
  expect(taroMock.calls.requests[0].header?.Authorization).toBeUndefined()
  expect(onUnauthorized).not.toHaveBeenCalled()
  configureApi({ getToken: () => null, onUnauthorized: () => undefined })
})

test('builds query strings without empty values, keeping comma lists readable', () => {
  expect(buildUrl('/api/parks', { zoneId: 'pingyuan', q: '', cursor: undefined, limit: 10 })).toBe(
    'http://api.test/api/parks?zoneId=pingyuan&limit=10',
  )
  expect(buildUrl('/api/parks', { ids: 'a,b', q: '京德 园区' })).toBe('http://api.test/api/parks?ids=a,b&q=%E4%BA%AC%E5%BE%B7%20%E5%9B%AD%E5%8C%BA')
})

test('upload URLs relative to the API become absolute; device and absolute URLs stay', () => {
  expect(apiUrl('/uploads/a.jpg')).toBe('http://api.test/uploads/a.jpg')
  expect(apiUrl('https://cdn.example/a.jpg')).toBe('https://cdn.example/a.jpg')
  expect(apiUrl('wxfile://tmp/a.jpg')).toBe('wxfile://tmp/a.jpg')
  expect(apiUrl('blob:http://localhost/1')).toBe('blob:http://localhost/1')
})
