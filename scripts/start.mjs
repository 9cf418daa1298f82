#!/usr/bin/env node
// `npm start`: the whole thing on embedded defaults.
// API (PGlite in .data/, migrated and seeded with demo content and demo staff), the H5 app with live reload,
// and the weapp build in dist/ kept up to date for WeChat DevTools.
import { spawn } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'

const apiPort = Number(process.env.PORT || 3000)
const h5Port = Number(process.env.H5_PORT || 10086)
const apiBase = process.env.TARO_APP_API_BASE || `http://127.0.0.1:${apiPort}`
const bin = (name) => `node_modules/.bin/${name}`
const children = []

function run(label, command, args, env) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  const prefix = (chunk) =>
    String(chunk)
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => `[${label}] ${line}`)
      .join('\n')
  child.stdout.on('data', (chunk) => console.log(prefix(chunk)))
  child.stderr.on('data', (chunk) => console.error(prefix(chunk)))
  child.on('exit', (code) => {
    console.log(`[${label}] 已退出 (${code ?? 'signal'})`)
    if (label === 'api' && !stopping) stop(code ?? 1)
  })
  children.push(child)
  return child
}

let stopping = false
function stop(code = 0) {
  stopping = true
  for (const child of children) child.kill('SIGTERM')
  setTimeout(() => process.exit(code), 1500).unref()
}
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))

run('api', bin('tsx'), ['cloud/src/server.ts'], { NODE_ENV: 'development', PORT: String(apiPort), SEED_DEMO_STAFF: '1' })

async function waitForApi() {
  for (let i = 0; i < 120; i += 1) {
    try {
      const res = await fetch(`http://127.0.0.1:${apiPort}/api/health`)
      if (res.ok) return true
    } catch {
      // not up yet
    }
    await sleep(500)
  }
  return false
}

// The mini-program's staff share page links to this H5 server.
const h5Base = process.env.TARO_APP_H5_BASE || `http://127.0.0.1:${h5Port}`
const buildEnv = { TARO_APP_API_BASE: apiBase, TARO_APP_H5_BASE: h5Base, NODE_ENV: 'development', H5_PORT: String(h5Port) }
if (await waitForApi()) {
  run('h5', bin('taro'), ['build', '--type', 'h5', '--watch'], buildEnv)
  run('weapp', bin('taro'), ['build', '--type', 'weapp', '--watch'], buildEnv)
  console.log(`
园区通已启动：
  API       ${apiBase}   (OpenAPI: ${apiBase}/openapi.json)
  H5        http://127.0.0.1:${h5Port}/   (首次编译约 30 秒)
  小程序    dist/ 持续编译中：用微信开发者工具导入本项目根目录（project.config.json）
按 Ctrl+C 退出。`)
} else {
  console.error('API 未能在 60 秒内启动，请查看上面的 [api] 日志。')
  stop(1)
}
