#!/usr/bin/env node
// PGlite memory and start-up of the production API build (npm run build:api first): starts
// build/api on a fresh DATA_DIR (initdb, migrations, the bundled content imported), then again on
// that folder, and prints for each start the time to the first 200 from /api/health and the
// process's resident memory then (VmRSS) and at its highest (VmHWM). Not a test, not in CI.
//   node scripts/bench/pglite-start.mjs [runs]      (extra env, e.g. PGLITE_SHARED_BUFFERS, is passed on)
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort, repoRoot } from '../../test/load/api-process.mjs'

const runs = Number(process.argv[2] ?? 1)
const memory = (pid) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)[1])
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) }
}

const start = async (dataDir) => {
  const port = await freePort()
  const began = performance.now()
  const child = spawn(process.execPath, ['build/api/cloud/src/server.js'], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(48), PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`)
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (response) => response.ok,
        () => false,
      )
      if (ok) break
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    const ms = Math.round(performance.now() - began)
    await new Promise((resolve) => setTimeout(resolve, 1000))
    return { ms, ...memory(child.pid) }
  } finally {
    child.kill('SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
  }
}

const rows = []
for (let run = 0; run < runs; run++) {
  const dataDir = mkdtempSync(join(tmpdir(), 'pglite-start-'))
  try {
    rows.push({ start: 'fresh folder', ...(await start(dataDir)) })
    rows.push({ start: 'existing folder', ...(await start(dataDir)) })
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}
console.log('| start | first /api/health (ms) | RSS then (MB) | peak RSS (MB) |\n|---|---|---|---|')
for (const row of rows) console.log(`| ${row.start} | ${row.ms} | ${row.rssMb} | ${row.peakMb} |`)
