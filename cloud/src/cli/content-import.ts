import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from '../config'
import { ConsoleEditsError, importContent } from '../modules/content/import'
import { InvalidContentError, loadContent } from '../modules/content/load'
import { openDatabase } from '../db/client'
import { DataDirLockedError } from '../db/data-dir-lock'
import { seedCannedReplies } from '../modules/staff/canned-replies'

/**
 * `npm run content:import`: validates CONTENT_DIR and writes it to DATABASE_URL or DATA_DIR. The folder
 * speaks for the zones in its zones.json (new zones are created; their records missing from the folder
 * are deleted; other zones are left alone). Records zone staff published from the console since the
 * last import are not overwritten unless `-- --overwrite-console-edits` is given. Invalid content is
 * refused before anything is written, with every problem listed. Running API processes pick the new
 * version up within CONTENT_POLL_MS.
 */
const main = async () => {
  const { values } = parseArgs({ options: { 'overwrite-console-edits': { type: 'boolean', default: false } }, strict: true })
  const config = loadConfig()
  const content = await loadContent(config.contentDir)
  const database = await openDatabase(config)
  try {
    const result = await importContent(database.db, content, new Date(), { overwriteConsoleEdits: values['overwrite-console-edits'] })
    await seedCannedReplies(
      database.db,
      content.bundle.zones.map((zone) => zone.id),
      new Date(),
    )
    const target = database.kind === 'pglite' ? `PGlite ${config.dataDir}` : 'PostgreSQL'
    console.log(`内容已导入 / content imported into ${target} from ${config.contentDir}`)
    for (const [kind, count] of Object.entries(result.counts)) console.log(`  ${kind.padEnd(20)} ${count}`)
    const { added, changed, deleted } = result.changes
    console.log(`  新增/修改/删除 / added, changed, deleted  ${added} / ${changed} / ${deleted}`)
    console.log(`  version              ${result.version}${result.changed ? '' : '（未变化 / unchanged）'}`)
  } finally {
    await database.close()
  }
}

main().catch((error: unknown) => {
  const known =
    error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof InvalidContentError || error instanceof ConsoleEditsError
  console.error(known ? error.message : error)
  process.exit(1)
})
