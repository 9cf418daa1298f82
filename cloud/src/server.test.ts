import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { runScript, startScript } from '../test-support/run'

/** The server entry point as a real process: first start imports, serves, and stops cleanly on SIGTERM. */
let dataDir: string
let server: ChildProcess | undefined
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parklink-server-'))
})
afterAll(() => {
  server?.kill('SIGKILL')
  fs.rmSync(dataDir, { recursive: true, force: true })
})

/** Everything the server printed so far (its log, at LOG_LEVEL info). */
let output = ''
const waitForUrl = (child: ChildProcess) =>
  new Promise<string>((resolve, reject) => {
    output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const match = /listening on (http:\/\/\S+)/.exec(output)
      if (match) resolve(match[1])
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)))
  })

describe('server.ts', () => {
  it('imports into a fresh PGlite folder, serves, refuses a second server on that folder, and shuts down on SIGTERM', async () => {
    server = startScript('cloud/src/server.ts', { DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info' })
    const url = await waitForUrl(server)

    const health = (await (await fetch(`${url}/api/health`)).json()) as { status: string; contentVersion: string }
    expect(health.status).toBe('ok')
    expect(health.contentVersion).toMatch(/^[0-9a-f]{16}$/)
    const parks = (await (await fetch(`${url}/api/parks?q=${encodeURIComponent('京德')}`)).json()) as { items: { id: string }[] }
    expect(parks.items.map((park) => park.id)).toEqual(['pingyuan-jingde'])

    // Health polls (npm start, load balancers) log nothing when healthy; other requests still do (issue 15.19).
    for (let poll = 0; poll < 3; poll++) expect((await fetch(`${url}/api/health`)).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 200))
    const requestLines = output.split('\n').filter((line) => line.includes('"url":'))
    expect(requestLines.some((line) => line.includes('/api/parks'))).toBe(true)
    expect(requestLines.filter((line) => line.includes('/api/health'))).toEqual([])

    const second = await runScript('cloud/src/server.ts', { DATA_DIR: dataDir, PORT: '0' })
    expect(second.code).toBe(1)
    expect(second.stderr).toContain(`正被进程 ${server.pid} 使用`)

    const exited = new Promise<number | null>((resolve) => server!.once('exit', resolve))
    server.kill('SIGTERM')
    expect(await exited).toBe(0)
    server = undefined
    expect(fs.existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false)
  }, 90_000)
})
