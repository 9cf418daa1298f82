import { buildApp, type App } from './app'
import { ConfigError, loadConfig } from './config'
import { hasContent, importIntoEmpty } from './modules/content/import'
import { InvalidContentError, loadContent } from './modules/content/load'
import { DatabaseUnreachableError, openDatabase, type Database } from './db/client'
import { DataDirError } from './db/data-dir-lock'
import { formatSeeded, seedDemoStaff } from './modules/staff/seed'
import { seedCannedReplies } from './modules/staff/canned-replies'

/** How long in-flight requests get to finish on SIGTERM/SIGINT before the process gives up. */
const SHUTDOWN_GRACE_MS = 10_000

const main = async () => {
  const config = loadConfig()
  const database = await openDatabase(config)
  let app: App | undefined
  let url: string
  try {
    // A fresh database gets the bundled content; later changes go through `npm run content:import`.
    const imported = (await hasContent(database.db)) ? null : await importIntoEmpty(database.db, await loadContent(config.contentDir))
    app = await buildApp({ db: database, config })
    if (imported) app.log.info({ version: imported.version, counts: imported.counts }, 'imported content into an empty database')
    // Every zone starts with a few plain canned replies its supervisors can adapt.
    await seedCannedReplies(
      database.db,
      app.content.current().zones.map((zone) => zone.id),
      new Date(),
    )
    // Development convenience only (config.seedDemoStaff is false outside NODE_ENV=development).
    if (config.seedDemoStaff) {
      const seeded = await seedDemoStaff(database.db, app.content.current().zones, new Date())
      if (seeded.length > 0) console.log(formatSeeded(seeded))
    }
    url = await app.listen({ port: config.port, host: config.host })
  } catch (error) {
    await app?.close()
    await database.close()
    throw error
  }
  const storage = database.kind === 'pglite' ? `PGlite ${config.dataDir}` : 'PostgreSQL'
  console.log(`园区通 API 已启动 / ParkLink API listening on ${url} (${storage}, content ${app.content.version})`)
  stopOnSignals(app, database)
}

/** Stop accepting, let in-flight requests finish, then close the database (releasing the data-folder lock). */
const stopOnSignals = (app: App, database: Database) => {
  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1) // a second signal: the operator insists
    stopping = true
    app.log.info(`${signal} received, shutting down`)
    setTimeout(() => {
      console.error('关闭超时，强制退出 / shutdown timed out, exiting')
      process.exit(1)
    }, SHUTDOWN_GRACE_MS).unref()
    app
      .close()
      .then(() => database.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(error)
        process.exit(1)
      })
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

main().catch((error: unknown) => {
  // Expected startup problems get their message only; anything else its stack too.
  const known =
    error instanceof ConfigError ||
    error instanceof DataDirError ||
    error instanceof DatabaseUnreachableError ||
    error instanceof InvalidContentError
  console.error(known ? error.message : error)
  process.exit(1)
})
