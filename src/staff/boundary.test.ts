/**
 * The staff pages are a WeChat subpackage investors never download: nothing in the main package
 * may import from src/staff or the staff-only API module.
 */
import { readdirSync, readFileSync, statSync } from 'fs'
import { join, relative } from 'path'

const SRC = join(__dirname, '..')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : []
  })
}

test('main-package code never imports the staff subpackage', () => {
  const offenders = sourceFiles(SRC)
    .filter((file) => !relative(SRC, file).startsWith('staff/'))
    .filter((file) => /from ['"](@\/staff\/|@\/api\/staff['"]|\.\.?\/.*staff\/)/.test(readFileSync(file, 'utf8')))
    .map((file) => relative(SRC, file))
  expect(offenders).toEqual([])
})
