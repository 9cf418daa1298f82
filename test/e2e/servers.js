// Starts and stops the production API build and the static H5 server for the browser journeys,
// plus a tiny control endpoint so a journey can really stop and restart the API (offline test).
const { spawn, spawnSync } = require('node:child_process')
const { createServer } = require('node:http')
const { mkdtempSync, rmSync, existsSync } = require('node:fs')
const { tmpdir } = require('node:os')
const { join, resolve } = require('node:path')

const root = join(__dirname, '..', '..')
const apiPort = Number(process.env.E2E_API_PORT || 3000)
const h5Port = Number(process.env.E2E_H5_PORT || 10086)
// E2E_API_BUILD: another tsc output folder inside the repo (e.g. build/e2e-api) when build/api is shared.
const apiBuild = resolve(root, process.env.E2E_API_BUILD || 'build/api')
const apiEntry = join(apiBuild, 'cloud/src/server.js')
const staffAddEntry = join(apiBuild, 'cloud/src/cli/staff-add.js')
const h5Origin = `http://127.0.0.1:${h5Port}`

/** The 店小二 account the service journey signs in with (created before the API starts: PGlite folder lock). */
const STAFF = {
  username: 'e2e-pingyuan-agent',
  password: 'e2e-Agent-password-2026',
  zone: 'pingyuan',
  role: 'agent',
  name: '平原店小二（e2e）',
}
/** The 平原 主管: publishes console content (issue 12), surveys, updates project stages and invites (issue 13). */
const SUPERVISOR = {
  username: 'e2e-pingyuan-supervisor',
  password: 'e2e-Supervisor-password-2026',
  zone: 'pingyuan',
  role: 'supervisor',
  name: '平原主管（e2e）',
}

async function waitFor(url, label, child) {
  for (let i = 0; i < 240; i += 1) {
    if (child && child.exitCode !== null) throw new Error(`${label} exited with ${child.exitCode}`)
    try {
      const res = await fetch(url)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`${label} did not start: ${url}`)
}

function apiEnv(dataDir, extraEnv = {}) {
  return {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(apiPort),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.E2E_LOG_LEVEL || 'warn',
    // Production allows no cross-origin caller unless told: the H5 server is another origin (port).
    CORS_ORIGINS: process.env.CORS_ORIGINS || `${h5Origin},http://localhost:${h5Port}`,
    // Production refuses to start without it; a throwaway value for the throwaway server.
    AUTH_SECRET: process.env.AUTH_SECRET || 'e2e-only-secret-for-the-browser-journeys',
    ...extraEnv,
  }
}

function startApi(dataDir, extraEnv = {}) {
  if (!existsSync(apiEntry)) throw new Error(`${apiEntry} is missing: run npm run build:api first`)
  const child = spawn(process.execPath, [apiEntry], {
    cwd: root,
    env: apiEnv(dataDir, extraEnv),
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  return child
}

/** The built staff:add CLI against the data folder; an account left from an earlier run (E2E_DATA_DIR) is fine. */
function addStaff(dataDir, account = STAFF) {
  if (!existsSync(staffAddEntry)) throw new Error(`${staffAddEntry} is missing: run npm run build:api first`)
  const args = [
    '--username',
    account.username,
    '--password',
    account.password,
    '--zone',
    account.zone,
    '--role',
    account.role,
    '--name',
    account.name,
  ]
  const run = spawnSync(process.execPath, [staffAddEntry, ...args], { cwd: root, env: apiEnv(dataDir), encoding: 'utf8', timeout: 120_000 })
  if (run.status === 0) return
  if (/already taken|已存在/.test(run.stderr)) return
  throw new Error(`staff:add failed (${run.status}): ${run.stderr || run.stdout}`)
}

/** POST /api/stop and /api/start on 127.0.0.1:<random port>: really stop and restart the API process. */
function startControl(state) {
  let busy = Promise.resolve()
  const server = createServer((req, res) => {
    const action = req.method === 'POST' && { '/api/stop': 'stop', '/api/start': 'start' }[req.url]
    if (!action) return void res.writeHead(404).end()
    busy = busy.then(async () => {
      try {
        if (action === 'stop') {
          await stopChild(state.api)
        } else if (state.api.exitCode !== null || state.api.signalCode !== null) {
          state.api = startApi(state.dataDir)
          await waitFor(`http://127.0.0.1:${apiPort}/api/health`, 'API', state.api)
        }
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ ok: true, action }))
      } catch (error) {
        res.writeHead(500).end(String(error))
      }
    })
  })
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)))
}

async function startAll() {
  const dataDir = process.env.E2E_DATA_DIR || mkdtempSync(join(tmpdir(), 'parklink-e2e-'))
  for (const account of [STAFF, SUPERVISOR]) addStaff(dataDir, account)
  const state = { dataDir, api: startApi(dataDir), h5: null, control: null }
  state.h5 = spawn(process.execPath, [join(root, 'scripts/serve-h5.mjs')], {
    cwd: root,
    env: { ...process.env, H5_PORT: String(h5Port), H5_DIR: process.env.E2E_H5_DIR || join(root, 'dist-h5') },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  try {
    await waitFor(`http://127.0.0.1:${apiPort}/api/health`, 'API', state.api)
    await waitFor(`http://127.0.0.1:${h5Port}/`, 'H5 server', state.h5)
    state.control = await startControl(state)
  } catch (error) {
    // Never leave a server behind when setup fails.
    await stopAll(state)
    throw error
  }
  return state
}

async function stopAll(state) {
  if (state.control) await new Promise((r) => state.control.close(() => r()))
  await Promise.all([stopChild(state.h5), stopChild(state.api)])
  cleanup(state.dataDir)
}

function stopChild(child) {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve()
    const force = setTimeout(() => child.kill('SIGKILL'), 5000)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

function cleanup(dataDir) {
  if (!process.env.E2E_DATA_DIR && dataDir) rmSync(dataDir, { recursive: true, force: true })
}

module.exports = { startAll, stopAll, startApi, stopChild, cleanup, waitFor, apiPort, h5Port, root, STAFF, SUPERVISOR }
