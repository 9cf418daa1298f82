// npm run bench:scale [-- --zones=20 --requests=5000] — the API at province scale, production build, PostgreSQL 15.
// In a throwaway PostgreSQL (Unix socket only, no TCP port) it first runs the API on the five seed zones, then
// generates 200 zones × 15 parks, 1,000 policies and 5,000 projects from the seed records (their articles as
// sources) and 1,000 service requests per zone with their audit events, and runs the API on those. Each phase
// starts the built API (npm run build:api first) on BENCH_API_PORT (default 3700) and measures with autocannon
// (10 connections, REQUESTS requests per row). It prints one markdown table: p50/p99 per route in both phases,
// the staff queues, dashboard and service-stats at size, home size, start-up, RSS, what 200 zones add over
// five, and the largest stalls while content is re-imported. Targets are printed beside the figures, not
// enforced: latency on a shared machine is no pass/fail. Exits 1 when a request fails or home is too big.
import autocannon from 'autocannon'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { gzipSync } from 'node:zlib'
import pg from 'pg'
import type { ContentBundle } from '../../types/content'
import { openPostgres } from '../../cloud/src/db/client'
import { importContent } from '../../cloud/src/modules/content/import'
import { contentVersion, loadContent } from '../../cloud/src/modules/content/load'
import { CONTENT_FILES } from '../../cloud/src/modules/content/rules'
import { ContentStore } from '../../cloud/src/modules/content/store'
import { REAL_CONTENT_DIR } from '../../cloud/test-support/app'
import { generateContent, ISSUE_11_SCALE, type ScaleSize } from '../../cloud/test-support/scale-content'
import { hashPassword } from '../../cloud/src/modules/auth/passwords'
import { ensureTracking } from '../../cloud/src/modules/projects/tracking'
import { createStaffAccount } from '../../cloud/src/modules/staff/accounts'
import { execForPg, generateRequests } from '../../test/scale/requests'

const ROOT = path.resolve(__dirname, '../..')
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin'
const PORT = Number(process.env.BENCH_API_PORT ?? 3700)
const BASE = `http://127.0.0.1:${PORT}`
const REQUESTS = 1_000
const STAFF_PASSWORD = 'bench-scale-password-0123'
const CONNECTIONS = 10
const zonesArg = process.argv.find((arg) => arg.startsWith('--zones='))
const zoneCount = zonesArg ? Number(zonesArg.slice('--zones='.length)) : ISSUE_11_SCALE.zones
const size: ScaleSize =
  zoneCount === ISSUE_11_SCALE.zones
    ? ISSUE_11_SCALE
    : { zones: zoneCount, parksPerZone: 15, policies: zoneCount * 5, projects: zoneCount * 25 }

const failures: string[] = []
const check = (ok: boolean, message: string) => {
  if (!ok) failures.push(message)
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const ms = (value: number) => `${value.toFixed(1)} ms`
/** A difference with its sign: +0.5 s, −0.1 s (200 zones can start faster than five by noise). */
const signed = (value: number, format: (magnitude: number) => string) => `${value < 0 ? '−' : '+'}${format(Math.abs(value))}`

const writeBundle = (dir: string, bundle: ContentBundle) => {
  for (const [key, file] of Object.entries(CONTENT_FILES))
    fs.writeFileSync(path.join(dir, file), JSON.stringify(bundle[key as keyof ContentBundle]))
}

/** initdb + pg_ctl on a Unix socket in a temp folder (as the postgres user when run as root). */
const startPostgres = (dir: string) => {
  const asRoot = process.getuid?.() === 0
  const asPg = (command: string, args: string[]) => {
    const result = asRoot ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args]) : spawnSync(command, args)
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr.toString()}`)
  }
  if (asRoot) {
    if (spawnSync('id', ['postgres']).status !== 0)
      spawnSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'])
    fs.chownSync(dir, Number(spawnSync('id', ['-u', 'postgres']).stdout.toString()), 0)
  }
  asPg(path.join(PG_BIN, 'initdb'), ['-D', `${dir}/data`, '-A', 'trust', '-U', 'postgres'])
  asPg(path.join(PG_BIN, 'pg_ctl'), [
    '-D',
    `${dir}/data`,
    '-l',
    `${dir}/server.log`,
    '-w',
    '-o',
    `-k ${dir} -c listen_addresses='' -c fsync=off -c full_page_writes=off`,
    'start',
  ])
  return {
    url: `postgres://postgres@/postgres?host=${encodeURIComponent(dir)}`,
    stop: () => asPg(path.join(PG_BIN, 'pg_ctl'), ['-D', `${dir}/data`, '-m', 'immediate', 'stop']),
  }
}

const timed = async (url: string, init: RequestInit = {}) => {
  const started = performance.now()
  const response = await fetch(url, init)
  const body = Buffer.from(await response.arrayBuffer())
  return { status: response.status, body, headers: response.headers, ms: performance.now() - started }
}

type Call = { path: string; method?: 'GET' | 'POST'; body?: string; headers?: Record<string, string> }
type Figures = { p50: number; p99: number }

const WARMUP_REQUESTS = 100

/**
 * REQUESTS requests from `connections` keep-alive connections (autocannon), the n-th one built by
 * `call(n)`, after WARMUP_REQUESTS that are not counted (the JIT compiles a route on its first calls;
 * the warm-up takes the first calls of the rotation, so cache misses stay misses).
 */
const measure = async (
  label: string,
  call: (n: number) => Call,
  headers: Record<string, string> = {},
  { connections = CONNECTIONS, requests = REQUESTS } = {},
): Promise<Figures> => {
  let n = 0
  const first = call(0)
  const run = (amount: number) =>
    autocannon({
      url: BASE,
      connections,
      amount,
      headers: { 'accept-encoding': 'gzip', ...headers },
      requests: [
        {
          method: first.method ?? 'GET',
          path: first.path,
          setupRequest: (request: Record<string, unknown>) => {
            const next = call(n++)
            return {
              ...request,
              method: next.method ?? 'GET',
              path: next.path,
              ...(next.body ? { body: next.body, headers: { ...(request.headers as object), 'content-type': 'application/json' } } : {}),
            }
          },
        },
      ],
    })
  await run(Math.min(WARMUP_REQUESTS, requests))
  const result = await run(requests)
  check(
    result.non2xx === 0 && result.errors === 0 && result.timeouts === 0,
    `${label}: ${result.non2xx} answers not 2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
  )
  return { p50: result.latency.p50, p99: result.latency.p99 }
}

const rssMb = (pid: number) => {
  const line = fs
    .readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((row) => row.startsWith('VmRSS:'))
  return line ? Math.round(Number(line.replace(/\D+/g, '')) / 1024) : NaN
}

/** Starts the built API on `databaseUrl` and waits for /api/health; resolves with the process and the time it took. */
const startApi = async (apiEntry: string, env: Record<string, string>) => {
  const started = performance.now()
  const api = spawn(process.execPath, [apiEntry], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(PORT),
      HOST: '127.0.0.1',
      AUTH_SECRET: 'bench-scale-secret-bench-scale-secret-0123',
      LOG_LEVEL: 'warn',
      ...env,
    },
  })
  for (;;) {
    if (performance.now() - started > 120_000) throw new Error('the API did not start within 120 s')
    const ready = await fetch(`${BASE}/api/health`).then(
      (response) => response.ok,
      () => false,
    )
    if (ready) return { api, startupMs: performance.now() - started }
    await sleep(20)
  }
}

const stopApi = async (api: ChildProcess) => {
  if (api.exitCode !== null) return
  const exited = new Promise((resolve) => api.once('exit', resolve))
  api.kill('SIGTERM')
  await exited
}

/** The content routes a visitor reads, over the bundle's own zones, parks and words. */
const contentRows = (bundle: ContentBundle): [string, (n: number) => Call][] => {
  const zoneIds = bundle.zones.map((zone) => zone.id)
  const parkIds = bundle.parks.map((park) => park.id)
  const searchTerms = [...['医药', '新材料', '装备', '化工', '物流', '园区', '产业', '食品'], ...bundle.parks.map((park) => park.name)]
  return [
    ['home', () => ({ path: '/api/home' })],
    // Every query new to the API's cache: words, then park names.
    ['parks search (cache misses)', (n) => ({ path: `/api/parks?q=${encodeURIComponent(searchTerms[n % searchTerms.length])}&limit=20` })],
    ['park detail (rotating id)', (n) => ({ path: `/api/parks/${parkIds[(n * 7919) % parkIds.length]}` })],
    ['policies (rotating zone)', (n) => ({ path: `/api/policies?zoneId=${zoneIds[n % zoneIds.length]}&limit=20` })],
    [
      'policy match (rotating zones)',
      (n) => ({
        path: '/api/policies/match?limit=20',
        method: 'POST',
        body: JSON.stringify({
          zoneIds: [zoneIds[n % zoneIds.length], zoneIds[(n + 1) % zoneIds.length]],
          industry: 'health',
          investmentWan: 10_000,
          jobs: 100,
        }),
      }),
    ],
    ['zones', () => ({ path: '/api/zones' })],
    ['spaces (rotating zone)', (n) => ({ path: `/api/spaces?zoneId=${zoneIds[n % zoneIds.length]}&limit=20` })],
  ]
}

const TARGETS: Record<string, number> = {
  'policy match (rotating zones)': 50,
  'dashboard, all zones, a year (admin), one connection': 200,
  'dashboard, all zones, a year (admin)': 200,
}
const targetOf = (label: string) => TARGETS[label] ?? (label.startsWith('staff queue') ? 50 : 20)

const main = async () => {
  const apiEntry = path.join(ROOT, 'build/api/cloud/src/server.js')
  if (!fs.existsSync(apiEntry)) throw new Error('build/api is missing: run npm run build:api first')
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'parklink-scale-'))
  const contentDir = path.join(work, 'content')
  fs.mkdirSync(contentDir)
  const pgDir = fs.mkdtempSync('/tmp/pg-scale-')
  let api: ChildProcess | undefined
  let postgres: ReturnType<typeof startPostgres> | undefined
  try {
    postgres = startPostgres(pgDir)
    const admin = new pg.Client({ connectionString: postgres.url })
    await admin.connect()
    await admin.query('create database seed_zones')
    await admin.end()

    // Phase 1: the five seed zones, in a database of their own, for what 200 zones add.
    const seed = (await loadContent(REAL_CONTENT_DIR)).bundle
    const seedUrl = postgres.url.replace('/postgres?', '/seed_zones?')
    const seedDatabase = await openPostgres(seedUrl)
    await importContent(seedDatabase.db, { bundle: seed, version: contentVersion(seed) })
    await seedDatabase.close()
    const seedRun = await startApi(apiEntry, {
      DATABASE_URL: seedUrl,
      CONTENT_DIR: REAL_CONTENT_DIR,
      DATA_DIR: path.join(work, 'data-seed'),
    })
    api = seedRun.api
    const seedFigures = new Map<string, Figures>()
    for (const [label, call] of contentRows(seed)) seedFigures.set(label, await measure(`${label} (5 zones)`, call))
    const seedRss = rssMb(api.pid!)
    await stopApi(api)

    // Phase 2: the province.
    const bundle = generateContent(seed, size)
    writeBundle(contentDir, bundle)
    const database = await openPostgres(postgres.url)
    const importStarted = performance.now()
    await importContent(database.db, { bundle, version: contentVersion(bundle) })
    const importMs = performance.now() - importStarted
    // Service requests in proportion: 1,000 per zone (200,000 at 200 zones), a year of them, with their
    // audit events and the zone staff the generator makes (who sign in with STAFF_PASSWORD here).
    const requestsArg = process.argv.find((arg) => arg.startsWith('--requests='))
    const requestCount = requestsArg ? Number(requestsArg.slice('--requests='.length)) : size.zones * 1_000
    const requestsStarted = performance.now()
    // Generating takes longer than the API's query timeout allows: its own connection, without one.
    const generator = new pg.Client({ connectionString: postgres.url })
    await generator.connect()
    const generated = await generateRequests(execForPg(generator), {
      requests: requestCount,
      zones: bundle.zones.map((zone) => ({
        id: zone.id,
        ticketPrefix: zone.ticketPrefix,
        parkIds: bundle.parks.filter((park) => park.zoneId === zone.id).map((park) => park.id),
      })),
      now: new Date(),
      days: 365,
      passwordHash: await hashPassword(STAFF_PASSWORD),
    })
    // A table at rest, as autovacuum leaves it (visibility map set, so counts read the index alone), and
    // the generated gigabyte written out now rather than by the checkpointer while the API is measured.
    await generator.query('vacuum analyze service_requests, request_audit')
    await generator.query('checkpoint')
    await generator.end()
    const requestsMs = performance.now() - requestsStarted
    await createStaffAccount(database.db, { username: 'bench-admin', password: STAFF_PASSWORD, role: 'admin' }, new Date())
    // The projects' 督考 rows, as the API's first job tick after an import leaves them (that tick would
    // otherwise land inside one of the rows measured below).
    await ensureTracking(database.db, bundle.signedProjects, new Date())

    const run = await startApi(apiEntry, { DATABASE_URL: postgres.url, CONTENT_DIR: contentDir, DATA_DIR: path.join(work, 'data') })
    api = run.api
    const plainHome = await timed(`${BASE}/api/home`)
    const home = { raw: plainHome.body.length, gzip: gzipSync(plainHome.body).length }
    check(home.raw <= 100 * 1024, `home is ${home.raw} bytes raw (limit 100 KB)`)
    check(home.gzip <= 30 * 1024, `home is ${home.gzip} bytes gzipped (limit 30 KB)`)

    const figures = new Map<string, Figures>()
    for (const [label, call] of contentRows(bundle)) figures.set(label, await measure(label, call))
    const rss = rssMb(api.pid!)

    const staffToken = async (username: string) => {
      const response = await fetch(`${BASE}/api/auth/staff`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: STAFF_PASSWORD }),
      })
      check(response.ok, `staff sign-in for ${username} answered ${response.status}`)
      return { authorization: `Bearer ${((await response.json()) as { token: string }).token}` }
    }
    const adminAuth = await staffToken('bench-admin')
    const agentAuth = await staffToken(`scale-${bundle.zones[0].id}-a1`)
    const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10)
    const today = new Date().toISOString().slice(0, 10)
    for (const queue of ['all', 'new', 'due_soon', 'overdue'])
      figures.set(
        `staff queue ${queue}, all zones (admin), page 1`,
        await measure(`queue ${queue} (admin)`, () => ({ path: `/api/staff/requests?queue=${queue}&limit=20` }), adminAuth),
      )
    for (const queue of ['mine', 'new', 'all'])
      figures.set(
        `staff queue ${queue}, one zone (agent), page 1`,
        await measure(`queue ${queue} (agent)`, () => ({ path: `/api/staff/requests?queue=${queue}&limit=20` }), agentAuth),
      )
    const dashboardCall = () => ({ path: `/api/staff/dashboard?from=${yearAgo}&to=${today}` })
    // One supervisor opening it (the target's case), then ten at once (identical requests in flight share one computation).
    figures.set(
      'dashboard, all zones, a year (admin), one connection',
      await measure('dashboard', dashboardCall, adminAuth, { connections: 1, requests: 50 }),
    )
    figures.set('dashboard, all zones, a year (admin)', await measure('dashboard', dashboardCall, adminAuth))
    const zoneIds = bundle.zones.map((zone) => zone.id)
    figures.set(
      'service-stats (rotating zone)',
      await measure('service-stats', (n) => ({ path: `/api/zones/${zoneIds[n % zoneIds.length]}/service-stats` })),
    )
    const rssAfterStaff = rssMb(api.pid!)

    // The re-import as an API process lives it: the largest event-loop delay while a content store loads
    // and builds every zone (in this process, so the delay is measured where it happens).
    const store = new ContentStore(database.db, () => new Date())
    const delay = monitorEventLoopDelay({ resolution: 5 })
    delay.enable()
    await store.reload()
    delay.disable()
    const reloadDelayMs = delay.max / 1e6
    await database.close()

    // A re-import with npm run content:import (its own process, as an operator runs it), which the API picks
    // up by polling: the slowest answer of /api/zones (served from memory) meanwhile shows the API's stalls.
    const edited: ContentBundle = { ...bundle, zones: bundle.zones.map((zone) => ({ ...zone, summary: `${zone.summary}（更新）` })) }
    const editedVersion = contentVersion(edited)
    writeBundle(contentDir, edited)
    const importer = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'cloud/src/cli/content-import.ts'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DATABASE_URL: postgres.url, CONTENT_DIR: contentDir },
    })
    const imported = new Promise<number | null>((resolve) => importer.once('exit', resolve))
    let slowest = 0
    let reloaded = false
    const reimportStarted = performance.now()
    for (let n = 0; !reloaded && performance.now() - reimportStarted < 180_000; n++) {
      slowest = Math.max(slowest, (await timed(`${BASE}/api/zones`)).ms)
      if (n % 10 === 0) {
        const health = await timed(`${BASE}/api/health`)
        reloaded = (JSON.parse(health.body.toString()) as { contentVersion: string }).contentVersion === editedVersion
      }
      await sleep(5)
    }
    check((await imported) === 0, 'npm run content:import failed')
    check(reloaded, 'the API did not pick up the re-import within 180 s')

    const n = size.zones
    const sizeLine = `${n} zones × ${size.parksPerZone} parks, ${size.policies} policies, ${size.projects} projects, ${generated.requests.toLocaleString('en')} service requests`
    const cell = (value: number | undefined) => (value === undefined ? '—' : value === 0 ? '< 1 ms' : `${value} ms`)
    const mark = (ok: boolean) => (ok ? '✓' : '✗')
    console.log(
      `\n## bench:scale — ${sizeLine} — ${new Date().toISOString().slice(0, 10)}, PostgreSQL 15, production API build, ${CONNECTIONS} connections unless noted, ${REQUESTS} requests per row after ${WARMUP_REQUESTS} uncounted\n`,
    )
    console.log(`| measure | 5 zones p50 | 5 zones p99 | ${n} zones p50 | ${n} zones p99 | target (p99) |`)
    console.log('| --- | --- | --- | --- | --- | --- |')
    for (const [label, value] of figures) {
      const before = seedFigures.get(label)
      const target = targetOf(label)
      console.log(
        `| ${label} | ${cell(before?.p50)} | ${cell(before?.p99)} | ${cell(value.p50)} | ${cell(value.p99)} | < ${target} ms ${mark(value.p99 < target)} |`,
      )
    }
    const startupDelta = run.startupMs - seedRun.startupMs
    const rssDelta = rss - seedRss
    console.log(
      `| home size | | | ${(home.raw / 1024).toFixed(1)} KB raw | ${(home.gzip / 1024).toFixed(1)} KB gzip | ≤ 100 KB / 30 KB ${mark(home.raw <= 100 * 1024 && home.gzip <= 30 * 1024)} |`,
    )
    console.log(
      `| start-up (spawn → /api/health) | ${ms(seedRun.startupMs)} | | ${ms(run.startupMs)} | ${signed(startupDelta, ms)} | + ≤ 1 s ${mark(startupDelta <= 1_000)} |`,
    )
    console.log(
      `| RSS after the content rows | ${seedRss} MB | | ${rss} MB | ${signed(rssDelta, (mb) => `${mb} MB`)} | + ≤ 100 MB ${mark(rssDelta <= 100)} |`,
    )
    console.log(`| RSS after the staff rows | | | ${rssAfterStaff} MB | | |`)
    console.log(`| import (all content) | | | ${ms(importMs)} | | |`)
    console.log(`| slowest /api/zones while content:import runs and the API reloads | | | ${ms(slowest)} | | |`)
    console.log(
      `| largest event-loop delay while a content store reloads every zone | | | ${ms(reloadDelayMs)} | | < 50 ms ${mark(reloadDelayMs < 50)} |`,
    )
    console.log(
      `| service requests generated (${generated.requests.toLocaleString('en')}, ${generated.auditEvents.toLocaleString('en')} audit events) | | | ${ms(requestsMs)} | | |`,
    )
  } finally {
    if (api) await stopApi(api)
    postgres?.stop()
    fs.rmSync(work, { recursive: true, force: true })
    fs.rmSync(pgDir, { recursive: true, force: true })
  }
  if (failures.length > 0) {
    console.error(`\nbench:scale failed:\n${failures.map((failure) => `  - ${failure}`).join('\n')}`)
    process.exit(1)
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
