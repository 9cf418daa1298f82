const { startAll } = require('./servers')

module.exports = async () => {
  globalThis.__E2E__ = await startAll()
  // Tests run in workers: tell them where things are.
  process.env.E2E_DATA_DIR_USED = globalThis.__E2E__.dataDir
}
