// What a journey uses to act like a user on the headless mini-program: open it (cold start, as from
// a share card), read the text on screen, tap, type, wait for the app to settle. One driver is one
// phone: its own storage, its own WeChat user (openid), its own privacy consent.
import { cleanText, MiniProgram, textOf } from './mini-program.mjs'
import { createWx } from './wx.mjs'

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

export class WeappDriver {
  /** `onLaunch(mp, wxState)` sees every run of the app (each cold start), for the measurements. */
  constructor({ dist, templates, builtOrigin, apiOrigin, wechat, openid, libVersion, name, onLaunch, layout }) {
    this.name = name
    this.layout = layout
    this.options = { dist, templates, builtOrigin, apiOrigin, wechat, openid, libVersion }
    this.onLaunch = onLaunch
    // What outlives a cold start on this phone: storage and the consent WeChat keeps.
    this.storage = new Map()
    this.privacyAgreed = false
    this.settled = [] // { page, pageKey, view } at each settle point, for the node and layout rules
  }

  /** Cold start (the previous run of the app on this phone is killed first). */
  launch({ path, query = {}, scene = 1001 } = {}) {
    this.kill()
    const { dist, templates, builtOrigin, apiOrigin, wechat, openid, libVersion } = this.options
    this.mp = new MiniProgram({
      dist,
      templates,
      createWx: (host) => {
        const { wx, state } = createWx(host, { builtOrigin, apiOrigin, libVersion, nextLoginCode: () => wechat.issueCode(openid) })
        state.storage = this.storage
        state.privacyAgreed = this.privacyAgreed
        this.wxState = state
        return wx
      },
    })
    const mp = this.mp
    if (this.layout)
      mp.viewQuery = (ops) =>
        this.layout.query({ route: mp.currentRoute(), isTab: mp.tabPages.has(mp.currentRoute()), view: mp.render(), ops })
    this.onLaunch?.(this.mp, this.wxState, this)
    this.mp.launch({ path, query, scene })
    return this.idle()
  }

  /** The app is closed: no more timers or callbacks from it. */
  kill() {
    if (!this.mp) return
    this.privacyAgreed = this.wxState.privacyAgreed
    this.mp.terminate()
  }

  /** The user taps a tab of the native tab bar. */
  async switchTab(route) {
    this.mp.call(this.page, 'onTabItemTap', { index: [...this.mp.tabPages].indexOf(route), pagePath: route, text: '' })
    this.mp.navigate('switchTab', `/${route}`)
    await this.idle()
  }

  get page() {
    return this.mp.currentPage()
  }

  view() {
    return this.mp.render()
  }

  text(view = this.view()) {
    return cleanText(textOf(view))
  }

  /** Waits until no request, routing, setData callback or short timer is pending. */
  async idle({ timeout = 15_000, quietMs = 40 } = {}) {
    const deadline = Date.now() + timeout
    let quietSince = null
    for (;;) {
      const soon = this.mp.now() + 300
      const timers = [...this.mp.timers.values()].filter((timer) => timer.kind === 'timeout' && timer.due <= soon)
      const busy = this.wxState.inflight > 0 || this.mp.pendingCallbacks > 0 || timers.length > 0
      if (!busy) {
        quietSince ??= Date.now()
        if (Date.now() - quietSince >= quietMs) break
      } else quietSince = null
      if (Date.now() > deadline) {
        throw new Error(
          `${this.name}: the mini-program did not settle in ${timeout} ms (requests in flight ${this.wxState.inflight}, callbacks ${this.mp.pendingCallbacks}, short timers ${timers.length})`,
        )
      }
      await sleep(5)
    }
    this.mp.checkClosedPageTimers()
    const page = this.page
    if (page) {
      page.__settledAt ??= this.mp.now()
      this.settled.push({ page: page.route, pageKey: page.__key, view: this.view(), at: this.mp.now() })
    }
  }

  /** Waits for text on screen (string or RegExp) or for check(view) to hold. */
  async waitFor(what, { timeout = 10_000 } = {}) {
    const deadline = Date.now() + timeout
    const holds = (view) =>
      typeof what === 'function' ? what(view) : typeof what === 'string' ? this.text(view).includes(what) : what.test(this.text(view))
    for (;;) {
      const view = this.view()
      if (holds(view)) return view
      if (Date.now() > deadline) {
        throw new Error(
          `${this.name}: waited ${timeout} ms on ${this.page?.route} for ${what}; the screen shows:\n${this.text(view).slice(0, 1500)}`,
        )
      }
      await sleep(20)
    }
  }

  nodes(view = this.view()) {
    const out = []
    const visit = (node) => {
      if (node.tag) {
        out.push(node)
        for (const child of node.children) visit(child)
      }
    }
    visit(view)
    return out
  }

  /** The innermost elements whose text contains `text`. */
  findAll(text, view = this.view()) {
    const matches = this.nodes(view).filter(
      (node) =>
        node.tag !== 'page' && (typeof text === 'string' ? cleanText(textOf(node)).includes(text) : text.test(cleanText(textOf(node)))),
    )
    return matches.filter((node) => !matches.some((other) => other !== node && other.parent && isInside(other, node)))
  }

  /** The element showing exactly this text, else one containing it. */
  pick(text, index = 0) {
    const all = this.findAll(text)
    const exact = all.filter((node) => (typeof text === 'string' ? cleanText(textOf(node)) === text : false))
    const node = (exact.length ? exact : all)[index]
    if (!node) this.find(text)
    return node
  }

  find(text, view) {
    const [node] = this.findAll(text, view)
    if (!node)
      throw new Error(
        `${this.name}: no "${text}" on ${this.page?.route}; the screen shows:\n${this.text(view ?? this.view()).slice(0, 1500)}`,
      )
    return node
  }

  /** The element a finger on `node` triggers: itself or the nearest ancestor that handles taps. */
  tapTarget(node) {
    for (let current = node; current && current.tag !== 'page'; current = current.parent) {
      if (current.tag === 'wx-button' || current.attr?.bindtap || current.attr?.catchtap) return current
    }
    throw new Error(`${this.name}: nothing handles a tap on "${cleanText(textOf(node)).slice(0, 40)}"`)
  }

  /** touchstart, touchend, tap — as a finger does — then the button's open-type, if any. */
  async tap(what, { index = 0 } = {}) {
    const node = typeof what === 'string' || what instanceof RegExp ? this.pick(what, index) : what
    const target = this.tapTarget(node)
    if (target.tag === 'wx-button' && target.attr.disabled) throw new Error(`${this.name}: "${cleanText(textOf(target))}" is disabled`)
    const point = { x: 10, y: 10 }
    const touch = { identifier: 0, pageX: 10, pageY: 10, clientX: 10, clientY: 10 }
    this.mp.dispatch(node, 'touchstart', {}, { touches: [touch], changedTouches: [touch] })
    this.mp.dispatch(node, 'touchend', {}, { touches: [], changedTouches: [touch] })
    this.mp.dispatch(node, 'tap', point)
    if (target.tag === 'wx-button' && target.attr.openType) this.openType(target)
    await this.idle()
  }

  openType(button) {
    const type = button.attr.openType
    if (type === 'agreePrivacyAuthorization') {
      this.wxState.privacyAgreed = true
      this.mp.dispatch(button, 'agreeprivacyauthorization', { errMsg: 'agreePrivacyAuthorization:ok' })
    } else if (type === 'share') {
      this.lastShare = this.mp.call(this.page, 'onShareAppMessage', { from: 'button', target: { id: button.attr.id, dataset: {} } })
    } else throw new Error(`${this.name}: open-type="${type}" is not supported by the headless run`)
  }

  /** The input or textarea with this placeholder (or the given node): focus, type, blur. */
  async type(what, value) {
    const node =
      typeof what === 'string' || what instanceof RegExp
        ? this.nodes().find(
            (n) =>
              (n.tag === 'wx-input' || n.tag === 'wx-textarea') &&
              (typeof what === 'string' ? n.attr.placeholder === what : what.test(n.attr.placeholder ?? '')),
          )
        : what
    if (!node) throw new Error(`${this.name}: no input with placeholder "${what}" on ${this.page?.route}`)
    this.mp.dispatch(node, 'focus', { value: node.attr.value ?? '', height: 0 })
    this.mp.dispatch(node, 'input', { value, cursor: value.length, keyCode: 0 })
    await this.idle()
    const current = this.nodes().find((n) => n.attr?.id && n.attr.id === node.attr.id) ?? node
    this.mp.dispatch(current, 'blur', { value, cursor: value.length })
    await this.idle()
  }

  /** The share card of the current page, as WeChat asks for it from the … menu. */
  share() {
    return this.mp.call(this.page, 'onShareAppMessage', { from: 'menu' })
  }

  async pullDownRefresh() {
    this.mp.call(this.page, 'onPullDownRefresh')
    await this.idle()
  }
}

const isInside = (inner, outer) => {
  for (let node = inner.parent; node; node = node.parent) if (node === outer) return true
  return false
}
