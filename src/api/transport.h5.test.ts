import { parseBody, send } from './transport.h5'

type FetchCall = [string, RequestInit]
const realFetch = globalThis.fetch

function answer(status: number, text: string) {
  const fetchDouble = jest.fn((_url: string, _init: RequestInit) => Promise.resolve({ status, text: () => Promise.resolve(text) } as Response))
  globalThis.fetch = fetchDouble as unknown as typeof fetch
  return fetchDouble
}

afterEach(() => {
  globalThis.fetch = realFetch
  jest.useRealTimers()
})

const request = { url: 'http://api.test/api/requests', method: 'POST', header: { Accept: 'application/json' }, timeoutMs: 10000 }

test('sends the method, headers and a JSON body, and parses a JSON answer', async () => {
  const fetchDouble = answer(201, '{"id":"req-1"}')
  const response = await send({ ...request, data: { title: '办理施工许可' } })
  expect(response).toEqual({ statusCode: 201, data: { id: 'req-1' } })
  const [url, init] = fetchDouble.mock.calls[0] as FetchCall
  expect(url).toBe('http://api.test/api/requests')
  expect(init.method).toBe('POST')
  expect(init.headers).toEqual({ Accept: 'application/json' })
  expect(init.body).toBe('{"title":"办理施工许可"}')
})

test('a GET carries no body', async () => {
  const fetchDouble = answer(200, '{"items":[]}')
  await send({ ...request, method: 'GET' })
  expect((fetchDouble.mock.calls[0] as FetchCall)[1].body).toBeUndefined()
})

test('an error status resolves with its body; an HTML page stays text; 204 is empty', async () => {
  answer(422, '{"error":{"code":"invalid","message":"请填写标题"}}')
  expect(await send(request)).toEqual({ statusCode: 422, data: { error: { code: 'invalid', message: '请填写标题' } } })
  answer(502, '<html>Bad Gateway</html>')
  expect(await send(request)).toEqual({ statusCode: 502, data: '<html>Bad Gateway</html>' })
  answer(204, '')
  expect(await send(request)).toEqual({ statusCode: 204, data: '' })
})

test('no answer rejects: offline, or aborted after the timeout', async () => {
  globalThis.fetch = jest.fn(() => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch
  await expect(send(request)).rejects.toThrow('Failed to fetch')

  jest.useFakeTimers()
  globalThis.fetch = jest.fn(
    (_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
  ) as unknown as typeof fetch
  const pending = send({ ...request, timeoutMs: 5000 })
  jest.advanceTimersByTime(5000)
  await expect(pending).rejects.toThrow('aborted')
})

test('parseBody keeps what is not JSON as text', () => {
  expect(parseBody('{"a":1}')).toEqual({ a: 1 })
  expect(parseBody('[1,2]')).toEqual([1, 2])
  expect(parseBody('not json')).toBe('not json')
  expect(parseBody('')).toBe('')
})
