import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CONTENT_FILES } from '../src/modules/content/rules'
import { REAL_CONTENT_DIR } from './app'

type Records = Record<string, unknown>[]

/** A temp copy of the real content's six files, to break or change in one test. */
export const copyContentDir = (): { dir: string; edit(file: string, change: (records: Records) => void): void; remove(): void } => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parklink-content-'))
  for (const file of Object.values(CONTENT_FILES)) fs.copyFileSync(path.join(REAL_CONTENT_DIR, file), path.join(dir, file))
  return {
    dir,
    edit(file, change) {
      const target = path.join(dir, file)
      const records = JSON.parse(fs.readFileSync(target, 'utf8')) as Records
      change(records)
      fs.writeFileSync(target, JSON.stringify(records, null, 2))
    },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  }
}
