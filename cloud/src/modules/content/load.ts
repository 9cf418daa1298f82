import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { ContentBundle } from '../../../../types/content'
import { describeIssues, formatContentPath } from '../../zod-issues'

/** The files of a content folder, by bundle key. */
export const CONTENT_FILES = {
  zones: 'zones.json',
  parks: 'parks.json',
  spaces: 'spaces.json',
  enterprises: 'enterprises.json',
  signedProjects: 'signed-projects.json',
  policies: 'policies.json',
  chains: 'chains.json',
  serviceCommitments: 'service-commitments.json',
} as const satisfies Record<keyof ContentBundle, string>

type BundleKey = keyof typeof CONTENT_FILES
const BUNDLE_KEYS = Object.keys(CONTENT_FILES) as BundleKey[]

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

  problems.push(...checkReferences(valid, known))
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

type Indexed<T> = { index: number; record: T }[]

/** Ids unique per file, every zoneId / parkId known, and a park's records in the park's own zone. */
const checkReferences = (
  valid: { [K in BundleKey]: Indexed<ContentBundle[K][number]> },
  known: { zones: Set<string>; parkZones: Map<string, unknown> },
): ContentProblem[] => {
  const problems: ContentProblem[] = []
  const add = (key: BundleKey, index: number, at: string, message: string) =>
    problems.push({ file: CONTENT_FILES[key], path: `[${index}]${at}`, message })

  for (const key of BUNDLE_KEYS) {
    const seen = new Map<string, number>()
    for (const { index, record } of valid[key]) {
      const first = seen.get(record.id)
      if (first === undefined) seen.set(record.id, index)
      else add(key, index, '.id', `id "${record.id}" 重复（与 [${first}] 相同）`)
    }
  }

  const checkZone = (key: BundleKey, index: number, zoneId: string) => {
    if (!known.zones.has(zoneId)) add(key, index, '.zoneId', `开发区 "${zoneId}" 不在 zones.json 中`)
  }
  const checkPark = (key: BundleKey, index: number, at: string, parkId: string, zoneId: string) => {
    if (!known.parkZones.has(parkId)) add(key, index, at, `园区 "${parkId}" 不在 parks.json 中`)
    const parkZone = known.parkZones.get(parkId)
    if (typeof parkZone === 'string' && parkZone !== zoneId) {
      add(key, index, at, `园区 "${parkId}" 属于 ${parkZone}，与本条的 zoneId "${zoneId}" 不一致`)
    }
  }

  const prefixes = new Map<string, string>()
  for (const { index, record } of valid.zones) {
    const other = prefixes.get(record.ticketPrefix)
    if (other !== undefined) add('zones', index, '.ticketPrefix', `工单前缀 "${record.ticketPrefix}" 与开发区 ${other} 重复（${record.id} 与 ${other}）`)
    else prefixes.set(record.ticketPrefix, record.id)
  }
  for (const { index, record } of valid.parks) checkZone('parks', index, record.zoneId)
  for (const key of ['spaces', 'enterprises', 'signedProjects'] as const) {
    for (const { index, record } of valid[key]) {
      checkZone(key, index, record.zoneId)
      if (record.parkId !== null) checkPark(key, index, '.parkId', record.parkId, record.zoneId)
    }
  }
  for (const { index, record } of valid.policies) {
    checkZone('policies', index, record.zoneId)
    record.parkIds.forEach((parkId, parkIndex) => checkPark('policies', index, `.parkIds[${parkIndex}]`, parkId, record.zoneId))
  }
  for (const { index, record } of valid.serviceCommitments) checkZone('serviceCommitments', index, record.zoneId)

  // A chain names records of its own zone only.
  const zoneOf = (key: 'spaces' | 'enterprises' | 'signedProjects' | 'policies') =>
    new Map<string, string>(valid[key].map(({ record }) => [record.id, record.zoneId]))
  const others = { spaces: zoneOf('spaces'), enterprises: zoneOf('enterprises'), signedProjects: zoneOf('signedProjects'), policies: zoneOf('policies') }
  const checkLinks = (index: number, zoneId: string, field: string, ids: string[], zones: Map<string, string>, file: string) =>
    ids.forEach((id, at) => {
      const zone = zones.get(id)
      if (zone === undefined) add('chains', index, `.${field}[${at}]`, `"${id}" 不在 ${file} 中`)
      else if (zone !== zoneId) add('chains', index, `.${field}[${at}]`, `"${id}" 属于 ${zone}，与本条的 zoneId "${zoneId}" 不一致`)
    })
  for (const { index, record } of valid.chains) {
    checkZone('chains', index, record.zoneId)
    record.parkIds.forEach((parkId, at) => checkPark('chains', index, `.parkIds[${at}]`, parkId, record.zoneId))
    checkLinks(index, record.zoneId, 'policyIds', record.policyIds, others.policies, CONTENT_FILES.policies)
    checkLinks(index, record.zoneId, 'projectIds', record.projectIds, others.signedProjects, CONTENT_FILES.signedProjects)
    checkLinks(index, record.zoneId, 'spaceIds', record.spaceIds, others.spaces, CONTENT_FILES.spaces)
    checkLinks(index, record.zoneId, 'ownerEnterpriseIds', record.ownerEnterpriseIds, others.enterprises, CONTENT_FILES.enterprises)
  }

  return problems
}
