// The mini-program's view layer is a webview: WeChat DevTools scores tap targets, image sizes and
// safe areas on a Chromium layout of the wx-* elements styled by the wcsc output. This does the
// same with Debian's Chromium: each settled screen of the headless run is drawn as wx-* elements
// (WeChat's built-in component styles below), the page's and the app's .wxss applied through the
// code wcsc generated (rpx resolved for a 375 px wide iPhone X), then measured.
import { readFileSync } from 'node:fs'
import vm from 'node:vm'
import { chromium } from 'playwright-core'
import { DEVICE } from './wx.mjs'

const require_ = (await import('node:module')).createRequire(import.meta.url)
const { chromiumPath, chromiumArgs } = require_('../e2e/chromium.js')
const AXE = readFileSync(require_.resolve('axe-core/axe.min.js'), 'utf8')

/** The base library's own styles for the built-in components the templates use. */
const BUILTIN_CSS = `
html, body { margin: 0; padding: 0; }
page { display: block; min-height: 100%; }
wx-view, wx-navigator, wx-form, wx-rich-text, wx-scroll-view, wx-swiper-item, wx-picker, wx-picker-view { display: block; }
wx-text { display: inline; white-space: pre-line; }
wx-label { display: inline; }
wx-image { width: 320px; height: 240px; display: inline-block; overflow: hidden; position: relative; }
wx-image > img { display: block; width: 100%; height: 100%; object-fit: fill; }
wx-image[mode=aspectFit] > img { object-fit: contain; }
wx-image[mode=aspectFill] > img { object-fit: cover; }
wx-image[mode=widthFix] { height: auto; }
wx-image[mode=widthFix] > img { height: auto; }
wx-button { position: relative; display: block; margin-left: auto; margin-right: auto; padding-left: 14px; padding-right: 14px; box-sizing: border-box; font-size: 18px; text-align: center; text-decoration: none; line-height: 2.55555556; border-radius: 5px; overflow: hidden; color: #000; background-color: #f8f8f8; }
wx-button[size=mini] { display: inline-block; line-height: 2.3; font-size: 13px; padding: 0 1.34em; }
wx-button[type=primary] { color: #fff; background-color: #1aad19; }
wx-input { cursor: auto; display: block; height: 1.4rem; text-overflow: clip; overflow: hidden; white-space: nowrap; min-height: 1.4rem; }
wx-input > input, wx-textarea > textarea { all: unset; display: block; width: 100%; height: 100%; font: inherit; color: inherit; }
wx-textarea { width: 300px; height: 150px; display: block; position: relative; resize: none; }
wx-scroll-view { width: 100%; }
wx-scroll-view[scroll-x] { overflow-x: auto; white-space: nowrap; }
wx-scroll-view[scroll-y] { overflow-y: auto; }
wx-swiper { display: block; height: 150px; }
wx-icon { display: inline-block; }
wx-checkbox, wx-radio, wx-switch { display: inline-block; }
[hidden] { display: none !important; }
`

const escapeHtml = (text) => String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c])

const VOID_CONTENT = new Set(['wx-input', 'wx-textarea', 'wx-image'])

/** Where an image's bytes come from: the test API (the compiled origin rewritten), the package, or a temp file. */
const PACKAGE_ORIGIN = 'http://weapp-package.local'

/**
 * Serialises a rendered page (mini-program.mjs render()) as HTML; `clickable(node)` marks tap targets.
 * Every element carries data-n so measurements point back at the node.
 */
export const toHtml = (view, { clickable, imageUrl }) => {
  const nodes = []
  const visit = (node) => {
    if (node.text !== undefined) return escapeHtml(node.text)
    const children = node.children.map(visit).join('')
    if (node.tag === 'page') return `<page>${children}</page>`
    const n = nodes.push(node) - 1
    const a = node.attr ?? {}
    const attrs = [`data-n="${n}"`]
    if (a.class) attrs.push(`class="${escapeHtml(a.class)}"`)
    if (a.style) attrs.push(`style="${escapeHtml(a.style)}"`)
    if (a.id) attrs.push(`id="${escapeHtml(a.id)}"`)
    if (a.hidden) attrs.push('hidden')
    if (clickable(node)) attrs.push('data-tap')
    for (const name of ['size', 'type', 'mode']) if (typeof a[name] === 'string' && a[name]) attrs.push(`${name}="${escapeHtml(a[name])}"`)
    if (a.plain) attrs.push('plain')
    // A disabled control is exempt from contrast rules (WCAG 1.4.3): say so the way axe understands.
    if (node.tag === 'wx-button') attrs.push('role="button"')
    if (a.disabled) attrs.push('disabled aria-disabled="true"')
    if (a.scrollX) attrs.push('scroll-x')
    if (a.scrollY) attrs.push('scroll-y')
    let inner = children
    if (node.tag === 'wx-image') inner = a.src ? `<img src="${escapeHtml(imageUrl(a.src))}" data-src="${escapeHtml(a.src)}">` : ''
    else if (node.tag === 'wx-input')
      inner = `<input placeholder="${escapeHtml(a.placeholder ?? '')}" value="${escapeHtml(a.value ?? '')}">`
    else if (node.tag === 'wx-textarea')
      inner = `<textarea placeholder="${escapeHtml(a.placeholder ?? '')}">${escapeHtml(a.value ?? '')}</textarea>`
    else if (VOID_CONTENT.has(node.tag)) inner = ''
    return `<${node.tag} ${attrs.join(' ')}>${inner}</${node.tag}>`
  }
  const body = visit(view)
  return { body, nodes }
}

/** The wcsc output's strings are JavaScript string bodies. */
const unescapeJs = (text) => vm.runInNewContext(`"${text}"`)

export class Layout {
  static async start({ wxss, dist, apiOrigin, builtOrigin, tempFiles }) {
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true })
    const layout = new Layout(browser, { wxss, dist, apiOrigin, builtOrigin, tempFiles })
    return layout
  }

  constructor(browser, { wxss, dist, apiOrigin, builtOrigin, tempFiles }) {
    this.browser = browser
    this.dist = dist
    this.apiOrigin = apiOrigin
    this.builtOrigin = builtOrigin
    this.tempFiles = tempFiles
    // iPhone X: the home indicator's inset is what env(safe-area-inset-bottom) resolves to.
    const withInsets = (code) =>
      unescapeJs(code).replace(/(?:env|constant)\(\s*safe-area-inset-(top|bottom|left|right)\s*\)/g, (_, side) =>
        side === 'bottom' ? `${DEVICE.safeAreaBottomInset}px` : '0px',
      )
    this.comm = withInsets(wxss.comm)
    this.sheets = Object.fromEntries(Object.entries(wxss.files).map(([file, code]) => [file, withInsets(code)]))
    this.imageResponses = new Map()
  }

  /**
   * WeChat's <image> fetches natively (no CORS or Cross-Origin-Resource-Policy), so network images go
   * through this process: the compiled origin is sent to the test API, the answer's headers recorded.
   */
  imageUrl(src) {
    if (src.startsWith(this.builtOrigin))
      return `${PACKAGE_ORIGIN}/__net__/${encodeURIComponent(`${this.apiOrigin}${src.slice(this.builtOrigin.length)}`)}`
    if (/^https?:\/\/tmp\//.test(src)) return `${PACKAGE_ORIGIN}/__tmp__/${encodeURIComponent(src)}`
    return src
  }

  async context(isTab) {
    this.contexts ??= new Map()
    if (!this.contexts.has(isTab)) this.contexts.set(isTab, this.newContext(isTab))
    return this.contexts.get(isTab)
  }

  async newContext(isTab) {
    const height =
      DEVICE.screenHeight -
      DEVICE.statusBarHeight -
      DEVICE.navigationBarHeight -
      (isTab ? DEVICE.tabBarHeight + DEVICE.safeAreaBottomInset : 0)
    const context = await this.browser.newContext({
      viewport: { width: DEVICE.screenWidth, height },
      deviceScaleFactor: DEVICE.pixelRatio,
      isMobile: true,
      hasTouch: true,
      userAgent:
        'Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50',
    })
    await context.route(`${PACKAGE_ORIGIN}/**`, async (route) => {
      const url = new URL(route.request().url())
      if (url.pathname.endsWith('.html'))
        return route.fulfill({ body: this.screens.get(url.searchParams.get('screen')) ?? '', contentType: 'text/html; charset=utf-8' })
      if (url.pathname.startsWith('/__net__/')) {
        const target = decodeURIComponent(url.pathname.slice('/__net__/'.length))
        const response = await fetch(target)
        const body = Buffer.from(await response.arrayBuffer())
        this.imageResponses.set(target, {
          status: response.status,
          bytes: body.length,
          cacheControl: response.headers.get('cache-control'),
          etag: response.headers.get('etag'),
          lastModified: response.headers.get('last-modified'),
        })
        return route.fulfill({
          status: response.status,
          body,
          contentType: response.headers.get('content-type') ?? 'application/octet-stream',
        })
      }
      if (url.pathname.startsWith('/__tmp__/')) {
        const bytes = this.tempFiles.get(decodeURIComponent(url.pathname.slice('/__tmp__/'.length)))
        return bytes ? route.fulfill({ body: bytes }) : route.fulfill({ status: 404 })
      }
      try {
        return route.fulfill({ body: readFileSync(`${this.dist}${decodeURIComponent(url.pathname)}`) })
      } catch {
        return route.fulfill({ status: 404 })
      }
    })
    return { context, height }
  }

  /** Draws one screen in Chromium: the wx-* elements with the app's and the page's style sheets. */
  async draw({ route, isTab, view, clickable = () => false }) {
    const { context, height } = await this.context(isTab)
    const page = await context.newPage()
    const { body, nodes } = toHtml(view, { clickable, imageUrl: (src) => this.imageUrl(src) })
    const sheets = ['app.wxss', `${route}.wxss`].filter((file) => this.sheets[file])
    const key = `s${(this.screenSeq = (this.screenSeq ?? 0) + 1)}`
    this.screens ??= new Map()
    this.screens.set(
      key,
      `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=${DEVICE.screenWidth}"><style>${BUILTIN_CSS}</style></head><body>${body}</body></html>`,
    )
    await page.goto(`${PACKAGE_ORIGIN}/${route}.html?screen=${key}`, { waitUntil: 'load' })
    this.screens.delete(key)
    await page.evaluate(
      ({ comm, sheets }) => {
        // wcsc's runtime appends one <style> per sheet, app first, then the page.
        new Function(`${comm};\n${sheets.map((code) => `(${code})();`).join('\n')}`)()
      },
      { comm: this.comm, sheets: sheets.map((file) => this.sheets[file]) },
    )
    await page.waitForFunction(() => [...document.images].every((img) => img.complete), null, { timeout: 5000 }).catch(() => undefined)
    return { page, height, nodes }
  }

  /**
   * wx.createSelectorQuery on the current screen: each op is { selector, all, fields } and gets
   * WeChat's answer shape (boundingClientRect, or scrollOffset for the viewport).
   */
  async query({ route, isTab, view, ops }) {
    const { page } = await this.draw({ route, isTab, view })
    try {
      return await page.evaluate((ops) => {
        const rectOf = (el) => {
          const r = el.getBoundingClientRect()
          return {
            id: el.id,
            dataset: { ...el.dataset },
            left: r.left,
            right: r.right,
            top: r.top,
            bottom: r.bottom,
            width: r.width,
            height: r.height,
          }
        }
        const scroll = (el) => ({
          id: el.id ?? '',
          dataset: {},
          scrollLeft: el.scrollLeft ?? 0,
          scrollTop: el.scrollTop ?? 0,
          scrollWidth: el.scrollWidth,
          scrollHeight: el.scrollHeight,
        })
        return ops.map(({ selector, all, fields, viewport }) => {
          const answer = (el) => {
            if (!el) return null
            const out = {}
            if (fields.rect || fields.size)
              Object.assign(
                out,
                viewport ? { left: 0, top: 0, right: innerWidth, bottom: innerHeight, width: innerWidth, height: innerHeight } : rectOf(el),
              )
            if (fields.scrollOffset) Object.assign(out, viewport ? scroll(document.scrollingElement) : scroll(el))
            if (fields.id) out.id = el.id
            if (fields.dataset) out.dataset = { ...el.dataset }
            return out
          }
          if (viewport) return answer(document.documentElement)
          return all ? [...document.querySelectorAll(selector)].map(answer) : answer(document.querySelector(selector))
        })
      }, ops)
    } finally {
      await page.close()
    }
  }

  /** Draws one screen and measures tap targets, images, fixed elements, contrast; `selectors` are tried for WXSS use. */
  async measure({ route, isTab, view, clickable, selectors = [] }) {
    const { page, height, nodes } = await this.draw({ route, isTab, view, clickable })
    try {
      const result = await page.evaluate((viewportHeight) => {
        const visible = (el) => {
          const style = getComputedStyle(el)
          const rect = el.getBoundingClientRect()
          return style.display !== 'none' && style.visibility !== 'hidden' && rect.width > 0 && rect.height > 0
        }
        const box = (el) => {
          const r = el.getBoundingClientRect()
          return {
            x: Math.round(r.left * 10) / 10,
            y: Math.round(r.top * 10) / 10,
            width: Math.round(r.width * 10) / 10,
            height: Math.round(r.height * 10) / 10,
            bottom: Math.round(r.bottom * 10) / 10,
          }
        }
        const label = (el) => (el.innerText || el.getAttribute('class') || el.tagName).replace(/\s+/g, ' ').trim().slice(0, 40)
        const taps = [...document.querySelectorAll('[data-tap]')].filter(visible).map((el) => ({
          n: Number(el.dataset.n),
          tag: el.tagName.toLowerCase(),
          cls: el.getAttribute('class') ?? '',
          label: label(el),
          ...box(el),
        }))
        const images = [...document.querySelectorAll('wx-image')].filter(visible).map((el) => {
          const img = el.querySelector('img')
          return {
            n: Number(el.dataset.n),
            src: img?.dataset.src ?? '',
            mode: el.getAttribute('mode') ?? 'scaleToFill',
            naturalWidth: img?.naturalWidth ?? 0,
            naturalHeight: img?.naturalHeight ?? 0,
            ...box(el),
          }
        })
        const fixed = [...document.querySelectorAll('page *')]
          .filter((el) => visible(el) && getComputedStyle(el).position === 'fixed')
          .map((el) => {
            const targets = [el, ...el.querySelectorAll('[data-tap]')].filter((t) => t.hasAttribute('data-tap') && visible(t))
            return {
              n: Number(el.dataset.n),
              cls: el.getAttribute('class') ?? '',
              label: label(el),
              ...box(el),
              interactive: targets.length > 0,
              lowestTargetBottom: targets.length ? Math.max(...targets.map((t) => t.getBoundingClientRect().bottom)) : null,
            }
          })
        return { taps, images, fixed, viewportHeight }
      }, height)
      // 合理的颜色搭配: WCAG contrast (4.5, or 3 for large text), as axe-core measures it in the H5 journeys.
      await page.addScriptTag({ content: AXE })
      const contrast = await page.evaluate(async () => {
        const { violations } = await window.axe.run(document.body, { runOnly: ['color-contrast'], resultTypes: ['violations'] })
        return violations.flatMap((v) =>
          v.nodes.map((node) => ({
            target: node.target.join(' '),
            summary: node.any[0]?.message ?? v.help,
            text: document.querySelector(node.target[0])?.textContent?.trim().slice(0, 30) ?? '',
          })),
        )
      })
      const matched = await page.evaluate((selectors) => {
        const root = document.querySelector('page')
        return selectors.flatMap((selector, index) => {
          try {
            return document.querySelector(selector) || (root && root.matches(selector)) ? [index] : []
          } catch {
            return [index] // a selector the browser cannot test counts as used
          }
        })
      }, selectors)
      return { ...result, contrast, matched, nodes: nodes.length }
    } finally {
      await page.close()
    }
  }

  async close() {
    for (const pending of this.contexts?.values() ?? []) await (await pending).context.close()
    await this.browser.close()
  }
}
