import fp from 'fastify-plugin'
import type { Config } from '../../config'
import type { Clock } from '../../clock'
import { ContentStore } from '../../modules/content/store'

declare module 'fastify' {
  interface FastifyInstance {
    /** Public content, served from memory. */
    content: ContentStore
  }
}

/** Loads content into memory before the app serves anything, and keeps it in step with imports. */
export default fp<{ config: Pick<Config, 'contentPollMs'>; clock?: Clock }>(
  async (app, { config, clock }) => {
    const store = new ContentStore(app.db, clock, app.log)
    await store.load()
    store.startPolling(config.contentPollMs)
    app.decorate('content', store)
    app.addHook('onClose', async () => store.stopPolling())
  },
  { name: 'content', dependencies: ['database'] },
)
