import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { repoRoot } from '../paths'
import { openDatabase } from './client'
import { DataDirLockedError, DataDirUnwritableError, LOCK_FILE_NAME, lockDataDir } from './data-dir-lock'

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parklink-lock-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

const lockFile = () => path.join(dir, LOCK_FILE_NAME)

/**
 * `unshare` in front of a command puts it in a new PID namespace (and mount namespace for /proc), as a
 * second container on the same volume is: its pids mean nothing here and ours nothing there. Root
 * may create namespaces directly; anyone else through a user namespace.
 */
const NAMESPACE =
  process.getuid?.() === 0 ? ['--pid', '--fork', '--mount-proc'] : ['--user', '--map-root-user', '--pid', '--fork', '--mount-proc']

/** A process holding the lock of `folder` (test-support/hold-data-dir.ts), optionally in its own PID namespace. */
const startHolder = async (folder: string, { namespace }: { namespace: boolean }): Promise<ChildProcess> => {
  const node = [process.execPath, '--import', 'tsx', path.join(repoRoot, 'cloud/test-support/hold-data-dir.ts'), folder]
  const [command, ...args] = namespace ? ['unshare', ...NAMESPACE, ...node] : node
  // detached: its own process group, so killing it also kills unshare's forked child.
  const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  await new Promise<void>((resolve, reject) => {
    let output = ''
    const take = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      if (/locked \d+/.test(output)) resolve()
    }
    child.stdout!.on('data', take)
    child.stderr!.on('data', take)
    child.on('exit', (code) => reject(new Error(`holder exited with ${code}: ${output}`)))
  })
  return child
}

const kill9 = async (child: ChildProcess) => {
  const exited = new Promise((resolve) => child.once('exit', resolve))
  process.kill(-child.pid!, 'SIGKILL')
  await exited
}

/**
 * The lock of `folder` once the killed holder is gone: unshare's exit is reported before its forked
 * child (the namespace's pid 1) has finished dying, so a busy machine may need a few tries.
 */
const lockAfterKill = async (folder: string) => {
  const until = Date.now() + 10_000
  for (;;) {
    try {
      return await lockDataDir(folder)
    } catch (error) {
      if (!(error instanceof DataDirLockedError) || Date.now() > until) throw error
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
}

describe('data-folder lock (an OS lock on pglite.lock, held as long as the process lives)', () => {
  it('refuses a second opener in this process while the first holds it, and frees it on release', async () => {
    const lock = await lockDataDir(dir)
    expect(fs.readFileSync(lockFile(), 'utf8')).toMatch(new RegExp(`^${process.pid}\\n${os.hostname()}\\n`))

    const refused = await lockDataDir(dir).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(DataDirLockedError)
    expect((refused as DataDirLockedError).pid).toBe(process.pid)
    expect((refused as Error).message).toContain(`数据目录 ${dir} 正被进程 ${process.pid}（主机 ${os.hostname()}）使用`)
    expect((refused as Error).message).toContain(`is in use by process ${process.pid} on ${os.hostname()}`)

    lock.release()
    lock.release() // twice is harmless
    ;(await lockDataDir(dir)).release()
  })

  it('refuses while a process in another PID namespace holds it (a second container on the same volume), whatever its pid means here', async () => {
    const holder = await startHolder(dir, { namespace: true })
    try {
      // The holder is pid 1 in its namespace: a pid check from here would call the lock stale.
      expect(fs.readFileSync(lockFile(), 'utf8')).toMatch(/^1\n/)
      const refused = await lockDataDir(dir).catch((error: unknown) => error)
      expect(refused).toBeInstanceOf(DataDirLockedError)
      expect((refused as Error).message).toContain('正被进程 1（主机')
      // Nor can this process take it with the file gone or rewritten: the OS lock is on the open file.
      fs.writeFileSync(lockFile(), 'garbage')
      await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirLockedError)
    } finally {
      await kill9(holder)
    }
    // kill -9 frees the lock with the process (the kernel drops it): no stale file to take over.
    const lock = await lockAfterKill(dir)
    expect(fs.readFileSync(lockFile(), 'utf8')).toMatch(new RegExp(`^${process.pid}\\n`))
    lock.release()
  }, 60_000)

  it('and the other way round: while this process holds it, a process in another PID namespace is refused', async () => {
    const lock = await lockDataDir(dir)
    try {
      const node = [process.execPath, '--import', 'tsx', path.join(repoRoot, 'cloud/test-support/hold-data-dir.ts'), dir]
      const result = spawnSync('unshare', [...NAMESPACE, ...node], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 })
      expect(result.status).toBe(1)
      expect(result.stderr).toContain(`正被进程 ${process.pid}（主机 ${os.hostname()}）使用`)
    } finally {
      lock.release()
    }
  }, 60_000)

  it('a lock file left by a killed process in this namespace is no obstacle either', async () => {
    const holder = await startHolder(dir, { namespace: false })
    await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirLockedError)
    await kill9(holder)
    expect(fs.existsSync(lockFile())).toBe(true)
    ;(await lockAfterKill(dir)).release()
  }, 60_000)

  it('a data folder it cannot write to is refused with a clear message, not a stack trace', async () => {
    const file = path.join(dir, 'not-a-folder')
    fs.writeFileSync(file, 'x')
    const refused = await lockDataDir(file).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(DataDirUnwritableError)
    expect((refused as Error).message).toContain(`数据目录 ${file} 无法写入`)
  })

  it('guards the PGlite folder: a second openDatabase is refused until the first is closed', async () => {
    const config = { databaseUrl: undefined, dataDir: dir }
    const first = await openDatabase(config)
    try {
      expect(first.kind).toBe('pglite')
      await expect(openDatabase(config)).rejects.toBeInstanceOf(DataDirLockedError)
    } finally {
      await first.close()
    }
    ;(await lockDataDir(dir)).release()
    expect(fs.existsSync(path.join(dir, 'pglite'))).toBe(true)
  }, 60_000)
})
