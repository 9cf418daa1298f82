import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SOURCE_ARTICLES, describeSource, provenance } from './sources'

const SOURCES = join(__dirname, '../cloud/content/sources')

/**
 * Three of the articles are stored in traditional characters; these are the ones their outlet and
 * headline use, so a simplified value can be looked up in the text as printed.
 */
const TRADITIONAL: Record<string, string> = {
  闻: '聞',
  网: '網',
  发: '發',
  挥: '揮',
  优: '優',
  势: '勢',
  强: '強',
  产: '產',
  业: '業',
  进: '進',
  资: '資',
  引: '引',
  新: '新',
  突: '突',
  破: '破',
}
const asPrinted = (text: string) => Array.from(text, (char) => TRADITIONAL[char] ?? char).join('')
/**
 * The text as read: those articles carry pinyin after some characters (勢(shì)), and full-width and
 * ASCII colons are the same punctuation (a headline prints an ASCII one).
 */
const readable = (text: string) => text.replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+\)/g, '').replace(/:/g, '：')
const stated = (text: string, value: string) => [value, asPrinted(value)].some((form) => readable(text).includes(form))

test('every article in cloud/content/sources is listed', () => {
  expect(readdirSync(SOURCES).sort()).toEqual(Object.keys(SOURCE_ARTICLES).sort())
})

test('an outlet, headline or date is listed only when the article itself states it', () => {
  for (const [file, article] of Object.entries(SOURCE_ARTICLES)) {
    const text = readFileSync(join(SOURCES, file), 'utf8')
    for (const value of [article.outlet, article.title]) {
      if (value) expect({ file, value, stated: stated(text, value) }).toEqual({ file, value, stated: true })
    }
    if (article.date) expect({ file, year: text.includes(article.date.replace(/年.*/, '年')) }).toEqual({ file, year: true })
  }
  // The two articles that name neither outlet nor headline are described as nothing more than a report.
  expect(SOURCE_ARTICLES['001_6e7580bd8c09cae9.txt']).toEqual({})
  expect(SOURCE_ARTICLES['002_db233708d3e097bf.txt']).toEqual({})
})

test('records say where they come from and how fresh they are', () => {
  expect(describeSource('003_366a7cb6fb3ea4c6.txt')).toBe('淄博日报《高青：请进优质合伙人共赢未来》 · 2024年')
  expect(describeSource('000_3337abbc7efb327a.txt')).toBe('德州新闻网')
  expect(describeSource('999_0000000000000000.txt')).toBe('')
  expect(provenance({ source: '001_6e7580bd8c09cae9.txt' })).toEqual(['来源：报道'])
  expect(provenance({ sources: ['000_3337abbc7efb327a.txt'], updatedAt: '2026-11-20T17:00:00.000Z' })).toEqual([
    '来源：报道 · 德州新闻网',
    '开发区填报 · 更新于 2026-11-21',
  ])
  expect(provenance({ updatedAt: '2026-11-21T02:00:00+08:00' })).toEqual(['开发区填报 · 更新于 2026-11-21'])
})
