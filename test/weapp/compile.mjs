// WeChat's own compilers on the weapp build: wcc turns every .wxml (with its .wxs) into the render
// functions the mini-program's view layer runs, wcsc checks every .wxss and produces the style sheets.
// Both come from the npm package miniprogram-compiler, which ships the official Linux binaries
// without their run bit (CI installs with ignore-scripts): they are made executable here.
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import vm from 'node:vm'

const require = createRequire(import.meta.url)
const compilerDir = dirname(require.resolve('miniprogram-compiler/package.json'))
const { wxmlToJs } = require('miniprogram-compiler')
const BIN = join(compilerDir, 'bin', process.platform === 'darwin' ? 'mac' : 'linux')
const WCSC = join(BIN, 'wcsc')
const MAX_BUFFER = 256 * 1024 * 1024

/** A compile error with the file and line the compiler named. */
export class CompileError extends Error {
  constructor(tool, problems) {
    super(`${tool} refused the build:\n${problems.map((p) => `  ${p.file}:${p.line}:${p.column}: ${p.reason}`).join('\n')}`)
    this.name = 'CompileError'
    this.problems = problems
  }
}

export const makeCompilersExecutable = () => {
  if (process.platform === 'win32') return
  for (const name of ['wcc', 'wcsc']) {
    const file = join(BIN, name)
    if (!(statSync(file).mode & 0o111)) chmodSync(file, 0o755)
  }
}

const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })

export const filesWith = (dist, ext) =>
  walk(dist)
    .map((file) => relative(dist, file).split('\\').join('/'))
    .filter((file) => file.endsWith(ext))
    .sort()

/** wcc: file:line:col: reason (the package wraps it in its own sentence). */
const parseWccError = (message) => {
  const problems = [...message.matchAll(/([^\s：:]+\.(?:wxml|wxs)):(\d+):(\d+):\s*([^\n]+)/g)].map((m) => ({
    file: m[1],
    line: Number(m[2]),
    column: Number(m[3]),
    reason: m[4].trim(),
  }))
  return problems.length ? problems : [{ file: '(wcc)', line: 0, column: 0, reason: message.trim() }]
}

/**
 * Compiles every .wxml and .wxs of `dist` with wcc; throws CompileError naming the file and line.
 * Returns the source of the render-function factory ($gwx) the view layer uses.
 */
export const compileWxml = (dist) => {
  makeCompilersExecutable()
  try {
    return wxmlToJs(dist, { maxBuffer: MAX_BUFFER })
  } catch (error) {
    throw new CompileError('wcc', parseWccError(String(error.message ?? error)))
  }
}

/**
 * The view layer's $gwx in a context of its own (the webview, not the app service): $gwx(path)
 * returns the page's or component's render function, (data) => virtual tree. Data crosses into that
 * context as JSON, as setData data crosses to WeChat's view layer (WXS checks the realm's Object).
 */
export const loadTemplates = (wccSource) => {
  const context = vm.createContext({ console: process.env.WCC_DEBUG ? console : { log() {}, warn() {}, error() {} } })
  context.window = context
  const $gwx = vm.runInContext(`(function (global) {${wccSource}\n})`, context, { filename: 'wcc-output.js' })({})
  const parse = vm.runInContext('JSON.parse', context)
  const toView = (data) => parse(JSON.stringify(data ?? {}))
  return (path) => {
    const render = $gwx(path)
    if (typeof render !== 'function') return render
    /** `wrap` lets a caller observe the data (a Proxy) after it crossed over. */
    return (data, wrap = (x) => x) => render(wrap(toView(data)), {}, {})
  }
}

const parseWcscErrors = (text) =>
  [...text.matchAll(/ERR:\s*([^\s(]+)\((\d+):(\d+)\):\s*([^\n]+)/g)].map((m) => ({
    file: m[1],
    line: Number(m[2]),
    column: Number(m[3]),
    reason: m[4].trim(),
  }))

/** Like WeChat DevTools: page, component and app style sheets (a .json beside them) first, counted by -pc. */
const wcscArgs = (dist, files) => {
  const own = files.filter((file) => existsSync(join(dist, file.replace(/\.wxss$/, '.json'))))
  const imported = files.filter((file) => !own.includes(file))
  return { own, args: ['-db', '-pc', String(own.length), ...own, ...imported] }
}

const runWcsc = (dist, args) => spawnSync(WCSC, args, { cwd: dist, maxBuffer: MAX_BUFFER, encoding: 'utf8' })

/**
 * Compiles every .wxss of `dist` with wcsc; throws CompileError with the refused file and line.
 * Returns { comm, files: { 'path.wxss': expression } }: the style sheet code the webview runs
 * (imported sheets live in comm, each page's and the app's sheet is an expression of its own).
 */
export const compileWxss = (dist) => {
  makeCompilersExecutable()
  const files = filesWith(dist, '.wxss')
  const { own, args } = wcscArgs(dist, files)
  const all = runWcsc(dist, args)
  if (all.error) throw all.error
  if (all.status !== 0) {
    const text = `${all.stdout}\n${all.stderr}`
    const problems = parseWcscErrors(text)
    throw new CompileError('wcsc', problems.length ? problems : [{ file: '(wcsc)', line: 0, column: 0, reason: text.trim() }])
  }
  // version=…=comm=<js>=<file>=<js>…; '=' inside the code is escaped as \x3d.
  const parts = all.stdout.split('=')
  const out = { comm: '', files: {} }
  for (let i = 0; i + 1 < parts.length; i += 2) {
    if (parts[i] === 'comm') out.comm = parts[i + 1]
    else if (parts[i].endsWith('.wxss')) out.files[parts[i]] = parts[i + 1]
  }
  const missing = own.filter((file) => !(file in out.files))
  if (missing.length)
    throw new CompileError(
      'wcsc',
      missing.map((file) => ({ file, line: 0, column: 0, reason: 'no output for this file' })),
    )
  return out
}
