// What the weapp run needs besides the build: the production API (build/api, as in the load test)
// on its own temporary PGlite folder, a stand-in for WeChat's servers (code2session), one 店小二
// account created with the built staff:add CLI before the API opens the folder, and the API origin
// the build has compiled in.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AUTH_SECRET, freePort, repoRoot, request, startApi } from '../load/api-process.mjs'
import { startWechatServer } from './wechat-server.mjs'

export const STAFF = {
  username: 'weapp-pingyuan-agent',
  password: 'weapp-Agent-password-2026',
  zone: 'pingyuan',
  role: 'agent',
  name: '平原店小二（weapp）',
}

/** The 主管 who invites investors and publishes surveys in the 督考 / 问需于企 journey (through the API). */
export const SUPERVISOR = {
  username: 'weapp-pingyuan-supervisor',
  password: 'weapp-Supervisor-password-2026',
  zone: 'pingyuan',
  role: 'supervisor',
  name: '平原主管（weapp）',
}

const STAFF_ADD = join(repoRoot, 'build/api/cloud/src/cli/staff-add.js')

/** The API origin compiled into the build: the same variable and default as config/index.ts. */
export const builtApiOrigin = (dist) => {
  const base = (process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000').replace(/\/+$/, '')
  const walk = (dir) =>
    readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]))
  const compiledIn = walk(dist).some((file) => file.endsWith('.js') && readFileSync(file, 'utf8').includes(JSON.stringify(base)))
  if (!compiledIn) {
    throw new Error(`${dist} was not built with TARO_APP_API_BASE=${base}: run the weapp run with the TARO_APP_API_BASE the build used`)
  }
  return new URL(base).origin
}

export const startEnvironment = async ({ port } = {}) => {
  if (!existsSync(STAFF_ADD)) throw new Error(`${STAFF_ADD} is missing: run npm run build:api first`)
  const dataDir = mkdtempSync(join(tmpdir(), 'parklink-weapp-'))
  const wechat = await startWechatServer()
  const env = {
    DATABASE_URL: '',
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    AUTH_SECRET,
    LOG_LEVEL: 'warn',
    WECHAT_APPID: 'wx-weapp-run',
    WECHAT_SECRET: 'weapp-run-secret',
    WECHAT_API_BASE: wechat.url,
  }
  const addStaff = (account) => {
    const args = ['--username', account.username, '--password', account.password, '--zone', account.zone, '--role', account.role, '--name', account.name]
    const added = spawnSync(process.execPath, [STAFF_ADD, ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 120_000,
    })
    if (added.status !== 0) throw new Error(`staff:add failed (${added.status}): ${added.stderr || added.stdout}`)
    return added.stdout
  }
  const shareCode = addStaff(STAFF).match(/分享码 \/ share\s+(\S+)/)?.[1]
  if (!shareCode) throw new Error('staff:add printed no share code')
  addStaff(SUPERVISOR)
  const api = await startApi('API (weapp run)', env, { port: port ?? (await freePort()) })
  return {
    api,
    wechat,
    dataDir,
    staff: { ...STAFF, shareCode },
    /** A signed-in staff token for checks made through the API (not through the app); the 店小二's unless told. */
    async staffToken(account = STAFF) {
      const response = await request(`${api.url}/api/auth/staff`, {
        method: 'POST',
        body: { username: account.username, password: account.password },
      })
      if (response.status !== 200) throw new Error(`staff sign-in answered ${response.status}: ${response.body}`)
      return response.json.token
    },
    async stop() {
      await api.stop()
      await wechat.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
