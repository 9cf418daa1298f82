// Before the journeys, test:weapp proves its net catches what it is for, on a tiny mini-program made
// here: a broken template or style sheet (file and line), a browser-only API, dynamic code, a
// setData over 256 KB, a require across subpackages. If one of these slipped through, a green run
// of the real build would mean nothing.
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { CompileError, compileWxml, compileWxss, loadTemplates } from './compile.mjs'
import { SETDATA_LIMIT } from './metrics.mjs'
import { MiniProgram, cleanText, textOf } from './mini-program.mjs'
import { createWx } from './wx.mjs'

const APP = {
  'app.json': JSON.stringify({
    pages: ['pages/a/index'],
    subPackages: [
      { root: 'pkg-b', pages: ['index'] },
      { root: 'pkg-c', pages: ['index'] },
    ],
  }),
  'app.js': 'App({})',
  'app.wxss': 'page { color: #1f2329; }',
  'pages/a/index.json': '{}',
  'pages/a/index.wxml': '<view class="title">{{title}}</view>',
  'pages/a/index.wxss': '.title { font-size: 32rpx; }',
  'pages/a/index.js': `Page({
    data: { title: '' },
    onLoad(query) {
      this.setData({ title: '你好' })
      if (query.browser) window.localStorage.setItem('a', '1')
      if (query.dynamic) new Function('return 1')()
      if (query.big) this.setData({ title: 'x'.repeat(${SETDATA_LIMIT} + 1) })
    },
  })`,
  'pkg-b/index.json': '{}',
  'pkg-b/index.wxml': '<view>b</view>',
  'pkg-b/index.js': "require('../pkg-c/util.js'); Page({})",
  'pkg-c/index.json': '{}',
  'pkg-c/index.wxml': '<view>c</view>',
  'pkg-c/index.js': 'Page({})',
  'pkg-c/util.js': 'module.exports = 1',
}

const write = (root, files) => {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true })
    writeFileSync(join(root, file), text)
  }
}

const refused = (fn, file, line) => {
  try {
    fn()
  } catch (error) {
    assert.ok(error instanceof CompileError, String(error))
    assert.ok(
      error.problems.some((p) => p.file === file && p.line === line),
      `the compiler names ${file}:${line}: ${error.message}`,
    )
    return
  }
  assert.fail(`${file} was compiled although it is broken`)
}

export const selfCheck = async () => {
  const root = mkdtempSync(join(tmpdir(), 'parklink-weapp-self-'))
  try {
    write(root, APP)
    const templates = loadTemplates(compileWxml(root))
    compileWxss(root)
    const launch = (query) => {
      const mp = new MiniProgram({
        dist: root,
        templates,
        createWx: (host) =>
          createWx(host, {
            builtOrigin: 'http://127.0.0.1:1',
            apiOrigin: 'http://127.0.0.1:1',
            libVersion: '3.4.0',
            nextLoginCode: () => 'code',
          }).wx,
      })
      mp.launch({ path: 'pages/a/index', query })
      return mp
    }

    const plain = launch({})
    assert.equal(plain.errors.length, 0)
    assert.equal(cleanText(textOf(plain.render())), '你好', 'the page renders its data through the compiled template')
    assert.match(launch({ browser: '1' }).errors[0]?.message ?? '', /reading 'localStorage'/, 'a browser-only API fails as in WeChat')
    assert.match(launch({ dynamic: '1' }).errors[0]?.message ?? '', /EvalError|Code generation/, 'new Function is refused as in WeChat')
    assert.ok(
      launch({ big: '1' }).setDataLog.some((entry) => entry.bytes > SETDATA_LIMIT),
      'a setData over 256 KB is measured',
    )
    const crossing = launch({})
    assert.throws(() => crossing.navigate('navigateTo', '/pkg-b/index'), /is not defined/, 'one subpackage cannot require another')

    write(root, { 'pages/a/index.wxml': '<view>\n  <text>{{title}}</view>\n' })
    refused(() => compileWxml(root), 'pages/a/index.wxml', 2)
    write(root, {
      'pages/a/index.wxml': APP['pages/a/index.wxml'],
      'pages/a/index.wxss': '.title { color: red; }\n.more { color: red; }}\n',
    })
    refused(() => compileWxss(root), 'pages/a/index.wxss', 2)
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}
