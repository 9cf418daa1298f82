// Starts and stops the production API build and the static H5 server for the browser journeys.
const { spawn } = require('node:child_process')
const { mkdtempSync, rmSync, existsSync } = require('node:fs')
const { tmpdir } = require('node:os')
const { join } = require('node:path')

const root = join(__dirname, '..', '..')
const apiPort = Number(process.env.E2E_API_PORT || 3000)
const h5Port = Number(process.env.E2E_H5_PORT || 10086)
const apiEntry = join(root, 'build/api/cloud/src/server.js')

async function waitFor(url, label, child) {
  for (let i = 0; i < 240; i += 1) {
    if (child.exitCode !== null) throw new Error(`${label} exited with ${child.exitCode}`)
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

function startApi(dataDir, extraEnv = {}) {
  if (!existsSync(apiEntry)) throw new Error('build/api is missing: run npm run build:api first')
  const child = spawn(process.execPath, [apiEntry], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: process.env.E2E_LOG_LEVEL || 'warn',
      // Production refuses to start without it; a throwaway value for the throwaway server.
      AUTH_SECRET: process.env.AUTH_SECRET || 'e2e-only-secret-for-the-browser-journeys',
      ...extraEnv,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  return child
}

async function startAll() {
  const dataDir = process.env.E2E_DATA_DIR || mkdtempSync(join(tmpdir(), 'parklink-e2e-'))
  const api = startApi(dataDir)
  const h5 = spawn(process.execPath, [join(root, 'scripts/serve-h5.mjs')], {
    cwd: root,
    env: { ...process.env, H5_PORT: String(h5Port), H5_DIR: process.env.E2E_H5_DIR || join(root, 'dist-h5') },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  try {
    await waitFor(`http://127.0.0.1:${apiPort}/api/health`, 'API', api)
    await waitFor(`http://127.0.0.1:${h5Port}/`, 'H5 server', h5)
  } catch (error) {
    // Never leave a server behind when setup fails.
    await Promise.all([stopChild(h5), stopChild(api)])
    cleanup(dataDir)
    throw error
  }
  return { api, h5, dataDir }
}

function stopChild(child) {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
    setTimeout(() => child.kill('SIGKILL'), 5000).unref()
  })
}

function cleanup(dataDir) {
  if (!process.env.E2E_DATA_DIR && dataDir) rmSync(dataDir, { recursive: true, force: true })
}

module.exports = { startAll, startApi, stopChild, cleanup, waitFor, apiPort, h5Port, root }
