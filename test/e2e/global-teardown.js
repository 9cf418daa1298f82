const { stopChild, cleanup } = require('./servers')

module.exports = async () => {
  const running = globalThis.__E2E__
  if (!running) return
  await stopChild(running.h5)
  await stopChild(running.api)
  cleanup(running.dataDir)
}
