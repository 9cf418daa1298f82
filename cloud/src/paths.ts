import fs from 'node:fs'
import path from 'node:path'

/**
 * The repository root, found by walking up to the folder holding cloud/migrations.
 * Works from the sources (tsx, jest) and from the compiled build/api/ tree alike.
 */
const findRepoRoot = (): string => {
  let dir = __dirname
  for (;;) {
    if (fs.existsSync(path.join(dir, 'cloud', 'migrations')) && fs.existsSync(path.join(dir, 'package.json'))) return dir
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error(`找不到仓库根目录（cloud/migrations）/ repository root not found above ${__dirname}`)
    dir = parent
  }
}

export const repoRoot = findRepoRoot()
export const migrationsDir = path.join(repoRoot, 'cloud', 'migrations')
export const defaultContentDir = path.join(repoRoot, 'cloud', 'content')
export const defaultDataDir = path.join(repoRoot, '.data')
