import type { Policy } from '../../../../types/content'
import { HomeResponse, ParkPage, PolicyDetail, PolicyPage, ZoneOptionList } from '../../../../types/content-api'
import { REAL_CONTENT_DIR, createTestApp, type TestApp, SETUP_TIMEOUT } from '../../../test-support/app'
import { importContent } from './import'
import { contentVersion, loadContent, type LoadedContent } from './load'

let now = new Date('2026-06-30T15:00:00Z') // 23:00 in China
let t: TestApp
let real: LoadedContent
beforeAll(async () => {
  t = await createTestApp({ clock: () => now })
  real = await loadContent(REAL_CONTENT_DIR)
}, SETUP_TIMEOUT)
afterAll(() => t.close(), SETUP_TIMEOUT)

const get = async (url: string) => (await t.app.inject({ method: 'GET', url })).json()

/** The real content with some edits, as another process (content:import) would write it. */
const variant = (edit: (bundle: LoadedContent['bundle']) => LoadedContent['bundle']): LoadedContent => {
  const bundle = edit(structuredClone(real.bundle))
  return { bundle, version: contentVersion(bundle) }
}

describe('content served from memory', () => {
  it('notices an import by another process on the next version check, not before', async () => {
    const renamed = variant((bundle) => {
      bundle.zones[0] = { ...bundle.zones[0], shortName: '新名' }
      return bundle
    })
    await importContent(t.database.db, renamed)

    // Still the old content: nothing is read from the database per request.
    expect(ZoneOptionList.parse(await get('/api/zones')).items[0].shortName).toBe(real.bundle.zones[0].shortName)

    expect(await t.app.content.checkForUpdate()).toBe(true)
    expect(ZoneOptionList.parse(await get('/api/zones')).items.find((zone) => zone.id === renamed.bundle.zones[0].id)!.shortName).toBe(
      '新名',
    )
    expect((await get('/api/health')).contentVersion).toBe(renamed.version)
    expect(await t.app.content.checkForUpdate()).toBe(false)
  })

  it('polls content_meta on an interval until stopped', async () => {
    await importContent(t.database.db, real)
    t.app.content.startPolling(20)
    try {
      const deadline = Date.now() + 5_000
      while (t.app.content.version !== real.version && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
      expect(t.app.content.version).toBe(real.version)
    } finally {
      t.app.content.stopPolling()
    }
  })
})

describe('the /api/parks page cache', () => {
  afterAll(async () => {
    await importContent(t.database.db, real)
    await t.app.content.checkForUpdate()
  })

  it('shares one answer between queries that normalize alike, and starts over with new content', async () => {
    const snapshot = t.app.content.current()
    const plain = await t.app.inject({ method: 'GET', url: '/api/parks?q=%E5%8C%BB%E8%8D%AF&limit=5' })
    const spaced = await t.app.inject({ method: 'GET', url: '/api/parks?q=%20%E5%8C%BB%E8%8D%AF%20&limit=5' })
    expect(plain.statusCode).toBe(200)
    expect(spaced.body).toBe(plain.body)
    expect(spaced.headers.etag).toBe(plain.headers.etag)
    const entries = snapshot.parkPages.size
    await t.app.inject({ method: 'GET', url: '/api/parks?q=%E5%8C%BB%E8%8D%AF&limit=5' })
    expect(snapshot.parkPages.size).toBe(entries)

    const first = ParkPage.parse(await get('/api/parks?limit=1')).items[0]
    const renamed = variant((bundle) => {
      bundle.parks = bundle.parks.map((park) => (park.id === first.id ? { ...park, name: `${park.name}（新）` } : park))
      return bundle
    })
    await importContent(t.database.db, renamed)
    // Until this process notices the import it answers from the cache of the content it serves.
    expect(ParkPage.parse(await get('/api/parks?limit=1')).items[0].name).toBe(first.name)
    expect(await t.app.content.checkForUpdate()).toBe(true)
    expect(t.app.content.current()).not.toBe(snapshot)
    expect(ParkPage.parse(await get('/api/parks?limit=1')).items[0].name).toBe(`${first.name}（新）`)
  })

  it('remembers that a cursor does not belong to a query', async () => {
    const page = ParkPage.parse(await get('/api/parks?limit=2'))
    const wrong = await t.app.inject({ method: 'GET', url: `/api/parks?limit=2&zoneId=yunhe&cursor=${page.nextCursor}` })
    const again = await t.app.inject({ method: 'GET', url: `/api/parks?limit=2&zoneId=yunhe&cursor=${page.nextCursor}` })
    expect([wrong.statusCode, again.statusCode]).toEqual([400, 400])
    expect(again.json().error.code).toBe('invalid_cursor')
  })
})

/** After midnight the previous day's answers are served until the new day's are built in steps. */
const setNow = async (date: Date) => {
  now = date
  t.app.content.current()
  await t.app.content.settled()
}

describe('policy expiry', () => {
  const first = () => real.bundle.policies[0]
  const withValidTo = (validTo: Policy['validTo']) =>
    variant((bundle) => {
      bundle.policies[0] = { ...bundle.policies[0], validTo }
      return bundle
    })

  beforeAll(async () => {
    await importContent(t.database.db, withValidTo('2026-06-30'))
    await t.app.content.checkForUpdate()
  }, SETUP_TIMEOUT)

  it('is current through its last day (China time)', async () => {
    await setNow(new Date('2026-06-30T15:00:00Z'))
    const detail = PolicyDetail.parse(await get(`/api/policies/${first().id}`))
    expect(detail.expired).toBe(false)
    const list = PolicyPage.parse(await get('/api/policies?limit=50')).items
    expect(list.find((card) => card.id === first().id)!.expired).toBe(false)
  })

  it('is expired from the next day: flagged, listed last, after current ones on the home page', async () => {
    const before = await t.app.inject({ method: 'GET', url: `/api/policies/${first().id}` })
    await setNow(new Date('2026-06-30T16:30:00Z')) // 00:30 on 1 July in China
    const after = await t.app.inject({ method: 'GET', url: `/api/policies/${first().id}` })
    expect(PolicyDetail.parse(after.json()).expired).toBe(true)
    expect(after.headers.etag).not.toBe(before.headers.etag)

    const list = PolicyPage.parse(await get('/api/policies?limit=50')).items
    expect(list[list.length - 1]).toMatchObject({ id: first().id, expired: true })
    expect(list.slice(0, -1).every((card) => !card.expired)).toBe(true)

    const home = HomeResponse.parse(await get('/api/home'))
    expect(home.policyHighlights.map((card) => card.id)).not.toContain(first().id)
  })

  it('follows the clock back to an earlier day', async () => {
    await setNow(new Date('2026-06-30T16:30:00Z'))
    expect(PolicyDetail.parse(await get(`/api/policies/${first().id}`)).expired).toBe(true)
    await setNow(new Date('2026-06-30T15:59:59Z')) // 23:59:59 on 30 June in China
    expect(PolicyDetail.parse(await get(`/api/policies/${first().id}`)).expired).toBe(false)
    await setNow(new Date('2026-06-30T16:00:00Z'))
    expect(PolicyDetail.parse(await get(`/api/policies/${first().id}`)).expired).toBe(true)
  })

  it('never expires without a validTo', async () => {
    await setNow(new Date('2099-01-01T00:00:00Z'))
    const list = PolicyPage.parse(await get('/api/policies?limit=50')).items
    expect(list.filter((card) => card.expired).map((card) => card.id)).toEqual([first().id])
  })
})
