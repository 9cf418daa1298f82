import type { IncomingMessage } from 'node:http'
import { gunzipSync } from 'node:zlib'
import type { App } from '../../src/app'
import { OpenApiContract, describeViolation, type OpenApiDocument, type ResponseRecord } from './openapi-contract'

export type ContractCheck = {
  /** The compiled document (after load()). */
  readonly contract: OpenApiContract
  /** Descriptions of the responses that broke the contract since the last take(), cleared. */
  take(): string[]
  /** How many responses were checked so far. */
  readonly checked: number
  /** Throws one error listing every violation not yet taken. */
  assertClean(): void
}

type InjectResponse = { statusCode: number; headers: Record<string, unknown>; rawPayload: Buffer; raw: { req: IncomingMessage } }

/**
 * Checks every response `app.inject()` returns against the app's own served /openapi.json.
 * The check sits at inject() so it sees exactly what a client gets — also the answers Fastify
 * sends before routing (bad URL encoding, over-long path params), which skip every hook. An onSend
 * hook only notes which route handled a request. Call before app.ready(), then load() after it.
 */
export const attachContractCheck = (app: App): ContractCheck & { load(): Promise<void> } => {
  let contract: OpenApiContract | undefined
  let violations: string[] = []
  let checked = 0
  /** Router pattern per request; absent = Fastify answered before routing. */
  const routes = new WeakMap<IncomingMessage, string | undefined>()

  app.addHook('onSend', async (request, _reply, payload) => {
    routes.set(request.raw, request.routeOptions.url)
    return payload
  })

  const inspect = (response: InjectResponse) => {
    // The document itself is fetched through inject() before the contract exists.
    if (!contract) return
    const record: ResponseRecord = {
      method: response.raw.req.method ?? 'GET',
      url: response.raw.req.url ?? '',
      route: routes.get(response.raw.req),
      status: response.statusCode,
      contentType: response.headers['content-type']?.toString(),
      // What a client reads: content GETs are gzipped when the request accepts it.
      body: response.headers['content-encoding'] === 'gzip' ? gunzipSync(response.rawPayload) : response.rawPayload,
    }
    checked++
    const problems = contract.check(record)
    if (problems.length) violations.push(describeViolation(record, problems))
  }

  // Promise form only; the chain and callback forms are passed through unchecked (not used by the tests).
  const inject = app.inject.bind(app) as (options?: unknown, callback?: unknown) => unknown
  app.inject = ((options?: unknown, callback?: unknown) => {
    if (options === undefined || callback !== undefined) return inject(options, callback)
    return (inject(options) as Promise<InjectResponse>).then((response) => {
      inspect(response)
      return response
    })
  }) as unknown as App['inject']

  return {
    async load() {
      const response = await app.inject({ method: 'GET', url: '/openapi.json' })
      if (response.statusCode !== 200) throw new Error(`GET /openapi.json answered ${response.statusCode}`)
      contract = new OpenApiContract(response.json() as OpenApiDocument)
    },
    get contract() {
      if (!contract) throw new Error('contract check not loaded yet')
      return contract
    },
    get checked() {
      return checked
    },
    take() {
      const taken = violations
      violations = []
      return taken
    },
    assertClean() {
      const found = this.take()
      if (found.length === 0) return
      const shown = found.slice(0, 20)
      throw new Error(
        `API contract violations: ${found.length} response(s) do not match /openapi.json ` +
          `(checked with ajv against the served document)\n  ${shown.join('\n  ')}` +
          (found.length > shown.length ? `\n  … and ${found.length - shown.length} more` : ''),
      )
    },
  }
}
