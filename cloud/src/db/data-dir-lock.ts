import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { tryLock } from 'fs-native-extensions'

/** A PGlite folder may be opened by one process only; this file carries the lock. */
export const LOCK_FILE_NAME = 'pglite.lock'

/** An expected problem with the data folder: the CLI and the server print the message only. */
export class DataDirError extends Error {}

export class DataDirLockedError extends DataDirError {
  override name = 'DataDirLockedError'
  constructor(
    readonly dataDir: string,
    /** The holder's pid in its own PID namespace (a container's pid 1 is pid 1 there), null if unknown. */
    readonly pid: number | null,
    readonly hostname: string | null,
  ) {
    const who = pid === null ? '另一个进程' : `进程 ${pid}（主机 ${hostname ?? '未知'}）`
    const whoEn = pid === null ? 'another process' : `process ${pid} on ${hostname ?? 'an unknown host'}`
    super(
      `数据目录 ${dataDir} 正被${who}使用（API 服务或内容导入，可能在另一个容器中），请先停止它再试。` +
        `PGlite 的数据目录同一时间只能由一个进程打开；多个 API 进程请使用 PostgreSQL（DATABASE_URL）。\n` +
        `The data directory ${dataDir} is in use by ${whoEn} (API server or content import, possibly in another container); ` +
        `stop it and try again. A PGlite folder belongs to one process at a time; run several API processes on PostgreSQL (DATABASE_URL).`,
    )
  }
}

export class DataDirUnwritableError extends DataDirError {
  override name = 'DataDirUnwritableError'
  constructor(
    readonly dataDir: string,
    readonly code: string,
  ) {
    super(
      `数据目录 ${dataDir} 无法写入（${code}）：请检查路径、权限，以及卷是否以只读方式挂载（DATA_DIR）。\n` +
        `The data directory ${dataDir} is not writable (${code}): check the path, its permissions, and whether the volume is mounted read-only (DATA_DIR).`,
    )
  }
}

export type DataDirLock = { readonly path: string; release(): void }

/** Who wrote the lock file last (informational: the OS lock is what counts). */
const readHolder = (fd: number): { pid: number | null; hostname: string | null } => {
  const buffer = Buffer.alloc(512)
  const length = fs.readSync(fd, buffer, 0, buffer.length, 0)
  const [pidText, hostname] = buffer.subarray(0, length).toString('utf8').split('\n')
  const pid = Number.parseInt(pidText ?? '', 10)
  return { pid: Number.isInteger(pid) && pid > 0 ? pid : null, hostname: hostname?.trim() || null }
}

const FILESYSTEM_REFUSALS = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'ENOSPC', 'EDQUOT'])

const unwritable = (dataDir: string, error: unknown): never => {
  const code = (error as NodeJS.ErrnoException).code
  if (code && FILESYSTEM_REFUSALS.has(code)) throw new DataDirUnwritableError(dataDir, code)
  throw error
}

/**
 * Takes the data-folder lock, or throws DataDirLockedError while any other process holds it.
 *
 * The lock is an open-file-description lock (Linux F_OFD_SETLK, flock elsewhere) on pglite.lock:
 * the kernel holds it for exactly as long as this process keeps the file open, whatever PID namespace
 * or container either process runs in, and drops it when the process dies (kill -9 included), so a
 * crash leaves nothing stale behind. The pid and hostname written into the file only make the
 * refusal readable. A second lock in this same process is refused too.
 */
export const lockDataDir = async (dataDir: string): Promise<DataDirLock> => {
  const lockPath = path.join(dataDir, LOCK_FILE_NAME)
  let fd: number
  try {
    fs.mkdirSync(dataDir, { recursive: true })
    fd = fs.openSync(lockPath, fs.constants.O_RDWR | fs.constants.O_CREAT, 0o644)
  } catch (error) {
    return unwritable(dataDir, error)
  }
  let locked = false
  try {
    locked = tryLock(fd)
    if (!locked) {
      const holder = readHolder(fd)
      throw new DataDirLockedError(dataDir, holder.pid, holder.hostname)
    }
    fs.ftruncateSync(fd, 0)
    fs.writeSync(fd, `${process.pid}\n${os.hostname()}\n${new Date().toISOString()}\n`, 0)
  } catch (error) {
    fs.closeSync(fd) // also drops the lock, if it was taken
    if (error instanceof DataDirError) throw error
    return unwritable(dataDir, error)
  }
  let held = true
  const release = () => {
    if (!held) return
    held = false
    process.removeListener('exit', release)
    // Closing the file releases the lock; the file stays (removing it would race a new holder).
    fs.closeSync(fd)
  }
  process.on('exit', release)
  return { path: lockPath, release }
}
