import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'

/**
 * An independent check of responses against the served /openapi.json: ajv compiles the
 * document's own JSON schemas (never the zod schemas the routes were built from), so a route
 * that answers something its documentation does not promise is caught.
 */

type SchemaObject = Record<string, unknown>
type MediaType = { schema?: SchemaObject }
type ResponseObject = { description?: string; content?: Record<string, MediaType> }
export type ParameterObject = { name: string; in: 'path' | 'query' | 'header' | 'cookie'; required?: boolean; schema?: SchemaObject }
export type OperationObject = {
  parameters?: ParameterObject[]
  requestBody?: { required?: boolean; content?: Record<string, MediaType> }
  responses: Record<string, ResponseObject>
  security?: Record<string, string[]>[]
  tags?: string[]
}
export type OpenApiDocument = {
  openapi: string
  paths: Record<string, Record<string, OperationObject>>
  components?: { schemas?: Record<string, SchemaObject>; securitySchemes?: Record<string, unknown> }
  security?: Record<string, string[]>[]
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const

export type Operation = {
  method: string // upper case
  path: string // OpenAPI form: /api/parks/{id}
  key: string // "GET /api/parks/{id}"
  spec: OperationObject
}

/** One response as the server sent it. `route` is the router pattern (/api/parks/:id), undefined for the 404 handler. */
export type ResponseRecord = {
  method: string
  url: string
  route: string | undefined
  status: number
  contentType: string | undefined
  body: string | Buffer | undefined
}

/** The common error shape the document's description promises for every 4xx/5xx, also for unknown routes. */
const ERROR_BODY_SCHEMA = {
  type: 'object',
  required: ['error'],
  additionalProperties: false,
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      additionalProperties: false,
      properties: {
        code: { type: 'string', minLength: 1 },
        message: { type: 'string', minLength: 1 },
        fields: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
  },
}

const COMPONENTS_ID = 'openapi-components'

/**
 * OpenAPI 3.0 schema object → JSON schema ajv understands:
 * `nullable: true` → anyOf with null; boolean exclusiveMinimum/Maximum → numeric;
 * `#/components/schemas/X` → a separately registered components schema.
 */
export const toJsonSchema = (schema: unknown): unknown => {
  if (Array.isArray(schema)) return schema.map(toJsonSchema)
  if (!schema || typeof schema !== 'object') return schema
  const out: SchemaObject = {}
  for (const [key, value] of Object.entries(schema as SchemaObject)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
      out.$ref = `${COMPONENTS_ID}#/definitions/${value.slice('#/components/schemas/'.length)}`
    } else if (key === 'properties' || key === 'patternProperties' || key === 'definitions' || key === '$defs') {
      // Maps of name → schema: the names are data, not keywords.
      out[key] = Object.fromEntries(Object.entries(value as SchemaObject).map(([name, sub]) => [name, toJsonSchema(sub)]))
    } else if (key === 'example' || key === 'xml' || key === 'externalDocs' || key === 'discriminator') {
      continue // annotations without a JSON-schema meaning
    } else {
      out[key] = toJsonSchema(value)
    }
  }
  for (const [bound, limit] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof out[bound] === 'boolean') {
      if (out[bound] && typeof out[limit] === 'number') out[bound] = out[limit]
      else delete out[bound]
      if (out[bound] !== undefined) delete out[limit]
    }
  }
  if (out.nullable === true) {
    delete out.nullable
    return { anyOf: [out, { type: 'null' }] }
  }
  delete out.nullable
  return out
}

/** /api/parks/:id (find-my-way, optionally with a regexp) → /api/parks/{id}, as @fastify/swagger writes it. */
export const toOpenApiPath = (route: string): string => route.replace(/:([A-Za-z0-9_]+)(\([^)]*\))?/g, '{$1}')

const baseMediaType = (contentType: string | undefined) => contentType?.split(';')[0].trim().toLowerCase()

const formatErrors = (errors: ErrorObject[] | null | undefined): string =>
  (errors ?? [])
    .slice(0, 5)
    .map((error) => `${error.instancePath || '/'} ${error.message}${error.params ? ` ${JSON.stringify(error.params)}` : ''}`)
    .join('; ')

export class OpenApiContract {
  readonly operations: Operation[]
  private readonly byKey = new Map<string, Operation>()
  private readonly ajv: Ajv
  private readonly validators = new Map<string, ValidateFunction>()

  constructor(readonly document: OpenApiDocument) {
    if (!/^3\.0\./.test(document.openapi)) throw new Error(`OpenAPI ${document.openapi}: only 3.0.x is handled (nullable, boolean exclusive bounds)`)
    this.operations = Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method]).map((method) => ({
        method: method.toUpperCase(),
        path,
        key: `${method.toUpperCase()} ${path}`,
        spec: item[method],
      })),
    )
    for (const operation of this.operations) this.byKey.set(operation.key, operation)
    // strict: false — OpenAPI annotations (description, default, …) are not errors here.
    this.ajv = new Ajv({ allErrors: true, strict: false })
    addFormats(this.ajv)
    this.ajv.addSchema({ $id: COMPONENTS_ID, definitions: toJsonSchema(document.components?.schemas ?? {}) })
  }

  /** The documented operation behind a router pattern; HEAD is answered by the GET route. */
  findOperation(method: string, route: string): Operation | undefined {
    const path = toOpenApiPath(route)
    const upper = method.toUpperCase()
    return this.byKey.get(`${upper} ${path}`) ?? (upper === 'HEAD' ? this.byKey.get(`GET ${path}`) : undefined)
  }

  /** The response object documented for this status (exact, 4XX-style range, or default). */
  documentedResponse(operation: Operation, status: number): ResponseObject | undefined {
    const code = String(status)
    return operation.spec.responses[code] ?? operation.spec.responses[`${code[0]}XX`] ?? operation.spec.responses.default
  }

  /** A JSON schema validator for a documented schema, compiled once. */
  validator(cacheKey: string, schema: unknown): ValidateFunction {
    let validate = this.validators.get(cacheKey)
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema) as SchemaObject)
      this.validators.set(cacheKey, validate)
    }
    return validate
  }

  /**
   * Problems with one response; [] when it keeps the contract. Routes the document hides
   * (/openapi.json, CORS preflight) are not checked; unknown routes must answer 4xx ErrorBody.
   */
  check(record: ResponseRecord): string[] {
    if (record.route === undefined) return this.checkUnrouted(record)
    const operation = this.findOperation(record.method, record.route)
    if (!operation) return []
    const status = String(record.status)
    const documented = this.documentedResponse(operation, record.status)
    if (!documented) {
      return [`status ${status} is not documented for ${operation.key} (documented: ${Object.keys(operation.spec.responses).join(', ')})`]
    }
    const bodyText = record.body === undefined ? '' : record.body.toString()
    if (!documented.content || Object.keys(documented.content).length === 0) {
      return bodyText.length === 0 || record.method === 'HEAD' ? [] : [`${status} is documented without a body, but ${bodyText.length} bytes were sent`]
    }
    if (record.method === 'HEAD') return []
    const mediaType = baseMediaType(record.contentType)
    const media = mediaType ? documented.content[mediaType] : undefined
    if (!media) return [`content-type ${record.contentType ?? '(none)'} is not documented for ${status} (documented: ${Object.keys(documented.content).join(', ')})`]
    if (!media.schema) return []
    if (!mediaType!.includes('json')) return []
    return this.validateJson(`${operation.key} ${status} ${mediaType}`, media.schema, bodyText)
  }

  private checkUnrouted(record: ResponseRecord): string[] {
    if (record.status < 400 || record.status >= 500) return [`an unknown route answered ${record.status}; expected a 4xx ErrorBody`]
    return this.validateJson('unrouted error', ERROR_BODY_SCHEMA, record.body?.toString() ?? '')
  }

  private validateJson(cacheKey: string, schema: unknown, bodyText: string): string[] {
    let body: unknown
    try {
      body = JSON.parse(bodyText)
    } catch {
      return [`body is not JSON: ${JSON.stringify(bodyText.slice(0, 120))}`]
    }
    const validate = this.validator(cacheKey, schema)
    return validate(body) ? [] : [`body does not match the documented schema: ${formatErrors(validate.errors)}`]
  }
}

export const describeViolation = (record: ResponseRecord, problems: string[]): string => {
  const url = record.url.length > 200 ? `${record.url.slice(0, 200)}…(${record.url.length} chars)` : record.url
  return `${record.method} ${url} → ${record.status}${record.route ? ` [route ${record.route}]` : ''}\n    ${problems.join('\n    ')}`
}
