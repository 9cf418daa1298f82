import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { StaffSession } from '../../../types/auth'
import { buildApp } from '../app'
import { openDatabase } from '../db/client'
import { lockDataDir } from '../db/data-dir-lock'
import { SETUP_TIMEOUT, testConfig } from '../../test-support/app'
import { runScript } from '../../test-support/run'

const SCRIPT = 'cloud/src/cli/staff-add.ts'
const run = (dataDir: string, flags: string[]) => runScript(SCRIPT, { DATA_DIR: dataDir }, flags)

let dataDir: string
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parklink-staff-add-'))
})
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

describe('npm run staff:add', () => {
  it(
    'creates a working account in a new (migrated on the spot) PGlite folder',
    async () => {
      const result = await run(dataDir, [
        '--username',
        'Zouping-Zhao',
        '--password',
        'a-strong-password',
        '--zone',
        'zouping',
        '--role',
        'agent',
        '--name',
        '赵店小二',
      ])
      expect(result.stderr).toBe('')
      expect(result.code).toBe(0)
      expect(result.stdout).toContain('staff account created: zouping-zhao')
      expect(result.stdout).not.toContain('a-strong-password')
      ;(await lockDataDir(dataDir)).release() // the folder is free again

      // The API on that folder lets the new account sign in.
      const database = await openDatabase({ dataDir, databaseUrl: undefined })
      try {
        const app = await buildApp({ db: database, config: testConfig() })
        try {
          const response = await app.inject({
            method: 'POST',
            url: '/api/auth/staff',
            payload: { username: 'zouping-zhao', password: 'a-strong-password' },
          })
          expect(response.statusCode).toBe(200)
          expect(StaffSession.parse(response.json()).staff).toMatchObject({
            username: 'zouping-zhao',
            role: 'agent',
            zoneId: 'zouping',
            displayName: '赵店小二',
          })
        } finally {
          await app.close()
        }
      } finally {
        await database.close()
      }
    },
    SETUP_TIMEOUT,
  )

  it(
    "accepts the README's own example (issue 15.18)",
    async () => {
      const readme = fs.readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8')
      const example = /`npm run staff:add -- ([^`]+)`/.exec(readme)?.[1]
      expect(example).toBeDefined()
      const result = await run(dataDir, example!.trim().split(/\s+/))
      expect(result.stderr).toBe('')
      expect(result.code).toBe(0)
    },
    SETUP_TIMEOUT,
  )

  it(
    'validates the arguments with Chinese and English messages',
    async () => {
      const missing = await run(dataDir, ['--username', 'x', '--password', 'short', '--role', 'boss', '--zone', 'At lantis'])
      expect(missing.code).toBe(2)
      expect(missing.stderr).toContain('--username: 用户名为 3–32 位')
      expect(missing.stderr).toContain('--password: 密码至少 10 个字符 / the password needs at least 10 characters')
      expect(missing.stderr).toContain('--role: --role 应为 agent、supervisor 或 admin / --role must be agent, supervisor or admin')
      expect(missing.stderr).toContain('--zone: 开发区编号应为')
      expect(missing.stderr).toContain('用法 / usage')

      // Zones are records: a well-formed id the database does not have is refused too.
      const unknownZone = await run(dataDir, ['--username', 'atlantis-agent', '--password', 'a-strong-password', '--role', 'agent', '--zone', 'atlantis'])
      expect(unknownZone.code).toBe(2)
      expect(unknownZone.stderr).toContain('--zone: 没有开发区 atlantis / there is no zone atlantis')

      const noZone = await run(dataDir, ['--username', 'no-zone', '--password', 'a-strong-password', '--role', 'supervisor'])
      expect(noZone.code).toBe(2)
      expect(noZone.stderr).toContain('店小二和主管必须指定开发区 --zone / agents and supervisors need --zone')

      const unknownFlag = await run(dataDir, ['--user', 'x'])
      expect(unknownFlag.code).toBe(2)
      expect(unknownFlag.stderr).toContain('参数有误 / invalid arguments')
    },
    SETUP_TIMEOUT,
  )

  it(
    'refuses a taken username, and an admin needs no zone',
    async () => {
      const admin = await run(dataDir, ['--username', 'root-admin', '--password', 'a-strong-password', '--role', 'admin'])
      expect(admin.code).toBe(0)
      expect(admin.stdout).toContain('全部 / all zones')
      const again = await run(dataDir, ['--username', 'root-admin', '--password', 'another-password', '--role', 'admin'])
      expect(again.code).toBe(1)
      expect(again.stderr.trim()).toBe('用户名 root-admin 已存在 / the username root-admin is already taken')
    },
    SETUP_TIMEOUT,
  )

  it(
    'refuses clearly while the API holds the PGlite folder',
    async () => {
      const lock = await lockDataDir(dataDir)
      try {
        const result = await run(dataDir, ['--username', 'late-comer', '--password', 'a-strong-password', '--role', 'admin'])
        expect(result.code).toBe(1)
        expect(result.stderr).toContain(`正被进程 ${process.pid}（主机`)
        expect(result.stderr).not.toMatch(/\bat .+\.ts:\d+/)
      } finally {
        lock.release()
      }
    },
    SETUP_TIMEOUT,
  )
})
