#!/usr/bin/env node
// `npm run check:weapp`: the mini-program quality gate on the production weapp build in dist/.
// - app.json and every page's JSON validate against the official schemas shipped in miniprogram-ci;
// - analyseCode finds no missing module, checkCodeQuality passes;
// - prints the main package and each subpackage size; fails above 1.5 MB (main) or 2 MB (subpackage),
//   above WeChat's 20 MB for all packages together, or when the main package is more than 1.3× the
//   main package of a Taro hello-world built with the same toolchain (scripts/bench/hello-world.mjs,
//   built once per set of inputs and cached in node_modules/.cache);
// - fails if staff code lands in the main package;
// - scores WeChat's 体验评分 rules (test/weapp/rules.mjs) on the build and on the headless run of it
//   (test/weapp/run.mjs: reuses build/weapp-run/report.json when it was made from this very build,
//   runs it otherwise — it needs build/api); device-only rules are listed as not measured.
// Runs offline: miniprogram-ci needs a private key file only to construct the project, any RSA key will do.
import { generateKeyPairSync } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { helloWorldWeappFloor } from './bench/hello-world.mjs'
import { builtApiOrigin } from '../test/weapp/environment.mjs'
import { evaluateRules, rulesTable } from '../test/weapp/rules.mjs'
import { REPORT, fingerprint, runWeapp } from '../test/weapp/run.mjs'

const require = createRequire(import.meta.url)
const ci = require('miniprogram-ci')
const { config: schemas } = require('miniprogram-ci/dist/schema/dist/index.js')
const Ajv = require('ajv')

const root = process.cwd()
const dist = join(root, 'dist')
const MAIN_LIMIT = 1.5 * 1024 * 1024
const SUB_LIMIT = 2 * 1024 * 1024
// WeChat's own limits: every package together, and our main package against Taro's floor.
const TOTAL_LIMIT = 20 * 1024 * 1024
const FLOOR_RATIO = 1.3
const failures = []
const fail = (message) => failures.push(message)
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`

if (!existsSync(join(dist, 'app.json'))) {
  console.error('dist/app.json 不存在：请先运行 npm run build:weapp')
  process.exit(1)
}
// The hello-world build takes a minute when it is not cached: start it now, alongside the checks.
const floor = helloWorldWeappFloor().catch((error) => ({ error }))
const appJson = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8'))
const subPackages = appJson.subPackages ?? appJson.subpackages ?? []

// 1. JSON schemas.
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false })
const validateApp = ajv.compile(schemas.app)
const validatePage = ajv.compile(schemas.page)
const describe = (errors) => (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')
if (!validateApp(appJson)) fail(`app.json: ${describe(validateApp.errors)}`)
const pagePaths = [...appJson.pages, ...subPackages.flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))]
for (const page of pagePaths) {
  const file = join(dist, `${page}.json`)
  if (!existsSync(file)) {
    fail(`${page}.json 缺失`)
    continue
  }
  const json = JSON.parse(readFileSync(file, 'utf8'))
  if (!validatePage(json)) fail(`${page}.json: ${describe(validatePage.errors)}`)
}
console.log(`JSON schema: app.json + ${pagePaths.length} 个页面配置已校验`)

// 2. Sizes from the files on disk: everything outside a subpackage root is the main package.
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })
}
const files = walk(dist).map((path) => ({ path: relative(dist, path), size: statSync(path).size }))
const rootOf = (path) => subPackages.find((sub) => path.startsWith(`${sub.root.replace(/\/$/, '')}/`))?.root
const sizes = new Map([['主包', 0]])
for (const sub of subPackages) sizes.set(sub.root, 0)
for (const file of files) {
  const key = rootOf(file.path) ?? '主包'
  sizes.set(key, sizes.get(key) + file.size)
}
console.log('\n| 包 | 大小 |\n|---|---|')
for (const [name, size] of sizes) console.log(`| ${name} | ${kb(size)} |`)
const total = [...sizes.values()].reduce((sum, size) => sum + size, 0)
console.log(`| 全部（主包 + 分包） | ${kb(total)} |`)
if (sizes.get('主包') > MAIN_LIMIT) fail(`主包 ${kb(sizes.get('主包'))} 超过 1.5 MB`)
for (const sub of subPackages) if (sizes.get(sub.root) > SUB_LIMIT) fail(`分包 ${sub.root} ${kb(sizes.get(sub.root))} 超过 2 MB`)
if (total > TOTAL_LIMIT) fail(`全部包 ${kb(total)} 超过微信的 20 MB`)

// 3. Staff code must stay in its subpackage. Staff-only API paths are the fingerprint of the staff modules
// (src/features/staff-desk); the shared session store only knows the '/api/staff/' prefix.
const STAFF_FINGERPRINTS = ['/api/staff/requests', '/api/staff/dashboard', '/api/staff/canned-replies', '/api/staff/members']
const containsStaffCode = (file) => {
  const text = readFileSync(join(dist, file.path), 'utf8')
  return STAFF_FINGERPRINTS.some((fingerprint) => text.includes(fingerprint))
}
const jsFiles = files.filter((file) => file.path.endsWith('.js'))
const leaked = jsFiles.filter((file) => !rootOf(file.path) && containsStaffCode(file))
if (leaked.length) fail(`工作人员代码进入了主包：${leaked.map((f) => f.path).join(', ')}`)
if (subPackages.some((sub) => sub.root === 'staff') && !jsFiles.some((file) => rootOf(file.path) === 'staff' && containsStaffCode(file))) {
  fail('staff 分包里没有工作人员接口代码：无法确认分包隔离')
}
console.log(`分包隔离：主包 ${leaked.length} 个文件含工作人员代码`)

// 3b. The main package stays lean: the tab pages draw with Taro's own components, and API answers
// are typed, not parsed, so neither NutUI nor the zod runtime may land there (they cost ~200 KB).
const read = (file) => readFileSync(join(dist, file.path), 'utf8')
const mainJs = jsFiles.filter((file) => !rootOf(file.path))
const heavy = [
  ['NutUI', (text) => text.includes('nut-')],
  ['zod', (text) => text.includes('ZodError') || text.includes('$ZodType')],
]
for (const [name, found] of heavy) {
  const inMain = mainJs.filter((file) => found(read(file)))
  if (inMain.length) fail(`${name} 进入了主包：${inMain.map((f) => f.path).join(', ')}`)
}
console.log('主包：不含 NutUI 与 zod 运行时')

// 3c. NutUI's theme is imported per page (src/styles/nutui-theme.scss): a page whose package ships NutUI
// without it would show NutUI's default red.
const unthemed = pagePaths.filter((page) => {
  const root = rootOf(`${page}.js`)
  const packageJs = jsFiles.filter((file) => rootOf(file.path) === root)
  if (!packageJs.some((file) => read(file).includes('nut-'))) return false
  const wxss = join(dist, `${page}.wxss`)
  return !existsSync(wxss) || !readFileSync(wxss, 'utf8').includes('--nutui-color-primary')
})
if (unthemed.length) fail(`这些页面用了 NutUI 却没有引入主题 src/styles/nutui-theme.scss：${unthemed.join(', ')}`)

// 4. miniprogram-ci: dependency analysis and code quality.
const keyDir = mkdtempSync(join(tmpdir(), 'parklink-ci-key-'))
const keyPath = join(keyDir, 'private.key')
writeFileSync(keyPath, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }))
const project = new ci.Project({
  appid: JSON.parse(readFileSync(join(root, 'project.config.json'), 'utf8')).appid,
  type: 'miniProgram',
  projectPath: dist,
  privateKeyPath: keyPath,
  ignores: ['node_modules/**/*'],
})

const analysis = await ci.analyseCode(project)
const broken = (analysis.modules ?? []).flatMap((module) => [
  ...(module.errors ?? []).map((error) => `${module.id}: ${error}`),
  ...(module.deps ?? []).filter((dep) => dep.error).map((dep) => `${module.id} → ${dep.request}: ${dep.error}`),
])
if (broken.length) fail(`analyseCode 发现缺失或错误的模块：\n  ${broken.join('\n  ')}`)
console.log(`\nanalyseCode: ${analysis.modules?.length ?? 0} 个模块，${broken.length} 个问题`)

const quality = await ci.checkCodeQuality(project)
console.log('\n| checkCodeQuality | 结果 |\n|---|---|')
for (const item of quality) {
  console.log(`| ${item.name} | ${item.success ? '通过' : `未通过：${item.text}`} |`)
  if (!item.success) fail(`checkCodeQuality ${item.name}: ${item.text}`)
}

// 5. The main package against the Taro hello-world floor from the same toolchain.
const helloWorld = await floor
if (helloWorld.error) fail(`无法构建 Taro hello-world 作为主包基准：${helloWorld.error.message}`)
else {
  const ratio = sizes.get('主包') / helloWorld.mainBytes
  console.log(
    `\n主包 ${kb(sizes.get('主包'))} / Taro hello-world 主包 ${kb(helloWorld.mainBytes)}${helloWorld.cached ? '（缓存）' : ''} = ${ratio.toFixed(2)}×（上限 ${FLOOR_RATIO}×）`,
  )
  if (ratio > FLOOR_RATIO) fail(`主包是 Taro hello-world 的 ${ratio.toFixed(2)} 倍，超过 ${FLOOR_RATIO} 倍`)
}

// 6. WeChat's 体验评分 rules: on the build, and on the headless run of this very build.
let report = existsSync(REPORT) ? JSON.parse(readFileSync(REPORT, 'utf8')) : null
if (report?.fingerprint !== fingerprint(dist)) {
  console.log('\n无此构建的无头运行报告：运行 test/weapp/run.mjs …')
  report = await runWeapp({ dist, log: () => undefined })
}
if (report.failures?.length) fail(`无头运行（npm run test:weapp）未通过：\n  ${report.failures.join('\n  ')}`)
const rows = evaluateRules({ report: report.pages ? report : null, dist, builtOrigin: builtApiOrigin(dist) })
console.log(
  `\n### 微信体验评分（${rows.filter((r) => r.result === 'pass').length} 通过，${rows.filter((r) => r.result === 'fail').length} 未通过，${rows.filter((r) => r.result === 'info').length} 提示，${rows.filter((r) => r.result === 'not measured').length} 需真机未测）\n\n${rulesTable(rows)}`,
)
for (const row of rows) if (row.result === 'fail') fail(`体验评分「${row.rule}」：${row.detail}`)

if (failures.length) {
  console.error(`\n小程序质量门禁未通过：\n- ${failures.join('\n- ')}`)
  process.exit(1)
}
console.log('\n小程序质量门禁通过')
// miniprogram-ci leaves a file watcher running; the gate is done.
process.exit(0)
