import fp from 'fastify-plugin'
import type { Database, DatabaseKind, Db } from '../../db/client'

declare module 'fastify' {
  interface FastifyInstance {
    db: Db
    dbKind: DatabaseKind
  }
}

/** Makes the database available to routes. Whoever opened it closes it (server.ts, or the test). */
export default fp<{ database: Database }>(
  async (app, { database }) => {
    app.decorate('db', database.db)
    app.decorate('dbKind', database.kind)
  },
  { name: 'database' },
)
