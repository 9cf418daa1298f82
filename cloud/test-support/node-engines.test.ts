import fs from 'node:fs'
import path from 'node:path'
import semver from 'semver'

// `npm install` warns (EBADENGINE) about every installed package whose engines.node refuses the Node
// it runs on. The oldest Node package.json promises must satisfy every package in the lock, so a new
// user on that version sees no warning (issue 15.18: cookie@2 via fastify wanted Node 22).

const root = path.resolve(__dirname, '../..')
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>

test('every installed package accepts the oldest Node that package.json supports', () => {
  const supported = (read('package.json').engines as { node: string }).node
  const oldest = semver.minVersion(supported)!.version
  const packages = read('package-lock.json').packages as Record<string, { engines?: { node?: string }; os?: string[]; cpu?: string[] }>
  const refusing = Object.entries(packages)
    // Packages for another platform are never installed here (npm skips them), so they never warn.
    .filter(([name, entry]) => name !== '' && !entry.os && !entry.cpu && typeof entry.engines?.node === 'string')
    .filter(([, entry]) => !semver.satisfies(oldest, entry.engines!.node!))
    .map(([name, entry]) => `${name.replace(/^.*node_modules\//, '')} wants node ${entry.engines!.node}`)
  expect({ oldest, refusing }).toEqual({ oldest, refusing: [] })
})
