// Debian's Chromium driven by playwright-core, at an iPhone-sized touch viewport, plus what every
// journey needs: a screenshot and an axe-core check of each page it visits, and control of the API.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

const { chromiumArgs, chromiumPath } = require('./chromium') as { chromiumArgs: string[]; chromiumPath: () => string }

export const H5_URL = `http://127.0.0.1:${process.env.E2E_H5_PORT || 10086}`
export const API_URL = `http://127.0.0.1:${process.env.E2E_API_PORT || 3000}`
const screenshotDir = join(__dirname, 'screenshots')
const resultsDir = join(__dirname, 'results')
const axeScript = join(__dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js')

/** The browser started by global setup when there is one (one Chromium for all files), else a new one. */
export async function launchBrowser(): Promise<Browser> {
  if (process.env.E2E_BROWSER_WS) return chromium.connect(process.env.E2E_BROWSER_WS)
  return chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true })
}

/** A phone-sized context; `storageState` carries another context's localStorage (but not its HTTP cache). */
export async function phoneContext(
  browser: Browser,
  storageState?: Awaited<ReturnType<BrowserContext['storageState']>>,
): Promise<BrowserContext> {
  return browser.newContext({
    storageState,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
  })
}

/**
 * The whole page. Taro H5 scrolls inside the page container (.taro_page), not the document, so
 * `fullPage` alone would stop at the viewport: the viewport grows to the page's height for the shot,
 * scrolled to the top (not while a sheet or dialog is open, which would move with it). The page's
 * size and scroll position are put back afterwards.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true })
  const path = join(screenshotDir, `${name}.png`)
  const viewport = page.viewportSize()
  const measured = await page.evaluate(() => {
    const fixed = (element: HTMLElement) => getComputedStyle(element).display !== 'none' && element.getClientRects().length > 0
    const overlay = Array.from(document.querySelectorAll<HTMLElement>('.nut-overlay, .pl-sheet, .taro__actionSheet')).some(fixed)
    const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((element) => element.offsetParent !== null)
    const current = shown[shown.length - 1]
    if (overlay || !current) return { height: 0, scrollTop: 0 }
    const scrollTop = current.scrollTop
    return { height: current.scrollHeight + (window.innerHeight - current.clientHeight), scrollTop }
  })
  if (!viewport || measured.height <= viewport.height + 8) {
    await page.screenshot({ path, fullPage: true })
    return
  }
  const scrollCurrentPage = (top: number) =>
    page.evaluate((value) => {
      const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((element) => element.offsetParent !== null)
      const current = shown[shown.length - 1]
      if (current) current.scrollTop = value
    }, top)
  await page.setViewportSize({ width: viewport.width, height: Math.min(measured.height, 8000) })
  try {
    await scrollCurrentPage(0)
    await page.waitForTimeout(200)
    await page.screenshot({ path, fullPage: true })
  } finally {
    await page.setViewportSize(viewport)
    await scrollCurrentPage(measured.scrollTop)
    await page.waitForTimeout(100)
  }
}

// ---- accessibility -------------------------------------------------------------

/**
 * Markup the app cannot change, excluded from axe by exact selector. Each entry says why.
 * Keep this list short: fix the app instead whenever the element is ours.
 */
export const AXE_EXCLUDE: Array<{ selector: string; why: string }> = []

export type AxeFinding = { id: string; impact: string; help: string; helpUrl: string; targets: string[] }
type AxeResult = {
  violations: Array<{ id: string; impact: string | null; help: string; helpUrl: string; nodes: Array<{ target: unknown[] }> }>
}

/** axe-core on the page as it is now; returns the serious and critical violations (and logs them). */
export async function axe(page: Page, name: string): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined')
  if (!loaded) await page.addScriptTag({ path: axeScript })
  const exclude = AXE_EXCLUDE.map((entry) => [entry.selector])
  const result = (await page.evaluate(
    (excluded) =>
      (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<unknown> } }).axe.run(
        { include: [['body']], exclude: excluded },
        { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } },
      ),
    exclude,
  )) as AxeResult
  const all: AxeFinding[] = result.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact ?? 'unknown',
    help: violation.help,
    helpUrl: violation.helpUrl,
    targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
  }))
  const blocking = all.filter((finding) => finding.impact === 'serious' || finding.impact === 'critical')
  mkdirSync(resultsDir, { recursive: true })
  writeFileSync(join(resultsDir, `axe-${name}.json`), JSON.stringify({ page: name, url: page.url(), violations: all }, null, 2))
  if (blocking.length) {
    const lines = blocking.map(
      (finding) => `  [${finding.impact}] ${finding.id}: ${finding.help}\n    ${finding.targets.slice(0, 8).join('\n    ')}`,
    )
    console.warn(`axe ${name} (${page.url()}): ${blocking.length} serious/critical\n${lines.join('\n')}`)
  }
  return blocking
}

/**
 * Collects the axe findings of every page a journey visits so the journey runs to its end and
 * reports all pages at once; `assertClean()` then fails the test if any page had serious/critical ones.
 */
export class PageChecks {
  private readonly findings: Array<{ page: string; finding: AxeFinding }> = []
  readonly visited: string[] = []

  /** Screenshot and axe for the page as shown now. */
  async visit(page: Page, name: string): Promise<void> {
    // Let transitions and toasts settle so the screenshot and contrast checks see the resting page.
    await page.waitForTimeout(400)
    await screenshot(page, name)
    this.visited.push(name)
    for (const finding of await axe(page, name)) this.findings.push({ page: name, finding })
  }

  assertClean(): void {
    const report = this.findings.map(
      ({ page, finding }) => `${page}: [${finding.impact}] ${finding.id} — ${finding.help}\n    ${finding.targets.join('\n    ')}`,
    )
    expect(report).toEqual([])
  }
}

// ---- the API ---------------------------------------------------------------------

const control = (action: 'stop' | 'start') => async () => {
  const url = process.env.E2E_CONTROL_URL
  if (!url) throw new Error('E2E_CONTROL_URL is unset: run through test/e2e/jest.config.js (global setup)')
  const res = await fetch(`${url}/api/${action}`, { method: 'POST' })
  if (!res.ok) throw new Error(`API ${action} failed: ${res.status} ${await res.text()}`)
}

/** Really stops the API process (SIGTERM, then waits for it to exit). */
export const stopApi = control('stop')
/** Starts the API again on the same data folder and waits for /api/health. */
export const startApi = control('start')

export const staffAccount = () => ({
  username: process.env.E2E_STAFF_USERNAME ?? 'e2e-pingyuan-agent',
  password: process.env.E2E_STAFF_PASSWORD ?? 'e2e-Agent-password-2026',
})

/** The e2e 主管 (supervisors publish console content). */
export const supervisorAccount = () => ({
  username: process.env.E2E_SUPERVISOR_USERNAME ?? 'e2e-pingyuan-supervisor',
  password: process.env.E2E_SUPERVISOR_PASSWORD ?? 'e2e-Supervisor-password-2026',
})

/** Signs the e2e 店小二 in through the API (for checks a page does not show). */
export async function staffToken(): Promise<{ token: string; shareCode: string; id: string }> {
  const res = await fetch(`${API_URL}/api/auth/staff`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(staffAccount()),
  })
  if (!res.ok) throw new Error(`staff sign-in failed: ${res.status} ${await res.text()}`)
  const body = (await res.json()) as { token: string; staff: { id: string; shareCode: string } }
  return { token: body.token, shareCode: body.staff.shareCode, id: body.staff.id }
}
