import type { z } from 'zod'

/** Names of the parts of a compound field, for messages such as 第 3 项 · 数值：… */
const PART_LABELS: Record<string, string> = {
  label: '名称',
  value: '数值',
  unit: '单位',
  qualifier: '修饰词',
  year: '年份',
  title: '标题',
  url: '网址',
  alt: '说明',
  id: '图片',
  latitude: '纬度',
  longitude: '经度',
}

const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text)

/** A zod issue in plain Chinese: the schema's own words when it has them, otherwise by kind. */
export function chineseMessage(issue: z.core.$ZodIssue): string {
  if (hasChinese(issue.message)) return issue.message
  switch (issue.code) {
    case 'invalid_type':
      if (/received undefined/.test(issue.message)) return '必填'
      return issue.expected === 'number' ? '请填写数字' : '格式不正确'
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '必填' : `至少 ${issue.minimum} 个字`
      if (issue.origin === 'array') return `至少 ${issue.minimum} 项`
      return issue.inclusive ? `不能小于 ${issue.minimum}` : `应大于 ${issue.minimum}`
    case 'too_big':
      if (issue.origin === 'string') return `不能超过 ${issue.maximum} 个字`
      if (issue.origin === 'array') return `最多 ${issue.maximum} 项`
      return `不能大于 ${issue.maximum}`
    case 'invalid_format':
      return '格式不正确'
    case 'invalid_value':
    case 'invalid_union':
      return '请从选项中选择'
    default:
      return '内容有误'
  }
}

/** Field errors of a failed parse, path → message (the first per path), as the API's `fields` are. */
export function issuesToFields(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of issues) {
    const path = issue.path.map(String).join('.')
    fields[path] ??= chineseMessage(issue)
  }
  return fields
}

/**
 * The messages that belong to a form field at `path`: its own, then those of its parts
 * (figures.2.value → 第 3 项 · 数值：请填写数字).
 */
export function messagesFor(fields: Readonly<Record<string, string>>, path: string): string[] {
  const messages: string[] = []
  for (const [key, message] of Object.entries(fields)) {
    if (key === path) messages.unshift(message)
    else if (key.startsWith(`${path}.`)) {
      const parts = key.slice(path.length + 1).split('.')
      const words = parts.map((part) => (/^\d+$/.test(part) ? `第 ${Number(part) + 1} 项` : (PART_LABELS[part] ?? part)))
      messages.push(`${words.join(' · ')}：${message}`)
    }
  }
  return messages
}
