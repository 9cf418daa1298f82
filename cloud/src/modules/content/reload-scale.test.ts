import { REAL_CONTENT_DIR, SETUP_TIMEOUT } from '../../../test-support/app'
import { createTestDatabase } from '../../../test-support/database'
import { generateContent, ISSUE_11_SCALE } from '../../../test-support/scale-content'
import type { Database } from '../../db/client'
import { importContent } from './import'
import { contentVersion, loadContent } from './load'
import { ContentStore } from './store'

/** Issue 11: an API process picks up new content at 200 zones without stalling the requests it serves. */
let database: Database
let version: string
beforeAll(async () => {
  database = await createTestDatabase()
  const bundle = generateContent((await loadContent(REAL_CONTENT_DIR)).bundle, ISSUE_11_SCALE)
  version = contentVersion(bundle)
  await importContent(database.db, { bundle, version }, new Date('2026-11-20T02:00:00Z'))
}, 10 * SETUP_TIMEOUT)
afterAll(() => database.close(), SETUP_TIMEOUT)

/**
 * How many turns the event loop took while `work` ran: a build that never yields takes none. (How long
 * each turn may be is measured by npm run bench:scale, not asserted: a busy machine stretches every turn.)
 */
const turnsDuring = async (work: () => Promise<unknown>): Promise<number> => {
  let turns = 0
  let done = false
  const turn = () => {
    if (done) return
    turns++
    setImmediate(turn)
  }
  setImmediate(turn)
  try {
    await work()
  } finally {
    done = true
  }
  return turns
}

describe('reloading 200 zones from the database', () => {
  it(
    'serves the old content until the new is ready, building it in slices that let requests in between',
    async () => {
      let now = new Date('2026-11-20T02:00:00Z')
      const store = new ContentStore(database.db, () => now)
      const before = store.current()
      expect(before.zones).toHaveLength(0)

      const reload = store.reload()
      // Requests are answered from the old content while the new is read and built.
      expect(store.current()).toBe(before)
      const turns = await turnsDuring(() => reload)
      expect(store.version).toBe(version)
      expect(store.current().zones).toHaveLength(200)
      expect(turns).toBeGreaterThan(2)

      // The China day turns at 16:00 UTC: the old day's answers are served until the new day's are built.
      const yesterday = store.current()
      now = new Date('2026-11-20T16:00:01Z')
      const flipTurns = await turnsDuring(async () => {
        expect(store.current()).toBe(yesterday)
        await store.settled()
      })
      expect(store.current().today).toBe('2026-11-21')
      expect(flipTurns).toBeGreaterThan(2)
    },
    10 * SETUP_TIMEOUT,
  )
})
