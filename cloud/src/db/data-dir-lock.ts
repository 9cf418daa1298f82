import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** A PGlite folder may be opened by one process only; this lock file says which. */
export const LOCK_FILE_NAME = 'pglite.lock'

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError'
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    const lockPath = path.join(dataDir, LOCK_FILE_NAME)
    super(
      `数据目录 ${dataDir} 正被进程 ${pid} 使用（API 服务或内容导入），请先停止该进程再试；` +
        `如确认该进程已不存在，可删除 ${lockPath}。\n` +
        `The data directory ${dataDir} is in use by process ${pid} (API server or content import); ` +
        `stop it and try again, or delete ${lockPath} if that process is gone.`,
    )
  }
}

export type DataDirLock = { readonly path: string; release(): void }

/** Locks this process holds, so a reused pid from an earlier run is not mistaken for us. */
const heldByThisProcess = new Set<string>()

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The pid in the lock file; null if unreadable (treated as stale); undefined if the file is gone. */
const readHolder = (lockPath: string): number | null | undefined => {
  let text: string
  try {
    text = fs.readFileSync(lockPath, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  const pid = Number.parseInt(text.trim(), 10)
  return Number.isInteger(pid) && pid > 0 ? pid : null
}

/** Creates the lock file with our pid already inside (write a temp file, then hard-link: atomic, fails if taken). */
const tryCreate = (lockPath: string): boolean => {
  const temp = `${lockPath}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  fs.writeFileSync(temp, `${process.pid}\n${os.hostname()}\n`, { flag: 'wx' })
  try {
    fs.linkSync(temp, lockPath)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  } finally {
    fs.rmSync(temp, { force: true })
  }
}

/**
 * Removes a stale lock unless someone replaced it meanwhile. A short-lived guard file makes
 * "check pid, then delete" atomic between processes taking over the same stale lock.
 */
const removeStale = (lockPath: string, stalePid: number | null): void => {
  const guard = `${lockPath}.takeover`
  try {
    fs.writeFileSync(guard, String(process.pid), { flag: 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    // A guard left by a crash mid-takeover is removed after a while; otherwise let the caller retry.
    const stat = fs.statSync(guard, { throwIfNoEntry: false })
    if (stat && Date.now() - stat.mtimeMs > 10_000) fs.rmSync(guard, { force: true })
    return
  }
  try {
    if (readHolder(lockPath) === stalePid) fs.rmSync(lockPath, { force: true })
  } finally {
    fs.rmSync(guard, { force: true })
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Takes the data-folder lock or throws DataDirLockedError while another live process holds it.
 * A lock whose process is dead is taken over. Released by release() or when the process exits.
 */
export const lockDataDir = async (dataDir: string): Promise<DataDirLock> => {
  fs.mkdirSync(dataDir, { recursive: true })
  const lockPath = path.join(dataDir, LOCK_FILE_NAME)

  for (let attempt = 0; attempt < 50; attempt++) {
    if (tryCreate(lockPath)) return holdLock(lockPath)
    const holder = readHolder(lockPath)
    if (holder === undefined) continue
    const ours = holder === process.pid && heldByThisProcess.has(lockPath)
    if (holder !== null && (ours || (holder !== process.pid && isAlive(holder)))) {
      throw new DataDirLockedError(dataDir, holder)
    }
    removeStale(lockPath, holder)
    await sleep(20)
  }
  throw new Error(`无法获取数据目录锁 / could not lock the data directory: ${lockPath}`)
}

const holdLock = (lockPath: string): DataDirLock => {
  heldByThisProcess.add(lockPath)
  const release = () => {
    if (!heldByThisProcess.delete(lockPath)) return
    process.removeListener('exit', release)
    if (readHolder(lockPath) === process.pid) fs.rmSync(lockPath, { force: true })
  }
  process.on('exit', release)
  return { path: lockPath, release }
}
