#!/usr/bin/env node
// npm run test:weapp — the weapp build run, not only built (after npm run build:weapp and build:api):
//  0. A self-check on a tiny mini-program made on the fly: the net catches what it is for.
//  1. WeChat's compilers: every .wxml (wcc) and .wxss (wcsc) of dist/; an error fails with file and line.
//  2. The build boots headless (mini-program.mjs) with a wx double (wx.mjs) whose wx.request and
//     wx.uploadFile reach the production API started here on its own PGlite folder.
//  3. The journeys (journeys.mjs) read the text the compiled templates render.
//  4. Per page: setData calls and largest payload, first render and after the first data; any call
//     over WeChat's 256 KB fails. Each settled screen is also laid out in Chromium (layout.mjs).
// The figures land in build/weapp-run/report.json, which `npm run check:weapp` scores against WeChat's
// 体验评分 rules (rules.mjs).
//   node test/weapp/run.mjs [--dist=dist]   WEAPP_API_PORT=3300 picks the API port (default: a free one)
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { repoRoot } from '../load/api-process.mjs'
import { CompileError, compileWxml, compileWxss, filesWith, loadTemplates } from './compile.mjs'
import { WeappDriver } from './driver.mjs'
import { builtApiOrigin, startEnvironment } from './environment.mjs'
import { journeys } from './journeys.mjs'
import { selfCheck } from './self-check.mjs'
import { Layout } from './layout.mjs'
import { WxssUsage } from './wxss-usage.mjs'
import { FIRST_SCREEN_BYTES, FIRST_SCREEN_CALLS, SETDATA_LIMIT, kb, setDataPhases, treeStats } from './metrics.mjs'

export const REPORT = join(repoRoot, 'build/weapp-run/report.json')

/** Identifies a build and the runner that measured it: a report is only reused for the same pair. */
export const fingerprint = (dist) => {
  const hash = createHash('sha256')
  for (const file of filesWith(dist, '')) hash.update(file).update(readFileSync(join(dist, file)))
  for (const file of filesWith(join(repoRoot, 'test/weapp'), '.mjs'))
    hash.update(file).update(readFileSync(join(repoRoot, 'test/weapp', file)))
  return hash.digest('hex')
}

const LIB_VERSION = JSON.parse(readFileSync(join(repoRoot, 'project.config.json'), 'utf8')).libVersion ?? '3.4.0'

export const runWeapp = async ({
  dist = resolve(repoRoot, 'dist'),
  port = Number(process.env.WEAPP_API_PORT) || undefined,
  log = console.log,
} = {}) => {
  const started = Date.now()
  const report = {
    dist: relative(repoRoot, dist),
    fingerprint: fingerprint(dist),
    startedAt: new Date().toISOString(),
    libVersion: LIB_VERSION,
    tabPages: (JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')).tabBar?.list ?? []).map((item) => item.pagePath),
    failures: [],
  }
  const fail = (message) => report.failures.push(message)

  // 0. The net itself: it must catch a broken template, a browser API, a setData too large.
  try {
    await selfCheck()
  } catch (error) {
    fail(`the weapp run's self-check failed (test/weapp/self-check.mjs): ${error.message}`)
    return report
  }

  // 1. WeChat's compilers.
  let templates
  let wxss
  try {
    const since = Date.now()
    templates = loadTemplates(compileWxml(dist))
    wxss = compileWxss(dist)
    report.compile = { wxml: filesWith(dist, '.wxml').length, wxss: filesWith(dist, '.wxss').length, ms: Date.now() - since }
    log(`wcc: ${report.compile.wxml} .wxml, wcsc: ${report.compile.wxss} .wxss compiled (${report.compile.ms} ms)`)
  } catch (error) {
    if (!(error instanceof CompileError)) throw error
    report.compile = { problems: error.problems }
    fail(error.message)
    return report
  }

  // 2. The API, WeChat's servers, the phones.
  const builtOrigin = builtApiOrigin(dist)
  const env = await startEnvironment({ port })
  const tempFiles = new Map()
  let layout
  try {
    layout = await Layout.start({ wxss, dist, apiOrigin: env.api.url, builtOrigin, tempFiles })
  } catch (error) {
    await env.stop()
    throw error
  }
  const runs = [] // every cold start: { phone, mp, wxState }
  const phones = new Map()
  const phone = (name) => {
    if (!phones.has(name)) {
      phones.set(
        name,
        new WeappDriver({
          dist,
          templates,
          builtOrigin,
          apiOrigin: env.api.url,
          wechat: env.wechat,
          openid: `o-weapp-run-${name}`,
          libVersion: LIB_VERSION,
          name,
          layout,
          onLaunch: (mp, wxState, driver) => {
            runs.push({ phone: name, mp, wxState, driver })
            // The layout draws photos the app picked (chooseMedia temp files) from this phone too.
            wxState.tempFiles = tempFiles
          },
        }),
      )
    }
    return phones.get(name)
  }
  // WeChat reports a rejected promise nobody handled (onUnhandledRejection); so does this run.
  const onRejection = (reason, promise) => {
    const run = runs.find(({ mp }) => mp.isAppPromise(promise))
    if (run) run.mp.recordError('unhandled promise rejection', reason)
    else throw reason
  }
  process.on('unhandledRejection', onRejection)

  report.journeys = []
  try {
    const shared = {}
    for (const journey of journeys) {
      const since = Date.now()
      try {
        await journey.run({ phone, env, shared })
        report.journeys.push({ name: journey.name, ok: true, ms: Date.now() - since })
      } catch (error) {
        report.journeys.push({ name: journey.name, ok: false, ms: Date.now() - since, error: String(error.stack ?? error) })
        fail(`journey "${journey.name}": ${error.message}`)
      }
    }
    for (const driver of phones.values()) driver.kill()

    // 3. What every page did.
    const pages = {}
    const allRoutes = [...JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')).pages]
    for (const sub of JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')).subPackages ?? [])
      for (const page of sub.pages) allRoutes.push(`${sub.root.replace(/\/$/, '')}/${page}`)
    for (const route of allRoutes)
      pages[route] = { opened: 0, setData: null, visits: [], tree: { nodes: 0, depth: 0, maxChildren: 0 }, unboundKeys: [] }
    report.requests = []
    report.errors = []
    report.gaps = []
    report.warnings = []
    report.timers = []
    report.apiCalls = []
    for (const { phone: name, mp, wxState } of runs) {
      report.requests.push(
        ...wxState.requests.map(({ body, ...r }) => ({
          ...r,
          phone: name,
          bodyHash: body ? createHash('sha1').update(body).digest('hex') : null,
        })),
      )
      report.errors.push(...mp.errors.map((e) => ({ ...e, phone: name })))
      report.gaps.push(...mp.gaps)
      report.warnings.push(...mp.warnings.map((w) => ({ ...w, phone: name })))
      report.timers.push(...mp.timerFindings.map((t) => ({ ...t, phone: name })))
      report.apiCalls.push(...wxState.calls)
      const opened = new Set(mp.setDataLog.map((entry) => entry.pageKey))
      for (const pageKey of opened) {
        const route = pageKey.split('#')[0]
        const settledAt = runs.find((r) => r.mp === mp).driver.settled.find((s) => s.pageKey === pageKey)?.at
        const phases = setDataPhases({ log: mp.setDataLog, requests: wxState.requests, pageKey, settledAt })
        const largest = mp.setDataLog.filter((e) => e.pageKey === pageKey).sort((a, b) => b.bytes - a.bytes)[0]
        pages[route].visits.push({ phone: name, ...phases, largestKeys: largest?.keys.slice(0, 3) ?? [] })
      }
      for (const entry of mp.setDataLog) {
        if (entry.bytes > SETDATA_LIMIT)
          fail(`${entry.page}: one setData of ${kb(entry.bytes)} exceeds WeChat's 256 KB (${entry.keys.slice(0, 3).join(', ')})`)
      }
      // 避免 setData 数据冗余: every key a page sends is read by its template.
      for (const page of [...mp.stack, ...(mp.tabInstances?.values() ?? [])]) {
        const read = mp.templateKeys(page)
        const sent = new Set(
          mp.setDataLog
            .filter((e) => e.pageKey === page.__key && !e.component)
            .flatMap((e) => e.keys.map((key) => String(key).split(/[.[]/)[0])),
        )
        const unbound = [...sent].filter((key) => !read.has(key))
        if (unbound.length) pages[page.route].unboundKeys.push(...unbound)
      }
    }
    for (const entry of Object.values(pages)) {
      entry.opened = entry.visits.length
      entry.setData = entry.visits[0] ?? null
    }
    for (const driver of phones.values()) {
      for (const snapshot of driver.settled) {
        const stats = treeStats(snapshot.view)
        const tree = pages[snapshot.page].tree
        if (stats.nodes > tree.nodes) Object.assign(tree, { nodes: stats.nodes })
        if (stats.depth > tree.depth) tree.depth = stats.depth
        if (stats.maxChildren > tree.maxChildren) Object.assign(tree, { maxChildren: stats.maxChildren, widest: stats.widest })
      }
    }
    report.pages = pages
    for (const error of report.errors) fail(`JS exception on ${error.page ?? 'launch'} (${error.phone}, ${error.where}): ${error.message}`)
    for (const gap of new Set(report.gaps)) fail(gap)
    for (const [route, entry] of Object.entries(pages)) if (!entry.opened) fail(`${route} was never opened by the journeys`)

    // 4. Layout of every settled screen (deduplicated), in Chromium.
    const since = Date.now()
    const seen = new Set()
    const usage = new WxssUsage(dist)
    report.screens = []
    for (const [name, driver] of phones) {
      for (const snapshot of driver.settled) {
        const mp = runs.find((r) => r.driver === driver && r.mp.setDataLog.some((e) => e.pageKey === snapshot.pageKey))?.mp
        if (!mp) continue
        const clickable = (node) => mp.isTappable(node)
        const key = JSON.stringify([snapshot.page, stripParents(snapshot.view)])
        if (seen.has(key)) continue
        seen.add(key)
        const tested = usage.selectorsFor(snapshot.page)
        const { matched, ...measured } = await layout.measure({
          route: snapshot.page,
          isTab: mp.tabPages.has(snapshot.page),
          view: snapshot.view,
          clickable,
          selectors: tested.map((i) => usage.selectors[i]),
        })
        usage.record(tested, matched)
        report.screens.push({ phone: name, page: snapshot.page, ...measured })
      }
    }
    report.imageResponses = Object.fromEntries(layout.imageResponses)
    report.wxss = usage.summary()
    report.layoutMs = Date.now() - since
  } finally {
    process.off('unhandledRejection', onRejection)
    await layout?.close()
    await env.stop()
  }
  report.ms = Date.now() - started
  return report
}

/** A rendered tree without parent/owner links, for comparing screens. */
const stripParents = (node) =>
  node.text !== undefined ? node.text : { t: node.tag, a: node.attr?.class, s: node.attr?.style, c: node.children.map(stripParents) }

export const setDataTable = (report) => {
  const rows = Object.entries(report.pages ?? {}).map(([route, page]) => {
    const s = page.setData
    if (!s) return `| ${route} | not opened | | | | | | |`
    const tab = report.tabPages?.includes(route)
    return `| ${route} | ${s.firstRender.calls} | ${kb(s.firstRender.maxBytes)} | ${s.afterData.calls} | ${kb(s.afterData.maxBytes)} | ${s.visit.calls} / ${kb(s.visit.maxBytes)} | ${s.perSecond} | ${tab ? (s.firstScreen.calls <= FIRST_SCREEN_CALLS && s.firstScreen.maxBytes <= FIRST_SCREEN_BYTES ? '✅' : '❌') : '–'} |`
  })
  return [
    `| page | first render: calls | largest | after first data: calls | largest | whole visit: calls / largest | most per second | tab first screen ≤ ${FIRST_SCREEN_CALLS} calls, ≤ ${kb(FIRST_SCREEN_BYTES)} |`,
    '|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n')
}

const main = async () => {
  const dist = resolve(process.argv.find((arg) => arg.startsWith('--dist='))?.slice('--dist='.length) ?? join(repoRoot, 'dist'))
  const report = await runWeapp({ dist })
  mkdirSync(join(repoRoot, 'build/weapp-run'), { recursive: true })
  writeFileSync(REPORT, `${JSON.stringify(report, null, 1)}\n`)
  console.log('\n| journey | result | time |\n|---|---|---|')
  for (const journey of report.journeys ?? [])
    console.log(`| ${journey.name} | ${journey.ok ? '✅' : '❌'} | ${(journey.ms / 1000).toFixed(1)} s |`)
  if (report.pages) console.log(`\n### setData per page (first visit)\n\n${setDataTable(report)}`)
  for (const journey of report.journeys ?? []) if (!journey.ok) console.error(`\n${journey.name}:\n${journey.error}`)
  console.log(`\nreport: ${relative(repoRoot, REPORT)} (${((report.ms ?? 0) / 1000).toFixed(0)} s)`)
  if (report.failures.length) {
    console.error(`\ntest:weapp failed:\n- ${report.failures.join('\n- ')}`)
    process.exit(1)
  }
  console.log('test:weapp passed')
  process.exit(0)
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(repoRoot, 'test/weapp/run.mjs')) await main()
