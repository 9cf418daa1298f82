import { parseArgs } from 'node:util'
import { z } from 'zod'
import { STAFF_ROLE_LABELS } from '../../../types/auth'
import { ConfigError, loadConfig } from '../config'
import { DatabaseUnreachableError, openDatabase } from '../db/client'
import { DataDirError } from '../db/data-dir-lock'
import { hasContent, importIntoEmpty } from '../modules/content/import'
import { InvalidContentError, loadContent } from '../modules/content/load'
import { createStaffAccount, StaffAccountInput, StaffExistsError, UnknownZoneError } from '../modules/staff/accounts'

const USAGE =
  '用法 / usage: npm run staff:add -- --username <用户名> --password <密码> --role agent|supervisor|admin [--zone <开发区>] [--name <显示名>]'

class UsageError extends Error {
  override name = 'UsageError'
}

const parse = () => {
  let values: Record<string, string | undefined>
  try {
    ;({ values } = parseArgs({
      options: {
        username: { type: 'string' },
        password: { type: 'string' },
        role: { type: 'string' },
        zone: { type: 'string' },
        name: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }))
  } catch (error) {
    throw new UsageError(`参数有误 / invalid arguments: ${(error as Error).message}\n${USAGE}`)
  }
  const parsed = StaffAccountInput.safeParse({
    username: values.username,
    password: values.password,
    role: values.role,
    zoneId: values.zone,
    displayName: values.name,
  })
  if (!parsed.success) {
    const flag = (path: PropertyKey[]) => ({ zoneId: '--zone', displayName: '--name' })[String(path[0])] ?? `--${String(path[0])}`
    const lines = parsed.error.issues.map((issue: z.core.$ZodIssue) => `  ${flag(issue.path)}: ${issue.message}`)
    throw new UsageError(`参数有误 / invalid arguments:\n${lines.join('\n')}\n${USAGE}`)
  }
  return parsed.data
}

/**
 * `npm run staff:add`: creates a staff account in the database the API uses (DATABASE_URL, or the
 * PGlite folder in DATA_DIR, migrated and given the content of CONTENT_DIR first if new). A PGlite folder held by a running API is
 * refused with a clear message (stop the API, or use PostgreSQL).
 */
const main = async () => {
  const input = parse()
  const config = loadConfig()
  const database = await openDatabase(config)
  try {
    // A new database gets its content first (as the API does on its first start): zones are records.
    if (!(await hasContent(database.db))) await importIntoEmpty(database.db, await loadContent(config.contentDir))
    const account = await createStaffAccount(database.db, input, new Date())
    console.log(`已创建工作人员账号 / staff account created: ${account.username}`)
    console.log(`  角色 / role       ${account.role}（${STAFF_ROLE_LABELS[account.role]}）`)
    console.log(`  开发区 / zone     ${account.zoneId ?? '全部 / all zones'}`)
    console.log(`  显示名 / name     ${account.displayName}`)
    console.log(`  分享码 / share    ${account.shareCode}`)
  } finally {
    await database.close()
  }
}

main().catch((error: unknown) => {
  const usage = error instanceof UsageError || error instanceof UnknownZoneError
  const known =
    usage ||
    error instanceof StaffExistsError ||
    error instanceof ConfigError ||
    error instanceof DataDirError ||
    error instanceof DatabaseUnreachableError ||
    error instanceof InvalidContentError
  console.error(known ? error.message : error)
  process.exit(usage ? 2 : 1)
})
