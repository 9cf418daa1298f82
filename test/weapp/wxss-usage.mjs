// WXSS 使用率: which rules of each .wxss a page loads match something on the screens the run drew.
// WeChat's rule (weight 0, path-dependent in DevTools too): no style sheet leaves more than 2 KB unused.
import { existsSync, readFileSync } from 'node:fs'
import { join, posix } from 'node:path'
import postcss from 'postcss'

export const UNUSED_LIMIT_BYTES = 2 * 1024

/** A selector as querySelector can test it: pseudo-elements and interaction states removed. */
export const testable = (selector) =>
  selector
    .replace(/::?(before|after|placeholder|selection|first-line|first-letter|-webkit-[\w-]+|-moz-[\w-]+)\b/g, '')
    .replace(/:(hover|focus|focus-within|focus-visible|active|visited)\b/g, '')
    .trim() || '*'

export class WxssUsage {
  constructor(dist) {
    this.dist = dist
    this.files = new Map() // file → { rules: [{ bytes, selectors: [i] }] }
    this.selectors = [] // unique testable selectors
    this.index = new Map()
    this.used = new Set() // selector indices matched on some screen
  }

  /** The sheets a page loads: app.wxss and the page's, with their @imports. */
  sheetsOf(route) {
    const out = []
    const visit = (file) => {
      if (out.includes(file) || !existsSync(join(this.dist, file))) return
      out.push(file)
      this.parse(file)
      for (const imported of this.files.get(file).imports) visit(imported)
    }
    visit('app.wxss')
    visit(`${route}.wxss`)
    return out
  }

  parse(file) {
    if (this.files.has(file)) return
    const root = postcss.parse(readFileSync(join(this.dist, file), 'utf8'), { from: file })
    const imports = []
    root.walkAtRules('import', (rule) =>
      imports.push(posix.normalize(posix.join(posix.dirname(file), rule.params.replace(/^["']|["']$/g, '')))),
    )
    const rules = []
    root.walkRules((rule) => {
      if (rule.parent?.type === 'atrule' && /keyframes$/.test(rule.parent.name)) return
      const selectors = rule.selectors.map((selector) => {
        const key = testable(selector)
        if (!this.index.has(key)) this.index.set(key, this.selectors.push(key) - 1)
        return this.index.get(key)
      })
      rules.push({ bytes: Buffer.byteLength(rule.toString()), selectors })
    })
    this.files.set(file, { imports, rules, pages: new Set() })
  }

  /** The selector list a screen of `route` is tested with (indices into this.selectors). */
  selectorsFor(route) {
    const wanted = new Set()
    for (const file of this.sheetsOf(route)) {
      this.files.get(file).pages.add(route)
      for (const rule of this.files.get(file).rules) for (const i of rule.selectors) wanted.add(i)
    }
    return [...wanted]
  }

  record(tested, matched) {
    for (const i of matched) this.used.add(tested[i])
  }

  /** Unused bytes per sheet that some drawn page loaded. */
  summary() {
    return [...this.files.entries()]
      .filter(([, sheet]) => sheet.pages.size)
      .map(([file, sheet]) => {
        const unused = sheet.rules.filter((rule) => !rule.selectors.some((i) => this.used.has(i)))
        return {
          file,
          bytes: sheet.rules.reduce((sum, r) => sum + r.bytes, 0),
          unusedBytes: unused.reduce((sum, r) => sum + r.bytes, 0),
          pages: [...sheet.pages],
        }
      })
      .sort((a, b) => b.unusedBytes - a.unusedBytes)
  }
}
