import type { core } from 'zod'

type Issue = core.$ZodIssue

/** One problem: where (zod path, joined by the caller) and why, in simplified Chinese. */
export type Problem = { path: PropertyKey[]; message: string }

const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text)

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '布尔值（true 或 false）',
  array: '数组',
  object: '对象',
  date: '日期',
}

const sizeUnit = (origin: string) => (origin === 'string' ? ' 个字符' : origin === 'array' || origin === 'set' ? ' 项' : '')

/** Chinese reason for one zod issue; schema-provided Chinese messages are kept as written. */
const reason = (issue: Issue): string => {
  if (hasChinese(issue.message)) return issue.message
  switch (issue.code) {
    case 'invalid_type': {
      // `input` is only there when parsed with reportInput; zod's default message says it too.
      const missing = 'input' in issue ? issue.input === undefined : /received undefined$/.test(issue.message)
      if (missing) return '必填'
      return `应为${TYPE_NAMES[issue.expected] ?? issue.expected}`
    }
    case 'too_big': {
      const max = String(issue.maximum)
      if (issue.origin === 'number' || issue.origin === 'bigint') return issue.inclusive ? `不能大于 ${max}` : `应小于 ${max}`
      return `最多 ${max}${sizeUnit(issue.origin)}`
    }
    case 'too_small': {
      const min = String(issue.minimum)
      if (issue.origin === 'number' || issue.origin === 'bigint') {
        if (issue.minimum === 0 && issue.inclusive) return '应为非负数'
        return issue.inclusive ? `不能小于 ${min}` : `应大于 ${min}`
      }
      if (issue.origin === 'string' && issue.minimum === 1) return '不能为空'
      return `至少 ${min}${sizeUnit(issue.origin)}`
    }
    case 'invalid_format':
      return issue.format === 'url' ? '应为有效的网址' : '格式不正确'
    case 'invalid_value':
      return issue.values.length === 1
        ? `应为 ${JSON.stringify(issue.values[0])}`
        : `应为以下之一：${issue.values.map((value) => String(value)).join('、')}`
    case 'unrecognized_keys':
      return `不支持的字段：${issue.keys.join('、')}`
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的倍数`
    default:
      return '无效'
  }
}

/**
 * Flattens zod issues into problems with Chinese reasons. For a failed union it reports the
 * branch that got furthest (its issues sit deepest), e.g. `headline.area.value: 应为非负数`
 * rather than "matches no option".
 */
export const describeIssues = (issues: readonly Issue[], prefix: PropertyKey[] = []): Problem[] =>
  issues.flatMap((issue): Problem[] => {
    const path = [...prefix, ...issue.path]
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const depth = (branch: Issue[]) => (branch.length === 0 ? -1 : Math.min(...branch.map((inner) => inner.path.length)))
      const best = [...issue.errors].sort((a, b) => depth(b) - depth(a) || a.length - b.length)[0]
      if (best.length > 0 && depth(best) > 0) return describeIssues(best, path)
      const options = issue.errors.flatMap((branch) => branch.map(reason))
      return [{ path, message: [...new Set(options)].join('，或') || '格式不正确' }]
    }
    return [{ path, message: reason(issue) }]
  })

/** `[3].headline.area.value` — the way content files are addressed (array index first). */
export const formatContentPath = (path: PropertyKey[]): string =>
  path
    .map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))
    .join('')
    .replace(/^\./, '')

/** `a.b.0` — the way request fields are addressed in ErrorBody.fields. */
export const formatFieldPath = (path: PropertyKey[]): string => path.map((key) => String(key)).join('.')
