// npm run bench:scale [-- --zones=20] — content at scale against the production API build on PostgreSQL 15.
// Generates 200 zones × 15 parks, 1,000 policies and 5,000 projects from the seed records (their articles as
// sources), imports them into a throwaway PostgreSQL (Unix socket only, no TCP port), starts the built API
// (npm run build:api first) on BENCH_API_PORT (default 3700), and prints one markdown table (10 clients at once): home size,
// p50/p99 of the content routes, start-up time, RSS, and the slowest /api/health answer while the API
// reloads a re-import (the API's largest stall as a client sees it). Exits 1 when a check fails.
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
import { createStaffAccount } from '../../cloud/src/modules/staff/accounts'
import { execForPg, generateRequests } from '../../test/scale/requests'

const ROOT = path.resolve(__dirname, '../..')
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin'
const PORT = Number(process.env.BENCH_API_PORT ?? 3700)
const BASE = `http://127.0.0.1:${PORT}`
const REQUESTS = 500
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
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
const ms = (value: number) => `${value.toFixed(1)} ms`

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

/** REQUESTS requests over rotating URLs from CONNECTIONS clients at once: p50 and p99. */
const measure = async (label: string, urls: (n: number) => [string, RequestInit?]) => {
  const times: number[] = []
  let next = 0
  const client = async () => {
    for (let n = next++; n < REQUESTS; n = next++) {
      const [url, init] = urls(n)
      const result = await timed(`${BASE}${url}`, { ...init, headers: { 'accept-encoding': 'gzip', ...init?.headers } })
      check(result.status === 200, `${label}: ${url} answered ${result.status}`)
      times.push(result.ms)
    }
  }
  await Promise.all(Array.from({ length: CONNECTIONS }, client))
  times.sort((a, b) => a - b)
  return [label, ms(percentile(times, 50)), ms(percentile(times, 99))]
}

const rssOf = (pid: number) => {
  const line = fs
    .readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((row) => row.startsWith('VmRSS:'))
  return line ? `${Math.round(Number(line.replace(/\D+/g, '')) / 1024)} MB` : 'n/a'
}

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
    const bundle = generateContent((await loadContent(REAL_CONTENT_DIR)).bundle, size)
    writeBundle(contentDir, bundle)
    postgres = startPostgres(pgDir)
    const database = await openPostgres(postgres.url)
    const importStarted = performance.now()
    await importContent(database.db, { bundle, version: contentVersion(bundle) })
    const importMs = performance.now() - importStarted
    // Service requests in proportion: 1,000 per zone (200,000 at 200 zones), a year of them, with the
    // zone staff the generator makes and one admin, so the staff queues and dashboard are measured at size.
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
    }).finally(() => generator.end())
    const requestsMs = performance.now() - requestsStarted
    await createStaffAccount(database.db, { username: 'bench-admin', password: STAFF_PASSWORD, role: 'admin' }, new Date())
    await createStaffAccount(
      database.db,
      { username: 'bench-agent', password: STAFF_PASSWORD, role: 'agent', zoneId: bundle.zones[0].id },
      new Date(),
    )

    const started = performance.now()
    api = spawn(process.execPath, [apiEntry], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(PORT),
        HOST: '127.0.0.1',
        DATABASE_URL: postgres.url,
        CONTENT_DIR: contentDir,
        DATA_DIR: path.join(work, 'data'),
        AUTH_SECRET: 'bench-scale-secret-bench-scale-secret-0123',
        LOG_LEVEL: 'warn',
      },
    })
    let ready = false
    while (!ready && performance.now() - started < 120_000) {
      ready = await fetch(`${BASE}/api/health`).then(
        (response) => response.ok,
        () => false,
      )
      if (!ready) await sleep(50)
    }
    if (!ready) throw new Error('the API did not start within 120 s')
    const startupMs = performance.now() - started

    const plainHome = await timed(`${BASE}/api/home`)
    const home = { raw: plainHome.body.length, gzip: gzipSync(plainHome.body).length }
    check(home.raw <= 100 * 1024, `home is ${home.raw} bytes raw (limit 100 KB)`)
    check(home.gzip <= 30 * 1024, `home is ${home.gzip} bytes gzipped (limit 30 KB)`)

    const zoneIds = bundle.zones.map((zone) => zone.id)
    const parkIds = bundle.parks.map((park) => park.id)
    const searchTerms = [...['医药', '新材料', '装备', '化工', '物流', '园区', '产业', '食品'], ...bundle.parks.map((park) => park.name)]
    const rows = [
      await measure('home', () => ['/api/home']),
      // Every query new to the API's cache: words, then park names.
      await measure('parks search (cache misses)', (n) => [
        `/api/parks?q=${encodeURIComponent(searchTerms[n % searchTerms.length])}&limit=20`,
      ]),
      await measure('park detail (rotating id)', (n) => [`/api/parks/${parkIds[(n * 7919) % parkIds.length]}`]),
      await measure('policies (rotating zone)', (n) => [`/api/policies?zoneId=${zoneIds[n % zoneIds.length]}&limit=20`]),
      await measure('policy match (rotating zones)', (n) => [
        '/api/policies/match?limit=20',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            zoneIds: [zoneIds[n % zoneIds.length], zoneIds[(n + 1) % zoneIds.length]],
            industry: 'health',
            investmentWan: 10_000,
            jobs: 100,
          }),
        },
      ]),
      await measure('zones', () => ['/api/zones']),
      await measure('spaces', (n) => [`/api/spaces?zoneId=${zoneIds[n % zoneIds.length]}&limit=20`]),
    ]
    const staffToken = async (username: string) => {
      const response = await fetch(`${BASE}/api/auth/staff`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: STAFF_PASSWORD }),
      })
      check(response.ok, `staff sign-in for ${username} answered ${response.status}`)
      return { authorization: `Bearer ${((await response.json()) as { token: string }).token}` }
    }
    const admin = await staffToken('bench-admin')
    const agent = await staffToken('bench-agent')
    const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10)
    const today = new Date().toISOString().slice(0, 10)
    for (const queue of ['all', 'new', 'due_soon', 'overdue'])
      rows.push(
        await measure(`staff queue ${queue}, all zones (admin), page 1`, () => [
          `/api/staff/requests?queue=${queue}&limit=20`,
          { headers: admin },
        ]),
      )
    rows.push(
      await measure('staff queue all, one zone (agent), page 1', () => [`/api/staff/requests?queue=all&limit=20`, { headers: agent }]),
    )
    rows.push(
      await measure('dashboard, all zones, a year (admin)', () => [`/api/staff/dashboard?from=${yearAgo}&to=${today}`, { headers: admin }]),
    )
    rows.push(await measure('service-stats (rotating zone)', (n) => [`/api/zones/${zoneIds[n % zoneIds.length]}/service-stats`]))
    const rss = rssOf(api.pid!)

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

    const sizeLine = `${size.zones} zones × ${size.parksPerZone} parks, ${size.policies} policies, ${size.projects} projects`
    console.log(`\n## bench:scale — ${sizeLine} — ${new Date().toISOString().slice(0, 10)}, PostgreSQL 15, production API build\n`)
    console.log('| measure | p50 | p99 |')
    console.log('| --- | --- | --- |')
    for (const row of rows) console.log(`| ${row.join(' | ')} |`)
    console.log(`| home size | ${(home.raw / 1024).toFixed(1)} KB raw | ${(home.gzip / 1024).toFixed(1)} KB gzip |`)
    console.log(`| import (all content) | ${ms(importMs)} | |`)
    console.log(`| start-up (spawn → /api/health) | ${ms(startupMs)} | |`)
    console.log(`| RSS after the requests | ${rss} | |`)
    console.log(`| slowest /api/zones while content:import runs and the API reloads | ${ms(slowest)} | |`)
    console.log(`| largest event-loop delay while a content store reloads every zone | ${ms(reloadDelayMs)} | |`)
    console.log(
      `| service requests generated (${generated.requests.toLocaleString('en')}, ${generated.auditEvents.toLocaleString('en')} audit events) | ${ms(requestsMs)} | |`,
    )
  } finally {
    api?.kill('SIGTERM')
    if (api) await new Promise((resolve) => api!.once('exit', resolve))
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
