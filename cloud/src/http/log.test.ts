import { DrizzleQueryError } from 'drizzle-orm/errors'
import { quieterOf, serializeError, serializeRequest } from './log'

describe('serializeError (the logger’s err serializer)', () => {
  it('logs a failed query without its parameters or the key values PostgreSQL puts in `detail`', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "service_requests_ticket_no_unique"'), {
      code: '23505',
      constraint: 'service_requests_ticket_no_unique',
      table: 'service_requests',
      detail: 'Key (mobile)=(13800001111) already exists.',
    })
    const error = new DrizzleQueryError('insert into "service_requests" ("mobile") values ($1)', ['13800001111'], cause)
    const logged = serializeError(error)
    expect(JSON.stringify(logged)).not.toContain('13800001111')
    expect(logged).toMatchObject({
      message: 'Failed query: insert into "service_requests" ("mobile") values ($1)',
      db: { code: '23505', constraint: 'service_requests_ticket_no_unique', table: 'service_requests' },
    })
  })

  it('keeps ordinary errors as they are', () => {
    const logged = serializeError(Object.assign(new Error('boom'), { statusCode: 503 }))
    expect(logged).toMatchObject({ type: 'Error', message: 'boom', statusCode: 503, stack: expect.stringContaining('boom') })
  })
})

describe('serializeRequest', () => {
  it('drops the signature of signed upload URLs', () => {
    const logged = serializeRequest({ method: 'GET', url: '/api/uploads/abc?exp=1&sig=SECRET&x=1', host: 'h', ip: '127.0.0.1' })
    expect(logged).toMatchObject({ method: 'GET', url: '/api/uploads/abc?exp=1&sig=[redacted]&x=1', remoteAddress: '127.0.0.1' })
  })
})

test('a route can be made quieter than the app, never louder', () => {
  expect(quieterOf('info', 'warn')).toBe('warn')
  expect(quieterOf('debug', 'warn')).toBe('warn')
  expect(quieterOf('error', 'warn')).toBe('error')
  expect(quieterOf('silent', 'warn')).toBe('silent')
})
