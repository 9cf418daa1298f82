import fc from 'fast-check'

/**
 * fast-check generators read from the OpenAPI document's JSON schemas: valid values, values at the
 * documented boundaries, and hostile values. Kept small on purpose: the fuzzer wants plausible
 * input for every operation, not a complete JSON-schema sampler.
 */

export type Schema = Record<string, unknown>
/** Resolves `#/components/schemas/X`. */
export type Resolve = (schema: Schema) => Schema

const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined)

/** Letters, digits and Chinese, never whitespace at the ends (the API trims before checking lengths). */
const TEXT_CHARS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', ...'园区通开发区企业厂房政策人才融资水电气暖代办帮办选址平原庆云邹平高青运河']
const textUnit = fc.constantFrom(...TEXT_CHARS)

const text = (minLength: number, maxLength: number) => fc.string({ unit: textUnit, minLength, maxLength })

const isoDate = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 11, 31) }).map((ms) => new Date(ms).toISOString())

const stringOf = (schema: Schema): fc.Arbitrary<string> => {
  const minLength = num(schema.minLength) ?? 0
  // Long valid strings cost time on every request and add nothing the boundary cases do not cover.
  const maxLength = Math.min(num(schema.maxLength) ?? 40, Math.max(minLength, 40))
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as string[]))
  switch (schema.format) {
    case 'uuid':
      return fc.uuid()
    case 'date':
      return isoDate.map((iso) => iso.slice(0, 10))
    case 'date-time':
      return isoDate
    case 'uri':
    case 'url':
      return fc.webUrl()
    case 'email':
      return fc.emailAddress()
  }
  if (typeof schema.pattern === 'string') {
    const length = (value: string) => value.length >= minLength && value.length <= (num(schema.maxLength) ?? Infinity)
    return fc.stringMatching(new RegExp(schema.pattern)).filter(length)
  }
  return text(minLength, maxLength)
}

const numberOf = (schema: Schema, integer: boolean): fc.Arbitrary<number> => {
  let min = num(schema.minimum) ?? -1e6
  let max = num(schema.maximum) ?? 1e6
  if (typeof schema.exclusiveMinimum === 'number') min = schema.exclusiveMinimum + (integer ? 1 : 1e-6)
  if (schema.exclusiveMinimum === true) min += integer ? 1 : 1e-6
  if (typeof schema.exclusiveMaximum === 'number') max = schema.exclusiveMaximum - (integer ? 1 : 1e-6)
  if (schema.exclusiveMaximum === true) max -= integer ? 1 : 1e-6
  max = Math.min(max, Number.MAX_SAFE_INTEGER)
  min = Math.max(min, Number.MIN_SAFE_INTEGER)
  return integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true })
}

/** A value the schema accepts. */
export const validValue = (input: Schema, resolve: Resolve, depth = 0): fc.Arbitrary<unknown> => {
  const schema = resolve(input)
  if (depth > 6) return fc.constant(null)
  if (schema.nullable === true) return fc.oneof({ arbitrary: validValue({ ...schema, nullable: false }, resolve, depth), weight: 4 }, fc.constant(null))
  if ('const' in schema) return fc.constant(schema.const)
  const options = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined
  if (options) return fc.oneof(...options.map((option) => validValue(option, resolve, depth + 1)))
  if (Array.isArray(schema.allOf)) return validValue(Object.assign({}, ...(schema.allOf as Schema[]).map(resolve)) as Schema, resolve, depth + 1)
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum)
  switch (schema.type) {
    case 'string':
      return stringOf(schema)
    case 'integer':
      return numberOf(schema, true)
    case 'number':
      return numberOf(schema, false)
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'array': {
      const minLength = num(schema.minItems) ?? 0
      const maxLength = Math.min(num(schema.maxItems) ?? 3, Math.max(minLength, 3))
      const items = validValue((schema.items as Schema) ?? {}, resolve, depth + 1)
      return fc.array(items, { minLength, maxLength })
    }
    case 'object':
    case undefined: {
      const properties = (schema.properties ?? {}) as Record<string, Schema>
      if (schema.type === undefined && Object.keys(properties).length === 0) return fc.constantFrom('x', 1, true)
      const required = (schema.required ?? []) as string[]
      const model = Object.fromEntries(Object.entries(properties).map(([name, sub]) => [name, validValue(sub, resolve, depth + 1)]))
      return fc.record(model, { requiredKeys: required.filter((name) => name in model) })
    }
  }
  return fc.constant(null)
}

/** Values right at, and just past, the documented limits of one schema. */
export const boundaryValues = (input: Schema, resolve: Resolve): unknown[] => {
  const schema = resolve(input)
  const values: unknown[] = []
  if (schema.type === 'string' || typeof schema.maxLength === 'number' || typeof schema.minLength === 'number') {
    const min = num(schema.minLength) ?? 0
    const max = num(schema.maxLength)
    values.push('', ' '.repeat(Math.max(1, min)), 'x'.repeat(min), 'x'.repeat(Math.max(0, min - 1)), '字'.repeat(min))
    if (max !== undefined) values.push('x'.repeat(max), '字'.repeat(max), 'x'.repeat(max + 1), ` ${'x'.repeat(max)} `)
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    const min = num(schema.minimum)
    const max = num(schema.maximum)
    values.push(0, 1, -1, 50, 51)
    if (min !== undefined) values.push(min, min - 1)
    if (max !== undefined) values.push(max, max + 1)
    if (schema.type === 'integer') values.push(1.5)
  }
  if (schema.type === 'array') {
    const max = num(schema.maxItems)
    values.push([])
    if (max !== undefined) values.push(Array.from({ length: max + 1 }, () => 'x'))
  }
  if (Array.isArray(schema.enum)) values.push(`${String(schema.enum[0])}x`, String(schema.enum[0]).toUpperCase(), '')
  return values.length ? values : ['', 0, null]
}

const HUGE = 'x'.repeat(100 * 1024)
const HUGE_EMOJI = '😀'.repeat(25 * 1024)

/** Strings an attacker or a broken client sends. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  HUGE,
  HUGE_EMOJI,
  '😀👩‍👩‍👧‍👦🇨🇳',
  "' OR 1=1 --",
  "'; drop table service_requests; --",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\u202eevil',
  'Ｚｏｎｅ　全角',
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  '{"$gt":""}',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '0x10',
  '\n\r\t',
]

/** Non-string values of the wrong type, including deep and prototype-polluting shapes. */
export const HOSTILE_VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  Number.MIN_SAFE_INTEGER - 2, // below the safe range
  1e308,
  [],
  [1, 2, 3],
  {},
  { $gt: '' },
  JSON.parse('{"__proto__":{"polluted":true}}'),
  { constructor: { prototype: { polluted: true } } },
  Array.from({ length: 2000 }, (_, i) => i),
  JSON.parse(`${'['.repeat(500)}${']'.repeat(500)}`),
]

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 3 },
  { arbitrary: fc.constantFrom(...HOSTILE_VALUES), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 1 },
)

/** Hostile strings for places that only carry strings (query values, path segments, headers). */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 3 },
  { arbitrary: fc.constantFrom(...HOSTILE_VALUES.slice(0, 7).map(String)), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 1 },
)
