import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { ContentBundle } from '../../../../types/content'
import { describeIssues, formatContentPath } from '../../zod-issues'
import { BUNDLE_KEYS, CONTENT_FILES, checkReferences, type BundleKey } from './rules'

export type ContentProblem = { file: string; path: string; message: string }

export const formatProblem = (problem: ContentProblem) => `${problem.file}: ${problem.path ? `${problem.path}: ` : ''}${problem.message}`

export class InvalidContentError extends Error {
  override name = 'InvalidContentError'
  constructor(
    readonly contentDir: string,
    readonly problems: ContentProblem[],
  ) {
    super(
      `内容校验失败（${problems.length} 处问题）/ Invalid content in ${contentDir}:\n` +
        problems.map((problem) => `  ${formatProblem(problem)}`).join('\n'),
    )
  }
}

export type LoadedContent = {
  bundle: ContentBundle
  /** Hash of the validated bundle: same content → same version, whatever the file formatting. */
  version: string
}

/**
 * Reads and validates the JSON files. Every problem is collected (schema and cross-references)
 * before refusing, so one run tells the editor everything to fix.
 */
export const loadContent = async (contentDir: string): Promise<LoadedContent> => {
  const problems: ContentProblem[] = []
  const valid = {} as { [K in BundleKey]: { index: number; record: ContentBundle[K][number] }[] }
  // Ids and zones of every record that has them, valid or not, so one broken park does not
  // also make everything that references it "unknown".
  const known = { zones: new Set<string>(), parkZones: new Map<string, unknown>() }

  for (const key of BUNDLE_KEYS) {
    const file = CONTENT_FILES[key]
    valid[key] = []
    const raw = await readJson(path.join(contentDir, file))
    if ('problem' in raw) {
      problems.push({ file, path: '', message: raw.problem })
      continue
    }
    if (!Array.isArray(raw.value)) {
      problems.push({ file, path: '', message: '顶层应为数组' })
      continue
    }
    const itemSchema = ContentBundle.shape[key].element as z.ZodType<ContentBundle[typeof key][number]>
    raw.value.forEach((item: unknown, index) => {
      const { id, zoneId } = (typeof item === 'object' && item !== null ? item : {}) as { id?: unknown; zoneId?: unknown }
      if (key === 'zones' && typeof id === 'string') known.zones.add(id)
      if (key === 'parks' && typeof id === 'string') known.parkZones.set(id, zoneId)
      const result = itemSchema.safeParse(item, { reportInput: true })
      if (result.success) {
        ;(valid[key] as { index: number; record: unknown }[]).push({ index, record: result.data })
      } else {
        for (const problem of describeIssues(result.error.issues, [index])) {
          problems.push({ file, path: formatContentPath(problem.path), message: problem.message })
        }
      }
    })
  }

  for (const problem of checkReferences(valid, known)) {
    problems.push({ file: CONTENT_FILES[problem.key], path: `[${problem.index}]${problem.at}`, message: problem.message })
  }
  if (problems.length > 0) {
    const fileOrder = Object.values(CONTENT_FILES) as string[]
    problems.sort((a, b) => fileOrder.indexOf(a.file) - fileOrder.indexOf(b.file))
    throw new InvalidContentError(contentDir, problems)
  }

  const bundle = Object.fromEntries(BUNDLE_KEYS.map((key) => [key, valid[key].map((entry) => entry.record)])) as ContentBundle
  return { bundle, version: contentVersion(bundle) }
}

export const contentVersion = (bundle: ContentBundle): string =>
  createHash('sha256')
    .update(JSON.stringify(BUNDLE_KEYS.map((key) => bundle[key])))
    .digest('hex')
    .slice(0, 16)

const readJson = async (file: string): Promise<{ value: unknown } | { problem: string }> => {
  let text: string
  try {
    text = await fs.readFile(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return { problem: code === 'ENOENT' ? '文件不存在' : `无法读取文件（${code ?? String(error)}）` }
  }
  try {
    return { value: JSON.parse(text) as unknown }
  } catch (error) {
    return { problem: `不是有效的 JSON：${(error as Error).message}` }
  }
}
