// Debian's Chromium, shared by global setup (browser server) and browser.ts (stand-alone launch).
const chromiumPath = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium'

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Fonts differ between machines; keep axe's colour-contrast and screenshots stable.
  '--font-render-hinting=none',
]

module.exports = { chromiumPath, chromiumArgs }
