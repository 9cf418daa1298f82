import type { ContentBundle } from '../../../../types/content'
import { industriesOf } from '../../../../types/industries'

// The rules a whole bundle must keep beyond each record's schema: unique ids, known zones and parks,
// a park's records in the park's own zone, unique ticket prefixes, chains naming their own zone's
// records, industries from the curated list. Content import and the console's publish both use them.

export type BundleKey = keyof ContentBundle

/** The file each bundle key is read from, and how problems name it. */
export const CONTENT_FILES = {
  zones: 'zones.json',
  parks: 'parks.json',
  spaces: 'spaces.json',
  enterprises: 'enterprises.json',
  signedProjects: 'signed-projects.json',
  policies: 'policies.json',
  chains: 'chains.json',
  serviceCommitments: 'service-commitments.json',
} as const satisfies Record<BundleKey, string>

export const BUNDLE_KEYS = Object.keys(CONTENT_FILES) as BundleKey[]

export type Indexed<T> = { index: number; record: T }[]
export type IndexedBundle = { [K in BundleKey]: Indexed<ContentBundle[K][number]> }

/** Ids of every zone and park seen, valid or not, so one broken park does not also make its records "unknown". */
export type KnownIds = { zones: Set<string>; parkZones: Map<string, unknown> }

/** One broken rule: which record (bundle key and index), where in it (`.parkIds[0]`) and why. */
export type RuleProblem = { key: BundleKey; index: number; at: string; message: string }

export const indexBundle = (bundle: ContentBundle): IndexedBundle =>
  Object.fromEntries(BUNDLE_KEYS.map((key) => [key, bundle[key].map((record, index) => ({ index, record }))])) as IndexedBundle

export const knownIdsOf = (bundle: ContentBundle): KnownIds => ({
  zones: new Set(bundle.zones.map((zone) => zone.id)),
  parkZones: new Map(bundle.parks.map((park) => [park.id, park.zoneId])),
})

/** The rules over a whole bundle. */
export const checkBundle = (bundle: ContentBundle): RuleProblem[] => checkReferences(indexBundle(bundle), knownIdsOf(bundle))

const INDUSTRY_REASON = '不在统一产业目录中（types/industries.ts），请用目录中的产业或其同义词'

/** Ids unique per file, every zoneId / parkId known, and a park's records in the park's own zone. */
export const checkReferences = (valid: IndexedBundle, known: KnownIds): RuleProblem[] => {
  const problems: RuleProblem[] = []
  const add = (key: BundleKey, index: number, at: string, message: string) => problems.push({ key, index, at, message })

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
    if (other !== undefined)
      add('zones', index, '.ticketPrefix', `工单前缀 "${record.ticketPrefix}" 与开发区 ${other} 重复（${record.id} 与 ${other}）`)
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
  const others = {
    spaces: zoneOf('spaces'),
    enterprises: zoneOf('enterprises'),
    signedProjects: zoneOf('signedProjects'),
    policies: zoneOf('policies'),
  }
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

  // Industries are the curated list's words (or synonyms of them), so filters and matching find them.
  const checkIndustry = (key: BundleKey, index: number, at: string, tag: string) => {
    if (tag !== 'not_provided' && industriesOf(tag).length === 0) add(key, index, at, `产业 "${tag}" ${INDUSTRY_REASON}`)
  }
  for (const { index, record } of valid.zones)
    record.leadingIndustries.forEach((tag, at) => checkIndustry('zones', index, `.leadingIndustries[${at}]`, tag))
  for (const { index, record } of valid.parks)
    record.industries.forEach((tag, at) => checkIndustry('parks', index, `.industries[${at}]`, tag))
  for (const key of ['enterprises', 'signedProjects'] as const) {
    for (const { index, record } of valid[key]) checkIndustry(key, index, '.industry', record.industry)
  }

  return problems
}
