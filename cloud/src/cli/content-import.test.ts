import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { copyContentDir } from '../../test-support/content-dir'
import { lockDataDir } from '../db/data-dir-lock'
import { runScript } from '../../test-support/run'

const SCRIPT = 'cloud/src/cli/content-import.ts'

let dataDir: string
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parklink-cli-'))
})
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

describe('npm run content:import', () => {
  it('imports into DATA_DIR, prints counts and the version; a second run changes nothing', async () => {
    const first = await runScript(SCRIPT, { DATA_DIR: dataDir })
    expect(first.stderr).not.toMatch(/error/i)
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/parks\s+\d+/)
    expect(first.stdout).toMatch(/zones\s+5/)
    const version = /version\s+([0-9a-f]{16})/.exec(first.stdout)![1]

    const second = await runScript(SCRIPT, { DATA_DIR: dataDir })
    expect(second.code).toBe(0)
    expect(second.stdout).toContain(`${version}（未变化 / unchanged）`)
    ;(await lockDataDir(dataDir)).release() // the folder is free again
  }, 180_000)

  it('exits non-zero with every problem listed when the content is invalid', async () => {
    const copy = copyContentDir()
    try {
      copy.edit('parks.json', (parks) => {
        parks[0].zoneId = 'atlantis'
        parks[1].headline = { ...(parks[1].headline as object), area: { label: '面积', value: -3, unit: '亩' } }
      })
      copy.edit('policies.json', (policies) => {
        policies[0].parkIds = ['no-such-park']
      })
      const result = await runScript(SCRIPT, { DATA_DIR: dataDir, CONTENT_DIR: copy.dir })
      expect(result.code).toBe(1)
      expect(result.stderr).toContain('内容校验失败（3 处问题）')
      expect(result.stderr).toContain('parks.json: [0].zoneId: 开发区 "atlantis" 不在 zones.json 中')
      expect(result.stderr).toContain('parks.json: [1].headline.area.value: 应为非负数')
      expect(result.stderr).toContain('policies.json: [0].parkIds[0]: 园区 "no-such-park" 不在 parks.json 中')
      expect(result.stderr).not.toMatch(/\bat .+\.ts:\d+/) // a clear message, not a stack trace
    } finally {
      copy.remove()
    }
  }, 180_000)
})
