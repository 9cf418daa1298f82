import type { LogLevel } from 'fastify'
/**
 * The logger's `err` serializer. Drizzle puts a failed query's parameters in the message, and
 * PostgreSQL puts key values in `detail` and sometimes in its message: those can be mobile numbers
 * or names, so database errors are logged with the SQL text, SQLSTATE and constraint only.
 */
export const serializeError = (error: Error): { type: string; message: string; stack: string; [key: string]: unknown } => {
  const out: { type: string; message: string; stack: string; [key: string]: unknown } = {
    type: error.name,
    message: error.message,
    stack: error.stack ?? '',
  }
  const query = (error as { query?: unknown }).query
  const cause = (error as { cause?: unknown }).cause
  if (typeof query === 'string') {
    out.message = `Failed query: ${query}`
    out.stack = out.stack.replace(error.message, out.message)
    if (cause && typeof cause === 'object') {
      const { code, constraint, table, column } = cause as Record<string, unknown>
      out.db = { code, constraint, table, column }
    }
  }
  for (const key of ['code', 'statusCode', 'validationContext'] as const) {
    const value = (error as unknown as Record<string, unknown>)[key]
    if (value !== undefined) out[key] = value
  }
  return out
}

/**
 * The logger's `req` serializer: Fastify's fields, with the signature of signed upload URLs
 * removed (it grants a day's access to a personal photo).
 */
export const serializeRequest = (request: {
  method: string
  url: string
  host?: string
  ip?: string
  socket?: { remotePort?: number }
}): Record<string, unknown> => ({
  method: request.method,
  url: request.url.replace(/([?&]sig=)[^&#]*/g, '$1[redacted]'),
  host: request.host,
  remoteAddress: request.ip,
  remotePort: request.socket?.remotePort,
})

const LEVEL_VALUES: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity }

/**
 * A route's log level that only ever quiets it: `level` unless the app logs less than that already
 * (a route-level logLevel replaces the app's, so 'warn' on a silent test app would make it louder).
 */
export const quieterOf = (appLevel: string, level: LogLevel): LogLevel =>
  (LEVEL_VALUES[appLevel] ?? LEVEL_VALUES.info) >= LEVEL_VALUES[level] ? (appLevel as LogLevel) : level
