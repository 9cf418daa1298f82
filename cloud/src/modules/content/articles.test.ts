import fs from 'node:fs'
import path from 'node:path'
import { NOT_PROVIDED } from '../../../../types/vocabulary'
import { SOURCE_ARTICLES } from '../../../../types/sources'
import { industriesOf } from '../../../../types/industries'
import { REAL_CONTENT_DIR } from '../../../test-support/app'
import { copyContentDir } from '../../../test-support/content-dir'
import { InvalidContentError, loadContent, type LoadedContent } from './load'

// The seed content says what its article says, and no more (issue 12, "Content as the articles state it").
// One test per kind of mistake found by reading the five articles against cloud/content/.

let content: LoadedContent
beforeAll(async () => {
  content = await loadContent(REAL_CONTENT_DIR)
})

/**
 * An article as read: three are stored in traditional characters with pinyin after some of them
 * (勢(shì)); the pinyin goes, and the few characters the quotes below use are simplified.
 */
const TO_SIMPLIFIED: Record<string, string> = {
  開: '开',
  業: '业',
  項: '项',
  資: '资',
  億: '亿',
  過: '过',
  進: '进',
  區: '区',
  將: '将',
  設: '设',
  簽: '签',
  約: '约',
  運: '运',
  費: '费',
  標: '标',
  準: '准',
  廠: '厂',
  談: '谈',
  產: '产',
  實: '实',
  質: '质',
  建: '建',
}
const article = (file: string) =>
  Array.from(
    fs.readFileSync(path.join(REAL_CONTENT_DIR, 'sources', file), 'utf8').replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+\)/g, ''),
    (char) => TO_SIMPLIFIED[char] ?? char,
  ).join('')

/** Every string a person can read in a record (ids, enums and file names aside). */
const visibleText = (value: unknown, key = ''): string[] => {
  if (['id', 'zoneId', 'parkId', 'source', 'sources', 'status', 'kind', 'category', 'type'].includes(key) || key.endsWith('Ids')) return []
  if (typeof value === 'string') return value === NOT_PROVIDED ? [] : [value]
  if (Array.isArray(value)) return value.flatMap((item) => visibleText(item))
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([inner, item]) => visibleText(item, inner))
  return []
}
const allRecords = () => Object.values(content.bundle).flat() as Record<string, unknown>[]

describe('content as the articles state it', () => {
  it('thresholds: every structured eligibility criterion quotes the article sentence that states it', () => {
    // The only conditions the articles state in a form matching can check.
    const STATED: Record<string, { criteria: string[]; quote: string }> = {
      'pingyuan-jingde-custom-factory': { criteria: ['needsSpace'], quote: '标准厂房正加速建设' },
      'gaoqing-chain-leader-one-policy': { criteria: ['industries'], quote: '围绕新材料、健康医药、新能源、临港物流、农文旅等产业' },
    }
    for (const policy of content.bundle.policies) {
      const keys = Object.keys(policy.criteria)
      const stated = STATED[policy.id]
      expect({ policy: policy.id, criteria: keys }).toEqual({ policy: policy.id, criteria: stated?.criteria ?? [] })
      if (stated)
        expect({ policy: policy.id, quoted: article(policy.source!).includes(stated.quote) }).toEqual({ policy: policy.id, quoted: true })
    }
    // The three the articles never gave: a 5 亿元 floor (only a target of five such projects) and talent levels.
    const byId = (id: string) => content.bundle.policies.find((policy) => policy.id === id)!
    expect(byId('yunhe-big-project-priority').criteria.minInvestmentWan).toBeUndefined()
    expect(byId('qingyun-talent-ten-projects').criteria.talentLevels).toBeUndefined()
    expect(byId('qingyun-blue-collar-apartment').criteria.talentLevels).toBeUndefined()
  })

  it('statuses: each project has the status its article gives, with the words that give it', () => {
    const WORDS: Record<string, string[]> = {
      negotiating: ['洽谈', '谈判', '合作意向'],
      about_to_sign: ['即将签约'],
      signed: ['签约', '签订'],
      registered: ['工商设立'],
      about_to_start: ['即将全面开工'],
      under_construction: ['开工建设', '开工'],
      in_production: ['投产'],
    }
    for (const project of content.bundle.signedProjects) {
      const text = article(project.source!)
      const stated = WORDS[project.status].some((word) => text.includes(word))
      expect({ project: project.id, status: project.status, stated }).toEqual({ project: project.id, status: project.status, stated: true })
    }
    const status = (id: string) => content.bundle.signedProjects.find((project) => project.id === id)?.status
    expect(status('yunhe-logistics-center')).toBe('about_to_start')
    expect(status('yunhe-zhongxing-petroleum-machinery')).toBe('about_to_start')
    expect(status('zouping-investment-mother-fund')).toBe('registered')
    // A system the zone bought is not an investment: not a signed project at all.
    expect(status('zouping-investment-big-data')).toBeUndefined()
  })

  it('authoring notes never reach a user-visible field', () => {
    const notes = allRecords().flatMap((record) =>
      visibleText(record)
        .filter((text) => /文章|文中|状态取|最接近/.test(text))
        .map((text) => `${String(record.id)}: ${text}`),
    )
    expect(notes).toEqual([])
  })

  it('industry tags are stated by the article, never guessed from a company name, and come from the curated list', () => {
    for (const enterprise of content.bundle.enterprises) {
      if (enterprise.industry === NOT_PROVIDED) continue
      // A tag hidden in the company's own name (华鲁恒升 化工, 金洋药业 医药) is a guess.
      expect({
        enterprise: enterprise.name,
        industry: enterprise.industry,
        fromName: industriesOf(enterprise.name).some((id) => industriesOf(enterprise.industry).includes(id)),
      }).toMatchObject({ fromName: false })
    }
    const industry = (id: string) => content.bundle.enterprises.find((enterprise) => enterprise.id === id)!.industry
    expect([industry('huaneng-dezhou-power'), industry('stanley-fertilizer'), industry('hualu-hengsheng')]).toEqual([
      NOT_PROVIDED,
      NOT_PROVIDED,
      NOT_PROVIDED,
    ])
    const tags = [
      ...content.bundle.parks.flatMap((park) => park.industries),
      ...content.bundle.enterprises.map((enterprise) => enterprise.industry),
      ...content.bundle.signedProjects.map((project) => project.industry),
    ].filter((tag) => tag !== NOT_PROVIDED)
    expect(tags.filter((tag) => industriesOf(tag).length === 0)).toEqual([])
  })

  it('refuses an industry outside the curated list on import, naming the field', async () => {
    const copy = copyContentDir()
    try {
      copy.edit('parks.json', (parks) => {
        parks[0].industries = ['炼金术']
      })
      const error = await loadContent(copy.dir).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(InvalidContentError)
      expect((error as InvalidContentError).message).toContain('parks.json: [0].industries[0]: 产业 "炼金术" 不在统一产业目录中')
    } finally {
      copy.remove()
    }
  })

  it('dates: a dated article’s 今年 is its year, and its figures say the year they refer to', () => {
    const dated = Object.entries(SOURCE_ARTICLES).filter(([, source]) => source.date)
    expect(dated.map(([file]) => file)).toEqual(['003_366a7cb6fb3ea4c6.txt'])
    for (const [file, source] of dated) {
      const year = Number(source.date!.slice(0, 4))
      const records = allRecords().filter((record) => record.source === file || (record.sources as string[] | undefined)?.includes(file))
      expect(records.length).toBeGreaterThan(0)
      expect(records.flatMap((record) => visibleText(record)).filter((text) => text.includes('今年'))).toEqual([])
      const gaoqing = content.bundle.zones.find((zone) => zone.sources.includes(file))!
      expect(gaoqing.figures.every((figure) => figure.year === year)).toBe(true)
    }
    // Projects dated only as the article dates them keep its words, with the year where it gives one.
    expect(
      content.bundle.signedProjects
        .filter((project) => project.zoneId === 'gaoqing' && project.dateText !== NOT_PROVIDED)
        .map((project) => project.dateText),
    ).toEqual(['2024年初', '2024年初'])
  })

  it('the park directory no longer carries a zone paragraph repeated into every park', () => {
    const pingyuan = content.bundle.parks.filter((park) => park.zoneId === 'pingyuan')
    const mentions = pingyuan.filter((park) => [park.name, park.summary, ...park.highlights].join().includes('医药'))
    expect(mentions.map((park) => park.id)).toEqual(['pingyuan-pharma'])
  })
})
