import fs from 'node:fs'
import path from 'node:path'
import { buildApp, type App } from '../../app'
import { createTestApp, SETUP_TIMEOUT, testConfig, type TestApp } from '../../../test-support/app'

// The H5 app calls the API from another origin, so every method and header it sends must pass the
// browser's CORS preflight. The methods and headers are read from the app's source, not listed here:
// a new PUT or header in a feature's api.ts is checked without anyone remembering this test.

const SRC = path.resolve(__dirname, '../../../../src')
const H5_ORIGIN = 'https://h5.example.com'

const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : []
  })

function methodsTheAppSends(): Set<string> {
  const found = new Set<string>(['GET']) // apiRequest's default
  const client = fs.readFileSync(path.join(SRC, 'api/client.ts'), 'utf8')
  const union = /type Method = ([^\n]+)/.exec(client)?.[1] ?? ''
  for (const [, method] of union.matchAll(/'([A-Z]+)'/g)) found.add(method)
  for (const file of sourceFiles(SRC)) {
    for (const [, method] of fs.readFileSync(file, 'utf8').matchAll(/\bmethod:\s*'([A-Z]+)'/g)) found.add(method)
  }
  return found
}

function headersTheAppSends(): Set<string> {
  const found = new Set<string>()
  for (const file of sourceFiles(SRC)) {
    const text = fs.readFileSync(file, 'utf8')
    // header.Authorization = …, header['Content-Type'] = …
    for (const [, name] of text.matchAll(/\bheaders?\.([A-Z][A-Za-z]*)\s*=/g)) found.add(name)
    for (const [, name] of text.matchAll(/\bheaders?\['([A-Za-z][A-Za-z-]*)'\]\s*=/g)) found.add(name)
    // headers: { 'Idempotency-Key': … }, const header: Record<string, string> = { Accept: … }
    for (const [, body] of text.matchAll(/\bheaders?(?::[^=\n{]*=|:)\s*\{([^{}]*)\}/g)) {
      for (const [, name] of body.matchAll(/(?:^|,)\s*'?([A-Z][A-Za-z-]*)'?\s*:/g)) found.add(name)
    }
  }
  return found
}

let t: TestApp
let app: App
beforeAll(async () => {
  t = await createTestApp()
  // A production-like process that allows one H5 origin, on the same database.
  app = await buildApp({ db: t.database, config: testConfig({ CORS_ORIGINS: H5_ORIGIN }) })
  await app.ready()
}, SETUP_TIMEOUT)
afterAll(async () => {
  await app?.close()
  await t?.close()
}, SETUP_TIMEOUT)

describe('CORS preflight for what the H5 app sends', () => {
  it('finds the methods and headers in src/ (the scan itself works)', () => {
    expect([...methodsTheAppSends()]).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT', 'DELETE']))
    expect([...headersTheAppSends()]).toEqual(expect.arrayContaining(['Accept', 'Authorization', 'Content-Type', 'Idempotency-Key']))
  })

  it('allows every method the app uses, with every header it sends, from the H5 origin', async () => {
    const headers = [...headersTheAppSends()].map((name) => name.toLowerCase())
    const refused: string[] = []
    for (const method of methodsTheAppSends()) {
      const response = await app.inject({
        method: 'OPTIONS',
        url: '/api/favourites/pingyuan-jingde',
        headers: { origin: H5_ORIGIN, 'access-control-request-method': method, 'access-control-request-headers': headers.join(',') },
      })
      const allowedMethods = String(response.headers['access-control-allow-methods'] ?? '')
        .split(',')
        .map((value) => value.trim())
      const allowedHeaders = String(response.headers['access-control-allow-headers'] ?? '')
        .split(',')
        .map((value) => value.trim().toLowerCase())
      if (response.statusCode !== 204 || response.headers['access-control-allow-origin'] !== H5_ORIGIN) refused.push(`${method}: ${response.statusCode}`)
      if (!allowedMethods.includes(method)) refused.push(`${method} not in ${allowedMethods.join(',')}`)
      for (const header of headers) if (!allowedHeaders.includes(header)) refused.push(`${method}: header ${header} not allowed`)
    }
    expect(refused).toEqual([])
  })

  it('still refuses another origin', async () => {
    const response = await app.inject({
      method: 'OPTIONS',
      url: '/api/favourites/pingyuan-jingde',
      headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'PUT' },
    })
    expect(response.headers['access-control-allow-origin']).toBeUndefined()
  })
})
