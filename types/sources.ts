import { chinaDate } from './china-time'

/** What an article itself states about where and when it appeared; a part it does not state stays absent. */
export type SourceArticle = { outlet?: string; title?: string; date?: string }

/**
 * The seed articles (cloud/content/sources/), each with only what its text states: no outlet,
 * headline or date is inferred. The file name stays in the data so a record can be checked against
 * its article.
 */
export const SOURCE_ARTICLES: Readonly<Record<string, SourceArticle>> = {
  // Opens with 德州新闻网讯; no headline, no date (its 11月30日 is the event).
  '000_3337abbc7efb327a.txt': { outlet: '德州新闻网' },
  // Neither outlet, headline nor date.
  '001_6e7580bd8c09cae9.txt': {},
  // A reprint without its original outlet, headline or date.
  '002_db233708d3e097bf.txt': {},
  // 本文转自：淄博日报, with its headline; its 今年 is 2024 (将……作为2024年工作重点).
  '003_366a7cb6fb3ea4c6.txt': { outlet: '淄博日报', title: '高青：请进优质合伙人共赢未来', date: '2024年' },
  // 德州新闻网讯, with its headline; no date.
  '004_85ff54eba2222c35.txt': { outlet: '德州新闻网', title: '发挥优势 做强产业 强力推进招商引资新突破' },
}

/** 淄博日报《…》· 2024年, 德州新闻网, or nothing when the article states none of it (or is not listed). */
export function describeSource(file: string): string {
  const article = SOURCE_ARTICLES[file] ?? {}
  const name = `${article.outlet ?? ''}${article.title ? `《${article.title}》` : ''}`
  return [name, article.date].filter(Boolean).join(' · ')
}

/**
 * Where a record comes from and how fresh it is, as lines for people: 来源：报道 with what the
 * article states, and 开发区填报 · 更新于 <date> once zone staff published it (both when both apply).
 */
export function provenance(record: { source?: string; sources?: readonly string[]; updatedAt?: string }): string[] {
  const files = record.sources ?? (record.source ? [record.source] : [])
  const lines = files.map((file) => {
    const described = describeSource(file)
    return described ? `来源：报道 · ${described}` : '来源：报道'
  })
  if (record.updatedAt) lines.push(`开发区填报 · 更新于 ${chinaDate(new Date(record.updatedAt))}`)
  return [...new Set(lines)]
}
