// WeChat's 体验评分 (DevTools → Audits, 27 rules in three groups) scored without DevTools: on every
// screen of the headless run (build/weapp-run/report.json from run.mjs) and statically on the build.
// Rules that need the device's own clock (首屏时间, 渲染时间, 脚本执行时间) are listed as not measured.
// Where this project asks more than WeChat does (tap targets of 44 px, not 20), the row says so.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import postcss from 'postcss'
import { filesWith } from './compile.mjs'
import { compareVersions, wxApiCatalogue } from './wx-apis.mjs'
import { DEVICE } from './wx.mjs'
import { SETDATA_LIMIT, kb, maxConcurrent } from './metrics.mjs'
import { UNUSED_LIMIT_BYTES } from './wxss-usage.mjs'

export const TAP_TARGET_PX = 44
const WECHAT_TAP_FLOOR_PX = 20
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/

const list = (items, limit = 4) =>
  items.length <= limit ? items.join('; ') : `${items.slice(0, limit).join('; ')}; … ${items.length - limit} more`

/** Each rule of every .wxss in the build, with its file. */
const wxssRules = (dist) =>
  filesWith(dist, '.wxss').flatMap((file) => {
    const rules = []
    postcss.parse(readFileSync(join(dist, file), 'utf8'), { from: file }).walkRules((rule) => rules.push({ file, rule }))
    return rules
  })

const declared = (rule, prop, test) =>
  rule.nodes?.some((node) => node.type === 'decl' && node.prop.toLowerCase() === prop && test(node.value.trim().toLowerCase()))

/** Static rules on dist/: WXSS, app.json, the compiled API origin, the pages' reachability. */
export const staticFindings = (dist, { builtOrigin }) => {
  const rules = wxssRules(dist)
  const active = rules.filter(({ rule }) => /:active\b/.test(rule.selector)).map(({ file, rule }) => `${rule.selector} (${file})`)
  const scrolling = rules
    .filter(({ rule }) =>
      ['overflow', 'overflow-x', 'overflow-y'].some((prop) => declared(rule, prop, (value) => /\b(scroll|auto)\b/.test(value))),
    )
    .filter(({ rule }) => !declared(rule, '-webkit-overflow-scrolling', (value) => value === 'touch'))
    .map(({ file, rule }) => `${rule.selector} (${file})`)
  const appJson = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8'))
  const subPackages = appJson.subPackages ?? appJson.subpackages ?? []
  const pages = [...appJson.pages, ...subPackages.flatMap((sub) => sub.pages.map((page) => `${sub.root.replace(/\/$/, '')}/${page}`))]
  const resizable = [
    appJson.resizable ? 'app.json' : null,
    ...pages.filter(
      (page) =>
        existsSync(join(dist, `${page}.json`)) && JSON.parse(readFileSync(join(dist, `${page}.json`), 'utf8')).pageOrientation === 'auto',
    ),
  ].filter(Boolean)
  const js = filesWith(dist, '.js').map((file) => readFileSync(join(dist, file), 'utf8'))
  const tabs = new Set((appJson.tabBar?.list ?? []).map((item) => item.pagePath))
  const unreachable = pages.filter((page) => page !== appJson.pages[0] && !tabs.has(page) && !js.some((text) => text.includes(`/${page}`)))
  const origin = new URL(builtOrigin)
  const httpUrls = [...new Set(js.flatMap((text) => [...text.matchAll(/["'`](http:\/\/[^"'`\s]+)/g)].map((m) => m[1])))].filter((url) => {
    try {
      const host = new URL(url).hostname
      // Names, not addresses: XML namespaces and JSON Schema dialect URIs are never fetched.
      return !LOOPBACK.test(host) && !/^(www\.)?(w3\.org|json-schema\.org)$/.test(host)
    } catch {
      return false
    }
  })
  return {
    active,
    scrolling,
    resizable,
    unreachable,
    apiIsLoopback: LOOPBACK.test(origin.hostname),
    apiHttps: origin.protocol === 'https:',
    builtOrigin,
    httpUrls,
    pages,
  }
}

/**
 * Every rule as { group, rule, weight, result: 'pass' | 'fail' | 'not measured' | 'info', how, detail }
 * ('info': measured and shown, not enforced — only WXSS 使用率, which WeChat itself leaves unscored).
 * `report` is null when no headless run is available (then only the static rules can pass).
 */
export const evaluateRules = ({ report, dist, builtOrigin }) => {
  const s = staticFindings(dist, { builtOrigin })
  const rows = []
  const row = (group, rule, weight, how, outcome) => rows.push({ group, rule, weight, how, ...outcome })
  const pass = (detail) => ({ result: 'pass', detail })
  const fail = (detail) => ({ result: 'fail', detail })
  const notMeasured = (detail) => ({ result: 'not measured', detail })
  const runtime = (fn) => (report?.pages ? fn() : fail('no headless run report (npm run test:weapp)'))

  const visits = () => Object.entries(report.pages).flatMap(([page, entry]) => entry.visits.map((visit) => ({ page, ...visit })))
  const screens = () => report.screens ?? []
  const requests = () => report.requests ?? []

  // ---- 性能 ----------------------------------------------------------------------------------
  row('性能', '脚本执行时间', 7, 'device', notMeasured('needs the phone’s JS engine (DevTools or 真机性能诊断)'))
  row('性能', '首屏时间', 6, 'device', notMeasured('needs the phone’s rendering (DevTools or 真机性能诊断)'))
  row('性能', '渲染时间', 6, 'device', notMeasured('needs the phone’s rendering (DevTools or 真机性能诊断)'))
  row(
    '性能',
    'setData 调用频率 ≤ 20 次/秒',
    6,
    'run',
    runtime(() => {
      const worst = visits().sort((a, b) => b.perSecond - a.perSecond)[0]
      const over = visits()
        .filter((v) => v.perSecond > 20)
        .map((v) => `${v.page}: ${v.perSecond}/s`)
      return over.length ? fail(list(over)) : pass(`most in one second: ${worst?.perSecond ?? 0} (${worst?.page ?? '–'})`)
    }),
  )
  row(
    '性能',
    'setData 数据大小 ≤ 256 KB',
    6,
    'run',
    runtime(() => {
      const worst = visits().sort((a, b) => b.visit.maxBytes - a.visit.maxBytes)[0]
      const over = visits()
        .filter((v) => v.visit.maxBytes > SETDATA_LIMIT)
        .map((v) => `${v.page}: ${kb(v.visit.maxBytes)}`)
      return over.length ? fail(list(over)) : pass(`largest: ${kb(worst?.visit.maxBytes ?? 0)} (${worst?.page ?? '–'})`)
    }),
  )
  row(
    '性能',
    'WXML 节点数 < 1000, 深度 < 30, 子节点 ≤ 60',
    6,
    'run',
    runtime(() => {
      const trees = Object.entries(report.pages).map(([page, entry]) => ({ page, ...entry.tree }))
      const bad = trees
        .filter((t) => t.nodes >= 1000 || t.depth >= 30 || t.maxChildren > 60)
        .map((t) => `${t.page}: ${t.nodes} nodes, depth ${t.depth}, ${t.maxChildren} children (${t.widest})`)
      const most = trees.sort((a, b) => b.nodes - a.nodes)[0]
      return bad.length
        ? fail(list(bad))
        : pass(
            `largest tree: ${most.nodes} nodes (${most.page}); deepest ${Math.max(...trees.map((t) => t.depth))}; widest ${Math.max(...trees.map((t) => t.maxChildren))} children`,
          )
    }),
  )
  row(
    '性能',
    '请求耗时 ≤ 1 s',
    5,
    'run',
    runtime(() => {
      const slow = requests()
        .filter((r) => r.endedAt !== null && r.endedAt - r.startedAt > 1000)
        .map((r) => `${r.method} ${new URL(r.url).pathname} ${Math.round(r.endedAt - r.startedAt)} ms`)
      const slowest = Math.max(
        0,
        ...requests()
          .filter((r) => r.endedAt !== null)
          .map((r) => r.endedAt - r.startedAt),
      )
      return slow.length ? fail(list(slow)) : pass(`slowest ${Math.round(slowest)} ms (local API on this machine)`)
    }),
  )
  row(
    '性能',
    '网络请求数: 并发 ≤ 10',
    5,
    'run',
    runtime(() => {
      const byPage = new Map()
      for (const r of requests()) byPage.set(r.pageKey, [...(byPage.get(r.pageKey) ?? []), r])
      const worst = Math.max(0, ...[...byPage.values()].map(maxConcurrent))
      return worst > 10
        ? fail(`${worst} requests in flight at once`)
        : pass(`at most ${worst} in flight at once (every request counted, not only those over 300 ms)`)
    }),
  )
  row(
    '性能',
    '图片请求数: 同域名并发 ≤ 20',
    5,
    'run',
    runtime(() => {
      const worst = Math.max(0, ...screens().map((screen) => screen.images.filter((image) => /^https?:/.test(image.src)).length))
      return worst > 20 ? fail(`${worst} network images on one screen`) : pass(`at most ${worst} network image(s) on one screen`)
    }),
  )
  row(
    '性能',
    '图片缓存: 所有图片开启 HTTP 缓存',
    4,
    'run',
    runtime(() => {
      const images = Object.entries(report.imageResponses ?? {})
      const uncached = images
        .filter(([, r]) => !/max-age=[1-9]|immutable/.test(r.cacheControl ?? '') && !r.etag && !r.lastModified)
        .map(([url]) => new URL(url).pathname)
      return uncached.length
        ? fail(`no Cache-Control max-age, ETag or Last-Modified: ${list(uncached)}`)
        : pass(images.length ? `${images.length} network image(s), all cacheable` : 'no network images shown')
    }),
  )
  row(
    '性能',
    `图片大小: 宽×高 ≤ 显示宽×高 × ${DEVICE.pixelRatio}²`,
    4,
    'run + Chromium layout',
    runtime(() => {
      const all = screens().flatMap((screen) => screen.images.map((image) => ({ page: screen.page, ...image })))
      const loaded = all.filter((image) => image.naturalWidth > 0)
      const unloaded = all
        .filter((image) => image.naturalWidth === 0)
        .map((image) => `${image.page}: ${image.src.slice(0, 60)} did not load`)
      const big = loaded
        .filter((image) => image.naturalWidth * image.naturalHeight > image.width * image.height * DEVICE.pixelRatio ** 2)
        .map((image) => `${image.page}: ${image.naturalWidth}×${image.naturalHeight} shown at ${image.width}×${image.height}`)
      return big.length || unloaded.length
        ? fail(list([...big, ...unloaded]))
        : pass(loaded.length ? `${loaded.length} image(s) checked` : 'no images shown')
    }),
  )
  row(
    '性能',
    '网络请求缓存: 3 分钟内同一 URL 不重复返回相同的 >128 KB 内容',
    2,
    'run',
    runtime(() => {
      const seen = new Map()
      const repeats = []
      for (const r of requests().filter((entry) => entry.bodyHash)) {
        const key = `${r.phone}|${r.url}|${r.bodyHash}`
        const before = seen.get(key)
        if (before !== undefined && r.startedAt - before < 180_000) repeats.push(new URL(r.url).pathname)
        seen.set(key, r.startedAt)
      }
      const largest = Math.max(0, ...requests().map((r) => r.bytes))
      return repeats.length ? fail(list(repeats)) : pass(`largest answer ${kb(largest)}; no identical large answer twice`)
    }),
  )

  // ---- 体验 -------------------------------------------------------------------------------------
  row(
    '体验',
    '开启惯性滚动 (overflow 滚动处设 -webkit-overflow-scrolling: touch)',
    8,
    'static WXSS',
    s.scrolling.length ? fail(list(s.scrolling)) : pass('every overflow: scroll/auto rule has -webkit-overflow-scrolling: touch'),
  )
  row(
    '体验',
    '不用 :active 伪类做点击态 (用 hover-class)',
    8,
    'static WXSS',
    s.active.length ? fail(list(s.active)) : pass('no :active selector in any .wxss'),
  )
  row(
    '体验',
    '保持图片大小比例 (偏差 ≤ 15%)',
    4,
    'run + Chromium layout',
    runtime(() => {
      const distorted = screens()
        .flatMap((screen) => screen.images.map((image) => ({ page: screen.page, ...image })))
        .filter((image) => image.naturalWidth > 0 && image.mode === 'scaleToFill')
        .filter((image) => Math.abs(image.height / image.width / (image.naturalHeight / image.naturalWidth) - 1) > 0.15)
        .map((image) => `${image.page}: ${image.naturalWidth}×${image.naturalHeight} drawn ${image.width}×${image.height}`)
      return distorted.length
        ? fail(list(distorted))
        : pass('every image keeps its proportions (mode aspectFill/aspectFit/widthFix or matching box)')
    }),
  )
  row(
    '体验',
    `可点击元素的响应区域 ≥ ${TAP_TARGET_PX}×${TAP_TARGET_PX} px (微信要求 ${WECHAT_TAP_FLOOR_PX} px)`,
    3,
    'run + Chromium layout',
    runtime(() => {
      const small = new Map()
      for (const screen of screens()) {
        for (const tap of screen.taps) {
          if (tap.width >= TAP_TARGET_PX && tap.height >= TAP_TARGET_PX) continue
          const key = `${screen.page} .${tap.cls.split(' ')[0] || tap.tag}`
          if (!small.has(key)) small.set(key, `${key} "${tap.label}" ${tap.width}×${tap.height}`)
        }
      }
      const count = screens().reduce((sum, screen) => sum + screen.taps.length, 0)
      return small.size
        ? fail(`${small.size} kind(s) below ${TAP_TARGET_PX} px: ${list([...small.values()], 8)}`)
        : pass(`${count} tap targets on ${screens().length} screens, all ≥ ${TAP_TARGET_PX}×${TAP_TARGET_PX}`)
    }),
  )
  row(
    '体验',
    'iPhone X 兼容 (fixed 且高 < 68 px 的可交互组件在安全区内)',
    3,
    'run + Chromium layout',
    runtime(() => {
      const bad = screens()
        .flatMap((screen) => screen.fixed.map((el) => ({ page: screen.page, viewport: screen.viewportHeight, ...el })))
        .filter((el) => el.interactive && el.height < 68 && el.lowestTargetBottom > el.viewport - DEVICE.safeAreaBottomInset + 0.5)
        .map((el) => `${el.page}: .${el.cls.split(' ')[0]} reaches ${Math.round(el.lowestTargetBottom)} of ${el.viewport} px`)
      const checked = screens().reduce((sum, screen) => sum + screen.fixed.filter((el) => el.interactive).length, 0)
      return bad.length
        ? fail(list(bad))
        : pass(`${checked} fixed interactive element(s) checked with a ${DEVICE.safeAreaBottomInset} px home-indicator inset`)
    }),
  )
  row(
    '体验',
    '窗口变化适配',
    3,
    'static app.json',
    s.resizable.length
      ? fail(`resizable without adaptation check: ${list(s.resizable)}`)
      : pass('no page allows resizing (app.json resizable / pageOrientation auto unset)'),
  )
  row(
    '体验',
    '合理的颜色搭配 (对比度 ≥ 4.5，大字 ≥ 3)',
    0,
    'run + Chromium layout (axe-core)',
    runtime(() => {
      const low = new Map()
      for (const screen of screens())
        for (const c of screen.contrast ?? [])
          low.set(
            `${screen.page} "${c.text}"`,
            `${screen.page} "${c.text}": ${c.summary.replace(/^Element has insufficient color contrast of /, '')}`,
          )
      return low.size ? fail(list([...low.values()])) : pass(`every text on ${screens().length} screens has enough contrast`)
    }),
  )

  // ---- 最佳实践 ---------------------------------------------------------------------------------
  row(
    '最佳实践',
    '避免 JS 异常',
    3,
    'run',
    runtime(() =>
      report.errors.length
        ? fail(list(report.errors.map((e) => `${e.page}: ${e.message}`)))
        : pass(`none in ${report.journeys.length} journeys`),
    ),
  )
  row(
    '最佳实践',
    '避免网络请求异常 (2xx; 未授权时 401/403)',
    3,
    'run',
    runtime(() => {
      const bad = requests()
        .filter((r) => r.error || (r.status !== null && r.status >= 400 && r.status !== 401 && r.status !== 403))
        .map((r) => `${r.method} ${new URL(r.url).pathname} ${r.error ?? r.status}`)
      return bad.length ? fail(list(bad)) : pass(`${requests().length} requests, none failed`)
    }),
  )
  row(
    '最佳实践',
    '不使用废弃接口',
    2,
    'run',
    runtime(() => {
      const catalogue = wxApiCatalogue()
      const used = [...new Set(report.apiCalls.map((call) => call.name))]
      const deprecated = used
        .filter((name) => catalogue.get(name)?.deprecated)
        .map((name) => `wx.${name}: ${catalogue.get(name).deprecated}`)
      return deprecated.length ? fail(list(deprecated)) : pass(`${used.length} wx APIs called, none deprecated in miniprogram-api-typings`)
    }),
  )
  row(
    '最佳实践',
    '使用 HTTPS',
    1,
    'static + run',
    (() => {
      if (s.httpUrls.length) return fail(`plain http URLs in the build: ${list(s.httpUrls)}`)
      if (s.apiHttps) return pass(`API ${s.builtOrigin}`)
      if (s.apiIsLoopback)
        return pass(`local build (API ${s.builtOrigin} on loopback; WeChat refuses it on a phone); any other host must be https — checked`)
      return fail(`API ${s.builtOrigin} is not https: set TARO_APP_API_BASE=https://…`)
    })(),
  )
  row(
    '最佳实践',
    '避免 setData 数据冗余',
    1,
    'run',
    runtime(() => {
      const unbound = Object.entries(report.pages)
        .filter(([, entry]) => entry.unboundKeys.length)
        .map(([page, entry]) => `${page}: ${[...new Set(entry.unboundKeys)].join(', ')}`)
      return unbound.length ? fail(list(unbound)) : pass('every top-level key a page sends is read by its template')
    }),
  )
  row(
    '最佳实践',
    `最低基础库版本 (${report?.libVersion ?? 'project.config.json'})`,
    0,
    'run',
    runtime(() => {
      const catalogue = wxApiCatalogue()
      const newer = [...new Set(report.apiCalls.map((call) => call.name))].filter(
        (name) => catalogue.get(name)?.since && compareVersions(catalogue.get(name).since, report.libVersion) > 0,
      )
      return newer.length
        ? fail(newer.map((name) => `wx.${name} needs ${catalogue.get(name).since}`).join('; '))
        : pass(`every wx API called exists in ${report.libVersion}`)
    }),
  )
  row(
    '最佳实践',
    '移除不可访问到的页面',
    0,
    'static + run',
    (() => {
      const unopened = report?.pages
        ? Object.entries(report.pages)
            .filter(([, entry]) => !entry.opened)
            .map(([page]) => page)
        : []
      if (s.unreachable.length) return fail(`no link to: ${list(s.unreachable)}`)
      if (unopened.length) return fail(`never opened by the journeys: ${list(unopened)}`)
      return pass(`${s.pages.length} pages, each linked from the code${report?.pages ? ' and opened by the journeys' : ''}`)
    })(),
  )
  row(
    '最佳实践',
    'WXSS 使用率 (每个样式表未用部分 ≤ 2 KB)',
    0,
    'run + Chromium layout',
    runtime(() => {
      const sheets = report.wxss ?? []
      const over = sheets.filter((sheet) => sheet.unusedBytes > UNUSED_LIMIT_BYTES)
      const name = (file) => (file.includes('/sub-common/') ? file.split('/').pop() : file)
      const distinct = new Map(over.map((sheet) => [name(sheet.file), sheet]))
      const detail = over.length
        ? `${over.length} of ${sheets.length} sheets leave more than 2 KB unused on the screens drawn (${list(
            [...distinct.values()].map((sheet) => `${name(sheet.file)} ${kb(sheet.unusedBytes)} of ${kb(sheet.bytes)}`),
            5,
          )}), mostly NutUI component styles for states the journeys do not open; WeChat scores it 0 and depends on the path taken, so it is reported, not enforced`
        : `every sheet uses all but 2 KB on the screens drawn`
      return { result: over.length ? 'info' : 'pass', detail }
    }),
  )
  row(
    '最佳实践',
    '及时回收定时器',
    0,
    'run',
    runtime(() => {
      const stray = (report.timers ?? [])
        .filter((t) => t.ms > 0)
        .map(
          (t) =>
            `${t.kind} ${t.ms} ms set on ${t.setOn.split('#')[0]} ${t.ranOn ? `ran on ${t.ranOn.split('#')[0]}` : 'still pending after the page closed'}`,
        )
      return stray.length
        ? fail(list(stray))
        : pass('every timer with a delay ran on the page that set it, none outlived its page (setTimeout 0 continuations aside)')
    }),
  )
  return rows
}

export const rulesTable = (rows) =>
  [
    '| 分类 | 规则 | 权重 | 检查方式 | 结果 | 说明 |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.group} | ${r.rule} | ${r.weight} | ${r.how} | ${{ pass: '✅ 通过', fail: '❌ 未通过', info: 'ℹ️ 提示' }[r.result] ?? '– 未测（需真机）'} | ${String(r.detail).replace(/\|/g, '\\|')} |`,
    ),
  ].join('\n')
