// Helpers shared by the load test (test/load/run.mjs) and the benchmarks (scripts/bench/run.mjs):
// start/stop the production API build on 127.0.0.1, a small JSON HTTP client, a local webhook
// receiver, and throwaway PostgreSQL databases. Every child process is killed when this process exits.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..')
export const SERVER_JS = join(repoRoot, 'build/api/cloud/src/server.js')

const children = new Set()
const killAll = () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
}
process.on('exit', killAll)
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    killAll()
    process.exit(130)
  })
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

export const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })

/** Runs a command to completion (inheriting output unless quiet); resolves with its exit code and captured output. */
export const run = (command, args, { env = {}, quiet = false, cwd = repoRoot, timeoutMs = 15 * 60_000 } = {}) =>
  new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    children.add(child)
    let output = ''
    const take = (stream, sink) =>
      child[stream].on('data', (chunk) => {
        output = (output + chunk.toString('utf8')).slice(-200_000)
        if (!quiet) sink.write(chunk)
      })
    take('stdout', process.stdout)
    take('stderr', process.stderr)
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      children.delete(child)
      resolve({ code: code ?? (signal ? 1 : 0), output })
    })
  })

/** A random AUTH_SECRET shared by every API process of one run (tokens must verify on all of them). */
export const AUTH_SECRET = randomBytes(32).toString('hex')

/**
 * Starts a node script as a child on 127.0.0.1 and waits until `readyPath` answers 200 (bounded).
 * Returns { name, url, pid, log(), exited, stop(), kill9() }; the child is killed if this process exits.
 */
export const startProcess = async (name, script, { env = {}, port, readyPath = '/', keepLogBytes = 500_000, readyMs = 90_000 } = {}) => {
  const child = spawn(process.execPath, [script], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  children.add(child)
  let log = ''
  const keep = (chunk) => (log = (log + chunk.toString('utf8')).slice(-keepLogBytes))
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
  exited.then(() => children.delete(child))

  const handle = {
    name,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    log: () => log,
    exited,
    /** SIGTERM, then SIGKILL if it has not stopped after 15 s. */
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      await exited
      clearTimeout(timer)
    },
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await exited
    },
  }
  const deadline = Date.now() + readyMs
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} before it was ready:\n${log.slice(-3000)}`)
    try {
      if ((await request(`${handle.url}${readyPath}`, { timeoutMs: 2000 })).status === 200) return handle
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await handle.kill9()
      throw new Error(`${name} was not ready within ${readyMs / 1000} s:\n${log.slice(-3000)}`)
    }
    await sleep(200)
  }
}

/**
 * The production API build (`node build/api/cloud/src/server.js`, NODE_ENV=production) on a free port
 * of 127.0.0.1, ready when /api/health answers. `env` adds DATA_DIR or DATABASE_URL and whatever else.
 */
export const startApi = async (name, env = {}, { keepLogBytes, port } = {}) => {
  if (!existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: run npm run build:api`)
  const listen = port ?? (await freePort())
  return startProcess(name, SERVER_JS, {
    port: listen,
    readyPath: '/api/health',
    keepLogBytes,
    env: { DATABASE_URL: '', NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(listen), AUTH_SECRET, LOG_LEVEL: 'warn', CONTENT_POLL_MS: '0', ...env },
  })
}

/** A network failure (no HTTP answer): the request may or may not have been processed. */
export class NetworkError extends Error {}

/** JSON over HTTP with a timeout; resolves with { status, headers, body, json } or throws NetworkError. */
export const request = async (url, { method = 'GET', headers = {}, body, timeoutMs = 20_000 } = {}) => {
  let response
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    })
  } catch (error) {
    throw new NetworkError(`${method} ${url}: ${error.cause?.code ?? error.cause?.message ?? error.message}`)
  }
  let text
  try {
    text = await response.text()
  } catch (error) {
    throw new NetworkError(`${method} ${url}: body cut off (${error.cause?.code ?? error.message})`)
  }
  let json
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = undefined
  }
  return { status: response.status, headers: response.headers, body: text, json }
}

/** A stand-in for WeCom group robots on 127.0.0.1: records every POST and answers { errcode: 0 }. */
export const startReceiver = async () => {
  const received = []
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      received.push({ path: req.url, body })
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}')
    })
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  return {
    received,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A fresh database on the DATABASE_URL server, dropped by drop(). */
export const createPgDatabase = async (serverUrl, prefix = 'load') => {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`
  await pgQuery(serverUrl, `create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => pgQuery(serverUrl, `drop database if exists ${name} with (force)`) }
}

export const pgQuery = async (url, text, params = []) => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(text, params)).rows
  } finally {
    await client.end()
  }
}
