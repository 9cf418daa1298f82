import { ConfigError, loadConfig } from '../config'
import { importContent } from '../modules/content/import'
import { InvalidContentError, loadContent } from '../modules/content/load'
import { DatabaseUnreachableError, openDatabase } from '../db/client'
import { DataDirError } from '../db/data-dir-lock'

/**
 * `npm run content:import`: validates CONTENT_DIR and writes it to DATABASE_URL or DATA_DIR.
 * Invalid content is refused before the database is touched, with every problem listed.
 * Running API processes pick the new version up within CONTENT_POLL_MS.
 */
const main = async () => {
  const config = loadConfig()
  const content = await loadContent(config.contentDir)
  const database = await openDatabase(config)
  try {
    const result = await importContent(database.db, content)
    const target = database.kind === 'pglite' ? `PGlite ${config.dataDir}` : 'PostgreSQL'
    console.log(`内容已导入 / content imported into ${target} from ${config.contentDir}`)
    for (const [kind, count] of Object.entries(result.counts)) console.log(`  ${kind.padEnd(20)} ${count}`)
    console.log(`  version              ${result.version}${result.changed ? '' : '（未变化 / unchanged）'}`)
  } finally {
    await database.close()
  }
}

main().catch((error: unknown) => {
  const known =
    error instanceof ConfigError ||
    error instanceof DataDirError ||
    error instanceof DatabaseUnreachableError ||
    error instanceof InvalidContentError
  console.error(known ? error.message : error)
  process.exit(1)
})
