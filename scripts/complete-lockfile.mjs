#!/usr/bin/env node
// Makes package-lock.json usable by `npm ci` when the registry serves only some optional packages.
// - @tarojs/binding has one prebuilt binary per platform; a registry mirror that lacks the other platforms
//   leaves them out of the lock, and `npm ci` then refuses the lock as out of sync. They get the entries npm
//   itself writes for a foreign platform (os/cpu set), so npm ci skips them without downloading.
// - NutUI's optional usage-stats (telemetry) tool is not served at all: it is dropped; we do not want it anyway.
// Run after any `npm install` that rewrites the lock: `node scripts/complete-lockfile.mjs`.
import { readFileSync, writeFileSync } from 'node:fs'

const file = 'package-lock.json'
const lock = JSON.parse(readFileSync(file, 'utf8'))
const packages = lock.packages
const platforms = {
  'darwin-arm64': { os: ['darwin'], cpu: ['arm64'] },
  'darwin-x64': { os: ['darwin'], cpu: ['x64'] },
  'linux-arm64-gnu': { os: ['linux'], cpu: ['arm64'], libc: ['glibc'] },
  'linux-x64-gnu': { os: ['linux'], cpu: ['x64'], libc: ['glibc'] },
  'win32-x64-msvc': { os: ['win32'], cpu: ['x64'] },
}
let changed = 0

const binding = packages['node_modules/@tarojs/binding']
for (const [name, version] of Object.entries(binding?.optionalDependencies ?? {})) {
  const key = `node_modules/${name}`
  if (packages[key]) continue
  const platform = platforms[name.replace('@tarojs/binding-', '')]
  if (!platform) throw new Error(`unknown platform package ${name}`)
  const tarball = `https://registry.npmjs.org/${name}/-/${name.split('/')[1]}-${version}.tgz`
  packages[key] = { version, resolved: tarball, ...platform, dev: true, license: 'MIT', optional: true, engines: { node: '>= 18' } }
  changed += 1
}

for (const entry of Object.values(packages)) {
  if (entry.optionalDependencies?.['@jmfe/npm-usage-stats-tool']) {
    delete entry.optionalDependencies['@jmfe/npm-usage-stats-tool']
    if (Object.keys(entry.optionalDependencies).length === 0) delete entry.optionalDependencies
    changed += 1
  }
}

const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))))
lock.packages = sorted
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`)
console.log(changed ? `package-lock.json: ${changed} 处补全` : 'package-lock.json 已完整')
