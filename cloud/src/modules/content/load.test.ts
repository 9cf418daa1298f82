import fs from 'node:fs'
import path from 'node:path'
import { REAL_CONTENT_DIR } from '../../../test-support/app'
import { copyContentDir } from '../../../test-support/content-dir'
import { InvalidContentError, formatProblem, loadContent } from './load'
import { CONTENT_FILES } from './rules'

const problemsOf = async (dir: string): Promise<string[]> => {
  const error = await loadContent(dir).then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(InvalidContentError)
  return (error as InvalidContentError).problems.map(formatProblem)
}

describe('loadContent', () => {
  it('loads and validates the real content', async () => {
    const { bundle, version } = await loadContent(REAL_CONTENT_DIR)
    for (const [key, file] of Object.entries(CONTENT_FILES)) {
      const raw = JSON.parse(fs.readFileSync(path.join(REAL_CONTENT_DIR, file), 'utf8')) as unknown[]
      expect(bundle[key as keyof typeof bundle]).toHaveLength(raw.length)
    }
    expect(bundle.zones.map((zone) => zone.id).sort()).toEqual(['gaoqing', 'pingyuan', 'qingyun', 'yunhe', 'zouping'])
    expect(bundle.parks.map((park) => park.id)).toEqual(expect.arrayContaining(['qingyun-jjj', 'pingyuan-jingde']))
    expect(version).toMatch(/^[0-9a-f]{16}$/)
  })

  it('gives the same version for the same content, whatever the formatting', async () => {
    const copy = copyContentDir()
    try {
      const before = await loadContent(copy.dir)
      copy.edit('parks.json', () => undefined) // rewritten with other whitespace
      expect((await loadContent(copy.dir)).version).toBe(before.version)
      copy.edit('parks.json', (parks) => {
        parks[0].summary = `${String(parks[0].summary)}（更新）`
      })
      expect((await loadContent(copy.dir)).version).not.toBe(before.version)
    } finally {
      copy.remove()
    }
  })

  it('refuses invalid content listing file, path and reason for every problem', async () => {
    const copy = copyContentDir()
    try {
      copy.edit('parks.json', (parks) => {
        parks[3].headline = { ...(parks[3].headline as object), area: { label: '占地面积', value: -1, unit: '亩' } }
        parks[5].id = 'Bad Id'
        delete parks[6].name
      })
      copy.edit('enterprises.json', (enterprises) => {
        enterprises[1].id = enterprises[0].id
        enterprises[2].parkId = 'no-such-park'
      })
      copy.edit('policies.json', (policies) => {
        const index = policies.findIndex((policy) => policy.zoneId === 'qingyun')
        policies[index].parkIds = ['pingyuan-jingde']
      })
      const problems = await problemsOf(copy.dir)
      const enterprises = JSON.parse(fs.readFileSync(path.join(copy.dir, 'enterprises.json'), 'utf8')) as { id: string }[]
      const qingyunPolicy = (JSON.parse(fs.readFileSync(path.join(copy.dir, 'policies.json'), 'utf8')) as { zoneId: string }[]).findIndex(
        (policy) => policy.zoneId === 'qingyun',
      )
      expect(problems).toEqual([
        'parks.json: [3].headline.area.value: 应为非负数',
        'parks.json: [5].id: 只能包含小写字母、数字和连字符',
        'parks.json: [6].name: 必填',
        `enterprises.json: [1].id: id "${enterprises[0].id}" 重复（与 [0] 相同）`,
        'enterprises.json: [2].parkId: 园区 "no-such-park" 不在 parks.json 中',
        `policies.json: [${qingyunPolicy}].parkIds[0]: 园区 "pingyuan-jingde" 属于 pingyuan，与本条的 zoneId "qingyun" 不一致`,
      ])
    } finally {
      copy.remove()
    }
  })

  it('reports every record whose zone is missing from zones.json', async () => {
    const copy = copyContentDir()
    try {
      copy.edit('zones.json', (zones) => {
        zones.splice(
          zones.findIndex((zone) => zone.id === 'yunhe'),
          1,
        )
      })
      const problems = await problemsOf(copy.dir)
      expect(problems.length).toBeGreaterThan(0)
      expect(problems.every((problem) => problem.includes('开发区 "yunhe" 不在 zones.json 中'))).toBe(true)
      expect(problems.some((problem) => problem.startsWith('parks.json: ['))).toBe(true)
    } finally {
      copy.remove()
    }
  })

  it('reports missing files and malformed JSON', async () => {
    const copy = copyContentDir()
    try {
      fs.rmSync(path.join(copy.dir, 'service-commitments.json'))
      fs.writeFileSync(path.join(copy.dir, 'policies.json'), '[{"id": ')
      fs.writeFileSync(path.join(copy.dir, 'zones.json'), '{"zones": []}')
      const problems = await problemsOf(copy.dir)
      expect(problems).toEqual(
        expect.arrayContaining([
          'zones.json: 顶层应为数组',
          expect.stringMatching(/^policies\.json: 不是有效的 JSON：/),
          'service-commitments.json: 文件不存在',
        ]),
      )
    } finally {
      copy.remove()
    }
  })

  it('puts every problem in the error message for the command line', async () => {
    const copy = copyContentDir()
    try {
      copy.edit('parks.json', (parks) => {
        parks[0].featured = 'yes'
        parks[1].order = -1
      })
      const error = await loadContent(copy.dir).catch((caught: Error) => caught)
      expect((error as Error).message).toContain('parks.json: [0].featured: 应为布尔值（true 或 false）')
      expect((error as Error).message).toContain('parks.json: [1].order: 应为非负数')
    } finally {
      copy.remove()
    }
  })
})
