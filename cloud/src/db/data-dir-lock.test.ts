import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase } from './client'
import { DataDirLockedError, LOCK_FILE_NAME, lockDataDir } from './data-dir-lock'

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parklink-lock-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

const lockFile = () => path.join(dir, LOCK_FILE_NAME)

/** A real other process, alive until killed. */
const startSleeper = () => spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' })

describe('data-folder lock', () => {
  it('refuses a second opener while the first holds it, and frees it on release', async () => {
    const lock = await lockDataDir(dir)
    expect(fs.readFileSync(lockFile(), 'utf8')).toMatch(new RegExp(`^${process.pid}\\n`))

    const refused = await lockDataDir(dir).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(DataDirLockedError)
    expect((refused as DataDirLockedError).pid).toBe(process.pid)
    expect((refused as Error).message).toContain(`数据目录 ${dir} 正被进程 ${process.pid} 使用`)
    expect((refused as Error).message).toContain(`is in use by process ${process.pid}`)

    lock.release()
    expect(fs.existsSync(lockFile())).toBe(false)
    ;(await lockDataDir(dir)).release()
  })

  it('refuses while another live process holds it, and takes it over once that process is dead', async () => {
    const other = startSleeper()
    try {
      fs.writeFileSync(lockFile(), `${other.pid}\n`)
      await expect(lockDataDir(dir)).rejects.toThrow(`正被进程 ${other.pid} 使用`)
    } finally {
      other.kill('SIGKILL')
      await new Promise((resolve) => other.once('exit', resolve))
    }
    const lock = await lockDataDir(dir)
    expect(fs.readFileSync(lockFile(), 'utf8')).toMatch(new RegExp(`^${process.pid}\\n`))
    lock.release()
  })

  it('takes over an unreadable lock file', async () => {
    fs.writeFileSync(lockFile(), 'garbage')
    const lock = await lockDataDir(dir)
    expect(fs.readFileSync(lockFile(), 'utf8')).toMatch(new RegExp(`^${process.pid}\\n`))
    lock.release()
  })

  it('does not remove a lock someone else took after our release', async () => {
    const lock = await lockDataDir(dir)
    lock.release()
    fs.writeFileSync(lockFile(), '999999\n')
    lock.release()
    expect(fs.readFileSync(lockFile(), 'utf8')).toBe('999999\n')
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
    expect(fs.existsSync(lockFile())).toBe(false)
    expect(fs.existsSync(path.join(dir, 'pglite'))).toBe(true)
  }, 60_000)
})
