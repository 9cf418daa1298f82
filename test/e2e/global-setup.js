const { chromium } = require('playwright-core')
const { startAll, stopAll, STAFF, SUPERVISOR } = require('./servers')
const { chromiumArgs, chromiumPath } = require('./chromium')

module.exports = async () => {
  const started = Date.now()
  const state = await startAll()
  try {
    // One Chromium for every test file: each file connects to it and opens its own contexts.
    state.browser = await chromium.launchServer({ executablePath: chromiumPath(), args: chromiumArgs, headless: true })
  } catch (error) {
    await stopAll(state)
    throw error
  }
  globalThis.__E2E__ = state
  // Test files (even in band) get a fresh copy of process.env made after this: tell them where things are.
  process.env.E2E_DATA_DIR_USED = state.dataDir
  process.env.E2E_CONTROL_URL = `http://127.0.0.1:${state.control.address().port}`
  process.env.E2E_BROWSER_WS = state.browser.wsEndpoint()
  process.env.E2E_STAFF_USERNAME = STAFF.username
  process.env.E2E_STAFF_PASSWORD = STAFF.password
  process.env.E2E_SUPERVISOR_USERNAME = SUPERVISOR.username
  process.env.E2E_SUPERVISOR_PASSWORD = SUPERVISOR.password
  console.log(`\ne2e: API, H5 and Chromium ready in ${Date.now() - started} ms`)
}
