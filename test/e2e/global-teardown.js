const { stopAll } = require('./servers')

module.exports = async () => {
  const running = globalThis.__E2E__
  if (!running) return
  await running.browser?.close().catch(() => undefined)
  await stopAll(running)
}
