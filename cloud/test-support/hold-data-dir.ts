import { lockDataDir } from '../src/db/data-dir-lock'

/**
 * Holds the data-folder lock of argv[2] until killed, as a second API process or container would:
 * prints "locked <pid>" once it holds it, or the refusal and exits 1.
 */
lockDataDir(process.argv[2]).then(
  () => {
    console.log(`locked ${process.pid}`)
    setInterval(() => {}, 60_000)
  },
  (error: unknown) => {
    console.error((error as Error).message)
    process.exit(1)
  },
)
