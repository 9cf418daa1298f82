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

// ---- line breaks -------------------------------------------------------------------

/** The phone widths every page is looked at (issue 15.13): small Android, iPhone, large iPhone. */
export const CHECK_WIDTHS = [320, 375, 414] as const

/**
 * Text that broke badly at this width: a line holding a single character ("店小\n二", "登\n录。",
 * "5\n月18日"). Each visible text node is measured character by character (a Range per character),
 * characters grouped by line; lines a clamp hides are not counted. Punctuation does not count as a
 * character of its own.
 */
export async function lineBreakProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const range = document.createRange()
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? ''
      if (text.trim().length < 2) continue
      const element = node.parentElement
      if (!element || element.closest('script, style, textarea, input, .taro-tabbar__tabbar-hide')) continue
      if (!element.getClientRects().length || getComputedStyle(element).visibility === 'hidden') continue
      // Lines a clamp (-webkit-line-clamp, overflow hidden) cuts off are laid out but never seen.
      // Only boxes inside the page: the page container's own overflow is scrolling, not clamping.
      let clip: Element | null = element
      while (
        clip &&
        !clip.classList.contains('taro_page') &&
        getComputedStyle(clip).overflow !== 'hidden' &&
        getComputedStyle(clip).webkitLineClamp === 'none'
      )
        clip = clip.parentElement
      if (clip?.classList.contains('taro_page')) clip = null
      const clipBottom = clip ? clip.getBoundingClientRect().bottom : Number.POSITIVE_INFINITY
      const lines: Array<{ top: number; chars: string }> = []
      for (let index = 0; index < text.length; index++) {
        if (/\s/.test(text[index])) continue
        range.setStart(node, index)
        range.setEnd(node, index + 1)
        const rect = range.getClientRects()[0]
        if (!rect || rect.width === 0 || rect.top >= clipBottom - 1) continue
        const line = lines.find((entry) => Math.abs(entry.top - rect.top) < rect.height / 2)
        if (line) line.chars += text[index]
        else lines.push({ top: rect.top, chars: text[index] })
      }
      if (lines.length < 2) continue
      for (const line of lines) {
        const core = line.chars.replace(/[，。、；：！？,.;:!?（）()「」『』“”‘’《》…·—-]/g, '')
        if (core.length <= 1) problems.push(`“${text.trim().slice(0, 24)}” breaks with “${line.chars}” alone on a line`)
      }
    }
    return problems
  })
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
  private readonly breaks: string[] = []
  readonly visited: string[] = []

  /**
   * Screenshots of the page as shown now at 320, 375 and 414 px wide (name@320.png …), each checked for
   * text broken onto lone characters, then axe at the journey's own width.
   */
  async visit(page: Page, name: string): Promise<void> {
    // Let transitions and toasts settle so the screenshot and contrast checks see the resting page.
    await page.waitForTimeout(400)
    const viewport = page.viewportSize()
    try {
      for (const width of CHECK_WIDTHS) {
        await page.setViewportSize({ width, height: viewport?.height ?? 844 })
        // index.html refits the root font size on resize, again after 500 ms.
        await page.waitForTimeout(650)
        for (const problem of await lineBreakProblems(page)) this.breaks.push(`${name}@${width}: ${problem}`)
        await screenshot(page, `${name}@${width}`)
      }
    } finally {
      if (viewport) await page.setViewportSize(viewport)
      await page.waitForTimeout(650)
    }
    this.visited.push(name)
    for (const finding of await axe(page, name)) this.findings.push({ page: name, finding })
  }

  assertClean(): void {
    const report = this.findings.map(
      ({ page, finding }) => `${page}: [${finding.impact}] ${finding.id} — ${finding.help}\n    ${finding.targets.join('\n    ')}`,
    )
    expect({ axe: report, lineBreaks: this.breaks }).toEqual({ axe: [], lineBreaks: [] })
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

/** The e2e 平原 主管 (test/e2e/servers.js). */
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
