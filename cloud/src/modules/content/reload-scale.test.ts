import { monitorEventLoopDelay } from 'node:perf_hooks'
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

const largestDelayMs = async (work: () => Promise<unknown>): Promise<number> => {
  const delay = monitorEventLoopDelay({ resolution: 5 })
  delay.enable()
  try {
    await work()
  } finally {
    delay.disable()
  }
  return delay.max / 1e6
}

describe('reloading 200 zones from the database', () => {
  it(
    'serves the old content until the new is ready and never holds the event loop for 50 ms or more',
    async () => {
      let now = new Date('2026-11-20T02:00:00Z')
      const store = new ContentStore(database.db, () => now)
      const before = store.current()
      expect(before.zones).toHaveLength(0)

      const reload = store.reload()
      // Requests are answered from the old content while the new is read and built.
      expect(store.current()).toBe(before)
      const maxMs = await largestDelayMs(() => reload)
      expect(store.version).toBe(version)
      expect(store.current().zones).toHaveLength(200)
      expect(maxMs).toBeLessThan(50)

      // The China day turns at 16:00 UTC: the old day's answers are served until the new day's are built.
      const yesterday = store.current()
      now = new Date('2026-11-20T16:00:01Z')
      const flipMs = await largestDelayMs(async () => {
        expect(store.current()).toBe(yesterday)
        await store.settled()
      })
      expect(store.current().today).toBe('2026-11-21')
      expect(flipMs).toBeLessThan(50)
    },
    10 * SETUP_TIMEOUT,
  )
})
