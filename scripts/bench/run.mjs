#!/usr/bin/env node
// npm run bench — benchmarks, printed as markdown tables (not a test, not in CI). Builds what it needs:
//  1. API throughput (autocannon, 50 connections, 10 s after a 2 s warm-up) of the production API build
//     on PGlite, next to the ceiling: bare Fastify answering the same captured bytes from memory.
//  2. Package sizes of the production weapp and H5 builds next to a Taro hello-world built in this run,
//     and the weapp build's setData per page from its headless run (test/weapp/run.mjs) with the budget:
//     the first screen of each tab page in at most 3 setData calls, none over 64 KB.
//  3. Lighthouse 12.8.2 (mobile, Debian Chromium) on the H5 home and park pages over the production API.
// Everything listens on 127.0.0.1 only. A failed step is reported and the rest still runs.
//   node scripts/bench/run.mjs [--only=api|sizes|lighthouse]   (BENCH_KEEP=1 keeps the Lighthouse reports)
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'
import autocannon from 'autocannon'
import { freePort, repoRoot, request, run, startApi, startProcess } from '../../test/load/api-process.mjs'
import { buildHelloWorld, helloWorldWeappFloor } from './hello-world.mjs'
import { runWeapp, setDataTable } from '../../test/weapp/run.mjs'

const CONNECTIONS = 50
const DURATION_S = 10
const WARMUP_S = 2
const GUESTS = 600 // 30 submissions per investor per hour: 600 guests cover 18 000 submissions
const LIGHTHOUSE_RUNS = 3
const CHROME_FLAGS = '--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync'
const started = Date.now()
// Other work on the machine skews every figure here: the load average is printed with them.
const loadAtStart = loadavg()[0]
const problems = []
const out = []
const work = mkdtempSync(join(tmpdir(), 'parklink-bench-'))
/** The bench builds here, never over the shared dist/ and dist-h5/. */
const H5_OUT = join(work, 'dist-h5')
const WEAPP_OUT = join(work, 'dist')

const ms = (value) => (value === undefined || value === null ? '–' : `${Math.round(value)} ms`)
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
const met = (ok) => (ok === undefined ? '–' : ok ? '✅' : '❌')

// ---- builds ---------------------------------------------------------------------------------

const builds = []
const build = async (label, script, env = {}) => {
  const since = Date.now()
  const result = await run('npm', ['run', script], { env, quiet: true })
  builds.push([label, result.code === 0 ? 'ok' : `**failed** (exit ${result.code})`, `${((Date.now() - since) / 1000).toFixed(0)} s`])
  if (result.code !== 0) problems.push(`${label} failed:\n${result.output.slice(-2500)}`)
  return result.code === 0
}

// ---- 1. API throughput ------------------------------------------------------------------------

const bodyFor = (n) => ({
  type: 'site',
  zoneId: 'pingyuan',
  parkId: 'pingyuan-jingde',
  company: `基准测试企业 ${n}`,
  contactName: '测试',
  mobile: '13800001111',
  description: '基准测试：计划租用 5000 平方米标准厂房，想了解交付时间和租金。',
})

/** One autocannon run; counts only 2xx answers as throughput. */
const cannon = (options) =>
  new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, ...options }, (error, result) => (error ? reject(error) : resolve(result)))
  })

const measure = async (options) => {
  await cannon({ ...options, duration: WARMUP_S })
  const result = await cannon({ ...options, duration: DURATION_S })
  return {
    rps: result['2xx'] / DURATION_S,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }
}

const apiBench = async () => {
  const dataDir = mkdtempSync(join(work, 'api-'))
  // The default limits stay on and count every request: TRUST_PROXY (this script is the proxy) + one X-Forwarded-For per request
  // (per-address submit limit 120/h, RATE_LIMIT_SUBMIT_PER_IP), spread over GUESTS investors (30/h each).
  const api = await startApi('API (bench)', { DATA_DIR: dataDir, TRUST_PROXY: '127.0.0.1' })
  const ceilingPort = await freePort()
  let ceiling
  try {
    // Guests for the POST run: one X-Forwarded-For each (the guest sign-in limit is 30/min per address).
    const guests = []
    for (let batch = 0; batch < GUESTS; batch += 50) {
      const signed = await Promise.all(
        Array.from({ length: 50 }, async (_, k) => {
          const n = batch + k
          const response = await request(`${api.url}/api/auth/guest`, { method: 'POST', headers: { 'x-forwarded-for': `10.88.${n >> 8}.${n & 255}` }, body: { deviceId: `bench-guest-${n}` } })
          if (response.status !== 200) throw new Error(`guest sign-in: ${response.status} ${response.body}`)
          return response.json.token
        }),
      )
      guests.push(...signed)
    }

    // The ceiling answers the bytes the API really sends (captured now) from memory.
    const gets = ['/api/home', '/api/parks', '/api/parks/pingyuan-jingde']
    const routes = []
    for (const path of gets) {
      const response = await fetch(`${api.url}${path}`)
      routes.push({ method: 'GET', path, status: 200, contentType: response.headers.get('content-type'), body: Buffer.from(await response.arrayBuffer()).toString('base64') })
    }
    const sample = await request(`${api.url}/api/requests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${guests[0]}`, 'idempotency-key': randomUUID(), 'x-forwarded-for': '10.99.0.1' },
      body: bodyFor(0),
    })
    if (sample.status !== 201) throw new Error(`POST /api/requests answered ${sample.status}: ${sample.body}`)
    routes.push({ method: 'POST', path: '/api/requests', status: 201, contentType: 'application/json; charset=utf-8', body: Buffer.from(sample.body).toString('base64') })
    const routesFile = join(work, 'ceiling-routes.json')
    writeFileSync(routesFile, JSON.stringify(routes))
    ceiling = await startProcess('ceiling', join(repoRoot, 'scripts/bench/ceiling-server.mjs'), {
      port: ceilingPort,
      readyPath: '/ready',
      env: { PORT: String(ceilingPort), CEILING_ROUTES: routesFile },
    })

    const rows = []
    for (const path of gets) {
      const real = await measure({ url: `${api.url}${path}` })
      const bare = await measure({ url: `${ceiling.url}${path}` })
      const share = real.rps / bare.rps
      rows.push({ name: `GET ${path}`, real, bare, share, target: 'p99 < 20 ms, ≥ 50% of ceiling', ok: real.p99 < 20 && share >= 0.5 })
    }
    let n = 1
    const post = (base) => ({
      url: base,
      requests: [
        {
          method: 'POST',
          path: '/api/requests',
          setupRequest: (req) => {
            n++
            return {
              ...req,
              headers: {
                'content-type': 'application/json',
                authorization: `Bearer ${guests[n % guests.length]}`,
                'idempotency-key': `bench-${n}-${randomUUID()}`,
                'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
              },
              body: JSON.stringify(bodyFor(n)),
            }
          },
        },
      ],
    })
    const real = await measure(post(api.url))
    const bare = await measure(post(ceiling.url))
    rows.push({ name: 'POST /api/requests', real, bare, share: real.rps / bare.rps, target: '≥ 300/s on PGlite', ok: real.rps >= 300 })

    out.push(
      `### API throughput: production build on PGlite vs bare Fastify from memory (${CONNECTIONS} connections, ${DURATION_S} s after ${WARMUP_S} s warm-up)`,
      '',
      '| endpoint | API req/s (2xx) | API p50 | API p99 | ceiling req/s | ceiling p50 / p99 | % of ceiling | non-2xx / errors | target | met |',
      '|---|---|---|---|---|---|---|---|---|---|',
      ...rows.map(
        ({ name, real, bare, share, target, ok }) =>
          `| ${name} | ${Math.round(real.rps)} | ${ms(real.p50)} | ${ms(real.p99)} | ${Math.round(bare.rps)} | ${ms(bare.p50)} / ${ms(bare.p99)} | ${(share * 100).toFixed(0)}% | ${real.non2xx} / ${real.errors} | ${target} | ${met(ok)} |`,
      ),
      '',
    )
  } finally {
    await ceiling?.stop()
    await api.stop()
  }
}

// ---- 2. package sizes ---------------------------------------------------------------------------

const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })

/** Main package and subpackages from the files on disk, as scripts/check-weapp.mjs counts them. */
const weappSizes = (dist) => {
  const appJson = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8'))
  const subPackages = appJson.subPackages ?? appJson.subpackages ?? []
  const sizes = new Map([['主包 main', 0], ...subPackages.map((sub) => [sub.root, 0])])
  for (const file of walk(dist)) {
    const path = relative(dist, file)
    const key = subPackages.find((sub) => path.startsWith(`${sub.root.replace(/\/$/, '')}/`))?.root ?? '主包 main'
    sizes.set(key, sizes.get(key) + statSync(file).size)
  }
  return sizes
}

const h5JsGzip = (dist) =>
  walk(dist)
    .filter((file) => file.endsWith('.js'))
    .reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0)

const sizeTable = (ok, hello) => {
  const rows = []
  const weapp = ok.weapp && existsSync(join(WEAPP_OUT, 'app.json')) ? weappSizes(WEAPP_OUT) : null
  const helloWeapp = hello.weapp.code === 0 ? weappSizes(hello.weapp.dist) : null
  if (weapp) {
    for (const [name, size] of weapp) {
      const base = name === '主包 main' ? helloWeapp?.get('主包 main') : undefined
      const ratio = base ? size / base : undefined
      rows.push(`| weapp ${name} | ${kb(size)} | ${base ? kb(base) : '–'} | ${ratio ? `${ratio.toFixed(2)}×` : '–'} | ${base ? '≤ 1.3× hello-world' : 'no counterpart'} | ${met(ratio === undefined ? undefined : ratio <= 1.3)} |`)
    }
  } else rows.push('| weapp | build failed | | | | |')
  const h5 = ok.h5 && existsSync(join(H5_OUT, 'index.html')) ? h5JsGzip(H5_OUT) : null
  const helloH5 = hello.h5.code === 0 ? h5JsGzip(hello.h5.dist) : null
  rows.push(`| H5 JavaScript, gzip (sum of all .js) | ${h5 ? kb(h5) : 'build failed'} | ${helloH5 ? kb(helloH5) : 'build failed'} | ${h5 && helloH5 ? `${(h5 / helloH5).toFixed(2)}×` : '–'} | – | – |`)
  out.push('### Package sizes: production builds vs a Taro 4.2.1 hello-world built in this run', '', '| build | ParkLink | hello-world | ratio | target | met |', '|---|---|---|---|---|---|', ...rows, '')
}

// ---- 3. Lighthouse ----------------------------------------------------------------------------------

const lighthouse = async (apiPort, h5Port) => {
  const api = await startApi('API (Lighthouse)', { DATA_DIR: mkdtempSync(join(work, 'lh-')), CORS_ORIGINS: `http://127.0.0.1:${h5Port}` }, { port: apiPort })
  let h5
  try {
    h5 = await startProcess('H5 server', join(repoRoot, 'scripts/serve-h5.mjs'), { port: h5Port, env: { H5_PORT: String(h5Port), H5_HOST: '127.0.0.1', H5_DIR: H5_OUT } })
    const rows = []
    for (const [name, path] of [
      ['home', '/'],
      ['park (pingyuan-jingde)', '/pages/park/index?id=pingyuan-jingde'],
    ]) {
      // Three runs, the median by score: single runs on a busy 2-core machine swing by ±0.1.
      const runs = []
      for (let attempt = 0; attempt < LIGHTHOUSE_RUNS; attempt++) {
        const report = join(work, `lighthouse-${rows.length}-${attempt}.json`)
        const result = await run(
          process.execPath,
          [join(repoRoot, 'node_modules/lighthouse/cli/index.js'), `${h5.url}${path}`, '--only-categories=performance', '--output=json', `--output-path=${report}`, `--chrome-flags=${CHROME_FLAGS}`, '--quiet'],
          { env: { CHROME_PATH: '/usr/bin/chromium' }, quiet: true, timeoutMs: 180_000 },
        )
        if (result.code !== 0 || !existsSync(report)) {
          problems.push(`Lighthouse on ${path} failed:\n${result.output.slice(-2000)}`)
          continue
        }
        const { categories, audits, runtimeError } = JSON.parse(readFileSync(report, 'utf8'))
        if (runtimeError) problems.push(`Lighthouse on ${path}: ${runtimeError.code} ${runtimeError.message}`)
        // The page must really have shown API data, or the numbers describe an error screen.
        const apiCalls = audits['network-requests'].details.items.filter((item) => item.url.startsWith(api.url))
        if (!apiCalls.length || apiCalls.some((item) => item.statusCode !== 200)) problems.push(`Lighthouse on ${path}: API calls ${JSON.stringify(apiCalls.map((item) => [item.url, item.statusCode]))}`)
        runs.push({
          score: categories.performance.score,
          lcp: audits['largest-contentful-paint'].numericValue,
          tbt: audits['total-blocking-time'].numericValue,
          cls: audits['cumulative-layout-shift'].numericValue,
        })
      }
      if (!runs.length) {
        rows.push(`| ${name} | failed | | | | | | |`)
        continue
      }
      const { score, lcp, tbt, cls } = runs.sort((a, b) => a.score - b.score)[Math.floor(runs.length / 2)]
      rows.push(
        `| ${name} | ${score} | ${(lcp / 1000).toFixed(2)} s | ${ms(tbt)} | ${cls.toFixed(3)} | ${runs.map((entry) => entry.score).join(', ')} | score ≥ 0.95, LCP < 2.5 s | ${met(score >= 0.95 && lcp < 2500)} |`,
      )
    }
    out.push(
      `### Lighthouse 12.8.2, mobile (default simulated throttling), median of ${LIGHTHOUSE_RUNS} runs, H5 production build over the production API`,
      '',
      '| page | performance (median) | LCP | TBT | CLS | all scores | target | met |',
      '|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
    )
  } finally {
    await h5?.stop()
    await api.stop()
  }
}

// ---- main -------------------------------------------------------------------------------------------

const step = async (name, body) => {
  try {
    await body()
  } catch (error) {
    problems.push(`${name}: ${error.stack ?? error}`)
    out.push(`### ${name}`, '', `**failed**: ${String(error.message ?? error).split('\n')[0]}`, '')
  }
}

/** --only=api|sizes|lighthouse runs one part (and the builds it needs); default: all three. */
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length)
const wants = (part) => !only || only === part

const main = async () => {
  // The H5 bundle has its API address built in: pick the ports first.
  const apiPort = await freePort()
  const h5Port = await freePort()
  const ok = {}
  // The weapp's headless run (part of sizes) needs the production API too.
  ok.api = await build('npm run build:api', 'build:api')
  if (wants('api') && ok.api) await step('API throughput', apiBench)
  if (wants('sizes') || wants('lighthouse')) {
    // Into the bench's own folder (TARO_OUTPUT_ROOT): dist-h5/ is shared, and this build points at a port gone after the run.
    ok.h5 = await build(`npm run build:h5 (TARO_APP_API_BASE=http://127.0.0.1:${apiPort})`, 'build:h5', {
      TARO_APP_API_BASE: `http://127.0.0.1:${apiPort}`,
      TARO_OUTPUT_ROOT: H5_OUT,
    })
  }
  if (wants('sizes')) {
    ok.weapp = await build('npm run build:weapp', 'build:weapp', { TARO_OUTPUT_ROOT: WEAPP_OUT })
    const since = Date.now()
    const hello = await buildHelloWorld()
    builds.push(['Taro hello-world (weapp + h5)', hello.weapp.code === 0 && hello.h5.code === 0 ? 'ok' : `**failed** (weapp ${hello.weapp.code}, h5 ${hello.h5.code})`, `${((Date.now() - since) / 1000).toFixed(0)} s`])
    if (hello.weapp.code !== 0) problems.push(`hello-world weapp build failed:\n${hello.weapp.output.slice(-2000)}`)
    if (hello.h5.code !== 0) problems.push(`hello-world h5 build failed:\n${hello.h5.output.slice(-2000)}`)
    // check:weapp compares the main package with the same floor: keep this build's figure for it.
    if (hello.weapp.code === 0) await helloWorldWeappFloor({ built: hello })
    await step('Package sizes', async () => sizeTable(ok, hello))
    rmSync(hello.root, { recursive: true, force: true })
    if (ok.weapp && ok.api) {
      await step('setData per page', async () => {
        const report = await runWeapp({ dist: WEAPP_OUT, log: () => undefined })
        if (report.failures.length) problems.push(`weapp headless run:\n${report.failures.join('\n')}`)
        out.push(
          '### setData per page: the weapp build run headless (test/weapp/run.mjs) over the production API, first visit of each page',
          '',
          'Budget: the first screen of each tab page (first render and the render after its first data) in at most 3 setData calls, none over 64 KB. Counts depend on when the answer arrives (here: a local API).',
          '',
          setDataTable(report),
          '',
        )
      })
    }
  }
  if (wants('lighthouse')) {
    if (ok.api && ok.h5) await step('Lighthouse', () => lighthouse(apiPort, h5Port))
    else out.push('### Lighthouse', '', 'skipped: the API or H5 build failed', '')
  }
}

main()
  .catch((error) => problems.push(error.stack ?? String(error)))
  .finally(() => {
    if (!process.env.BENCH_KEEP) rmSync(work, { recursive: true, force: true })
    else console.log(`kept ${work}`)
    console.log(
      [
        '',
        `## Benchmarks (${new Date().toISOString().slice(0, 16)}Z, ${((Date.now() - started) / 1000).toFixed(0)} s; ${cpus().length} cores, 1-min load average ${loadAtStart.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end)`,
        '',
        '| build step | result | time |',
        '|---|---|---|',
        ...builds.map((row) => `| ${row.join(' | ')} |`),
        '',
        ...out,
        problems.length ? `### Problems\n\n${problems.map((problem) => `- ${problem.replace(/\n/g, '\n  ')}`).join('\n')}` : '',
      ].join('\n'),
    )
    process.exit(problems.length ? 1 : 0)
  })
