import fs from 'node:fs'
import path from 'node:path'

/**
 * Zones are records (cloud/content/zones.json, the console): no code keeps a list of them. This reads
 * every source file of the app, the API and the contract and fails on a seed zone named in code.
 */
const ROOT = path.resolve(__dirname, '..')
const SCANNED = ['src', 'cloud/src', 'types']
const CODE = /\.(ts|tsx|js|mjs|cjs)$/
const NOT_CODE = /\.test\.tsx?$|\/test-support\//

type SeedZone = { id: string; name: string; shortName: string; ticketPrefix: string }
const seedZones: SeedZone[] = JSON.parse(fs.readFileSync(path.join(ROOT, 'cloud/content/zones.json'), 'utf8'))

const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return CODE.test(entry.name) && !NOT_CODE.test(full) ? [full] : []
  })
const files = SCANNED.flatMap((dir) => sourceFiles(path.join(ROOT, dir)))

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Ways code would name a seed zone: a quoted id (or an id-prefixed record id), name, short name or ticket prefix, an object key, an env var. */
const patternsOf = (zone: SeedZone): RegExp[] => [
  new RegExp(`(['"\`])${escape(zone.id)}(-[a-z0-9-]*)?\\1`),
  new RegExp(`(['"\`])(${[zone.name, zone.shortName, zone.ticketPrefix].map(escape).join('|')})-?\\1`),
  new RegExp(`(^|[\\s{,])${escape(zone.id)}\\s*:`, 'm'),
  new RegExp(`WECOM_WEBHOOK_${escape(zone.id.toUpperCase())}`),
]

const offences = (patterns: RegExp[]) =>
  files.flatMap((file) => {
    const text = fs.readFileSync(file, 'utf8')
    return patterns.filter((pattern) => pattern.test(text)).map((pattern) => `${path.relative(ROOT, file)} matches ${pattern}`)
  })

describe('zones are records', () => {
  it('scans the app, the API and the contract', () => {
    expect(seedZones.length).toBeGreaterThanOrEqual(5)
    for (const dir of SCANNED) expect(files.some((file) => file.startsWith(path.join(ROOT, dir) + path.sep))).toBe(true)
  })

  it('has no list of zones, ticket prefixes or per-zone webhook variables in code', () => {
    expect(offences([/\bZONE_IDS\b/, /\bTICKET_PREFIXES\b/, /WECOM_WEBHOOK_(?!DEFAULT\b)[A-Z]/])).toEqual([])
  })

  it.each(seedZones.map((zone) => [zone.id, zone]))('names the seed zone %s nowhere in code', (_id, zone) => {
    expect(offences(patternsOf(zone))).toEqual([])
  })

  it('would notice a zone named in code', () => {
    const [zone] = seedZones
    const probes = [`const home = '${zone.id}'`, `ids: ["${zone.id}-jingde"]`, `{ ${zone.id}: 1 }`, `prefix = '${zone.ticketPrefix}-'`]
    for (const probe of probes) expect(patternsOf(zone).some((pattern) => pattern.test(probe))).toBe(true)
  })
})
