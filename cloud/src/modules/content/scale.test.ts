import { monitorEventLoopDelay } from 'node:perf_hooks'
import { gzipSync } from 'node:zlib'
import { ContentBundle } from '../../../../types/content'
import { HomeResponse, PolicyListQuery, PolicyPage } from '../../../../types/content-api'
import { MatchInput, MatchQuery, MatchResult } from '../../../../types/policy-match'
import { REAL_CONTENT_DIR } from '../../../test-support/app'
import { generateContent, ISSUE_11_SCALE } from '../../../test-support/scale-content'
import { matchPage } from '../policy-match/match'
import { policyPage } from '../policies/policy-search'
import { loadContent } from './load'
import { buildSnapshot, buildSnapshotAsync, DETAIL_CACHE_SIZE, PAGE_CACHE_SIZE, type ContentSnapshot } from './snapshot'

/** Issue 11: the home stays small, lists page and caches, at 200 zones × 15 parks, 1,000 policies, 5,000 projects. */
let bundle: ContentBundle
let snapshot: ContentSnapshot
const TODAY = '2026-11-20'
beforeAll(async () => {
  bundle = generateContent((await loadContent(REAL_CONTENT_DIR)).bundle, ISSUE_11_SCALE)
  snapshot = buildSnapshot(bundle, 'scale', TODAY)
})

const json = (body: Buffer) => JSON.parse(body.toString('utf8')) as unknown

describe('generated content', () => {
  it('has the size issue 11 names and is valid content', () => {
    expect(ContentBundle.parse(bundle)).toBeTruthy()
    expect(bundle.zones).toHaveLength(200)
    expect(bundle.parks).toHaveLength(3000)
    expect(bundle.policies).toHaveLength(1000)
    expect(bundle.signedProjects).toHaveLength(5000)
    expect(new Set(bundle.zones.map((zone) => zone.ticketPrefix)).size).toBe(200)
  })
})

describe('home at 200 zones', () => {
  it('stays within 100 KB raw and 30 KB gzipped: the first zones by order, not all of them, and the counts', () => {
    expect(snapshot.home.body.length).toBeLessThanOrEqual(100 * 1024)
    expect(gzipSync(snapshot.home.body).length).toBeLessThanOrEqual(30 * 1024)
    const home = HomeResponse.parse(json(snapshot.home.body))
    expect(home.zones.map((zone) => zone.order)).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    expect(home).toMatchObject({ zoneCount: 200, parkCount: 3000 })
    expect(home.featuredParks.length).toBeLessThanOrEqual(12)
    expect(home.latestProjects.length).toBeLessThanOrEqual(6)
    expect(home.policyHighlights.length).toBeLessThanOrEqual(6)
  })

  it('builds zone and park details on demand, in a bounded cache', () => {
    for (const zone of bundle.zones) expect(snapshot.zoneDetail(zone.id)).toBeDefined()
    for (const park of bundle.parks.slice(0, DETAIL_CACHE_SIZE + 100)) expect(snapshot.parkDetail(park.id)).toBeDefined()
    // The same bytes while cached.
    const last = bundle.parks[DETAIL_CACHE_SIZE + 99].id
    expect(snapshot.parkDetail(last)).toBe(snapshot.parkDetail(last))
  })
})

describe('policies and matching at 1,000 policies', () => {
  it('pages the policy library and keeps one answer per normalized query, in a bounded cache', () => {
    const first = policyPage(snapshot, PolicyListQuery.parse({}))!
    const page = PolicyPage.parse(json(first.body))
    expect(page.total).toBe(1000)
    expect(page.items).toHaveLength(20)
    expect(policyPage(snapshot, PolicyListQuery.parse({ q: '  ' }))).toBe(first)
    for (let n = 0; n < PAGE_CACHE_SIZE + 50; n++) policyPage(snapshot, PolicyListQuery.parse({ q: `查询${n}` }))
    expect(snapshot.policyPages.size).toBeLessThanOrEqual(PAGE_CACHE_SIZE)
  })

  it('matches only the policies of the zones asked, ranked and paged, cached per normalized input', () => {
    const chosen = [bundle.zones[7].id, bundle.zones[3].id]
    const input = MatchInput.parse({ zoneIds: chosen, industry: 'health', investmentWan: 50_000, jobs: 300 })
    const body = matchPage(snapshot, input, MatchQuery.parse({ limit: 10 }))!
    const result = MatchResult.parse(json(body.body))
    const inChosen = bundle.policies.filter((policy) => chosen.includes(policy.zoneId) && policy.kind === 'support')
    expect(result.total).toBe(inChosen.length)
    expect(result.items.length).toBeLessThanOrEqual(10)
    expect(result.items.every((item) => chosen.includes(item.policy.zoneId))).toBe(true)
    // The same zones in another order (and repeated) are the same input.
    const reordered = MatchInput.parse({ ...input, zoneIds: [chosen[1], chosen[0], chosen[1]] })
    expect(matchPage(snapshot, reordered, MatchQuery.parse({ limit: 10 }))).toBe(body)

    const everywhere = MatchResult.parse(json(matchPage(snapshot, { ...input, zoneIds: undefined }, MatchQuery.parse({ limit: 50 }))!.body))
    expect(everywhere.total).toBe(bundle.policies.filter((policy) => policy.kind === 'support').length)
    expect(everywhere.items).toHaveLength(50)
  })
})

describe('reloading 200 zones', () => {
  it('never holds the event loop for 50 ms or more while the new content is built', async () => {
    const delay = monitorEventLoopDelay({ resolution: 5 })
    delay.enable()
    const rebuilt = await buildSnapshotAsync(bundle, 'scale-2', TODAY)
    delay.disable()
    expect(rebuilt.home.body.equals(snapshot.home.body)).toBe(false) // another version
    expect(delay.max / 1e6).toBeLessThan(50)
  })
})
