// The wx API as WeChat documents it, read from miniprogram-api-typings (generated from the official
// documentation): every method of `interface Wx`, the base library it needs and whether the
// documentation marks it deprecated (废弃). The wx test double offers exactly these names, and the
// deprecated-API rule checks calls against them.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import ts from 'typescript'

const require = createRequire(import.meta.url)
const typingsDir = dirname(require.resolve('miniprogram-api-typings/package.json'))

let cached

/** Map name → { since: 'x.y.z' | null, deprecated: string | null } for every wx method. */
export const wxApiCatalogue = () => {
  if (cached) return cached
  const file = join(typingsDir, 'types/wx/lib.wx.api.d.ts')
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
  const apis = new Map()
  const visit = (node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === 'Wx') {
      for (const member of node.members) {
        if (!ts.isMethodSignature(member) && !ts.isPropertySignature(member)) continue
        const name = member.name.getText(source)
        const docs = ts
          .getJSDocCommentsAndTags(member)
          .map((doc) => doc.getText(source))
          .join('\n')
        const since = docs.match(/需要基础库[：:]\s*`([\d.]+)`/)?.[1] ?? null
        const deprecated =
          docs
            .match(/@deprecated\s+([^\n]*)/)?.[1]
            ?.replace(/\]\([^)]*\)/g, ']')
            .trim() ?? null
        const previous = apis.get(name)
        // Overloads: deprecated only when every signature is.
        apis.set(name, previous ? { since: previous.since ?? since, deprecated: previous.deprecated && deprecated } : { since, deprecated })
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  cached = apis
  return apis
}

/** Compares base library versions such as 2.20.1 and 3.4.0. */
export const compareVersions = (a, b) => {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d) return Math.sign(d)
  }
  return 0
}
