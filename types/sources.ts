/**
 * The five seed articles every record cites (cloud/content/sources/). People see the outlet and headline;
 * the file name stays in the data so a record can be checked against its article.
 */
export const SOURCE_ARTICLES: Readonly<Record<string, { outlet: string; title: string }>> = {
  '000_3337abbc7efb327a.txt': { outlet: '德州新闻网', title: '庆云县在天津举办新旧动能转换产业对接合作恳谈会' },
  '001_6e7580bd8c09cae9.txt': { outlet: '平原经济开发区招商报道', title: '聚焦主导产业、聚焦创新发展、聚焦追赶超越抓招商' },
  '002_db233708d3e097bf.txt': { outlet: '邹平经开区招商报道（转载）', title: '13次对接，5次外出考察' },
  '003_366a7cb6fb3ea4c6.txt': { outlet: '淄博日报', title: '高青：请进优质合伙人共赢未来' },
  '004_85ff54eba2222c35.txt': { outlet: '德州新闻网', title: '发挥优势 做强产业 强力推进招商引资新突破' },
}

/** 德州新闻网《…》, or the file name for an article not listed here. */
export function describeSource(file: string): string {
  const article = SOURCE_ARTICLES[file]
  return article ? `${article.outlet}《${article.title}》` : file
}
