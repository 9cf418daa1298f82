import { createHash } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'

/**
 * A fingerprint of the shared contract (types/*.ts, tests excluded). The app stamps its offline
 * caches with it, so after an update that changes a response shape old caches are dropped instead
 * of being read as the new shape (the app no longer ships zod to check them).
 */
export const contractHash = (typesDir: string): string => {
  const hash = createHash('sha256')
  for (const file of readdirSync(typesDir).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts')).sort()) {
    hash.update(file).update('\0').update(readFileSync(path.join(typesDir, file)))
  }
  return hash.digest('hex').slice(0, 12)
}
