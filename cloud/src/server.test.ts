import { spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startBlackHole } from '../test-support/faults'
import { runScript, startScript } from '../test-support/run'
import { repoRoot } from './paths'

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
    expect(second.stderr).toContain(`正被进程 ${server.pid}（主机 ${os.hostname()}）使用`)
    expect(second.stderr).not.toMatch(/^\s+at /m)

    const exited = new Promise<number | null>((resolve) => server!.once('exit', resolve))
    server.kill('SIGTERM')
    expect(await exited).toBe(0)
    server = undefined
    // The lock died with the process: the next start takes it at once.
    const again = await runScript('cloud/src/cli/staff-add.ts', { DATA_DIR: dataDir }, [
      '--username',
      'after-stop',
      '--password',
      'a-long-password',
      '--role',
      'admin',
    ])
    expect(again.code).toBe(0)
  }, 90_000)

  it('gives up within 15 s, saying why, when PostgreSQL accepts connections and never answers', async () => {
    const blackHole = await startBlackHole()
    try {
      const started = Date.now()
      const result = await runScript('cloud/src/server.ts', { DATABASE_URL: blackHole.url(), PORT: '0' })
      expect(result.code).toBe(1)
      expect(Date.now() - started).toBeLessThan(15_000)
      expect(result.stderr).toContain(`无法连接 PostgreSQL 127.0.0.1:${blackHole.port}`)
      expect(result.stderr).not.toContain('secret-password')
      expect(result.stderr).not.toMatch(/^\s+at /m)
    } finally {
      await blackHole.close()
    }
  }, 60_000)

  it('says clearly, without a stack trace, that a read-only data folder cannot be used', async () => {
    // A read-only bind mount in a mount namespace of its own, as a volume mounted :ro would be.
    const readOnly = fs.mkdtempSync(path.join(os.tmpdir(), 'parklink-ro-'))
    try {
      const userns = process.getuid?.() === 0 ? [] : ['--user', '--map-root-user']
      const script = `mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"`
      const result = spawnSync(
        'unshare',
        [
          ...userns,
          '--mount',
          'sh',
          '-c',
          script,
          readOnly,
          process.execPath,
          '--import',
          'tsx',
          path.join(repoRoot, 'cloud/src/server.ts'),
        ],
        { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', DATA_DIR: readOnly, PORT: '0' }, timeout: 60_000 },
      )
      expect(result.status).toBe(1)
      expect(result.stderr).toContain(`数据目录 ${readOnly} 无法写入（EROFS）`)
      expect(result.stderr).not.toMatch(/^\s+at /m)
    } finally {
      fs.rmSync(readOnly, { recursive: true, force: true })
    }
  }, 90_000)
})
