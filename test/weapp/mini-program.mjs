// A headless WeChat mini-program host for the weapp build in dist/: the app service (logic layer)
// runs the build's own JavaScript in a Node vm context shaped like WeChat's (App, Page, Component,
// getApp, getCurrentPages, wx, the define/require module system with package boundaries, no browser
// globals, no eval/new Function), and the view layer renders each page with the render functions
// WeChat's wcc compiled from the build's .wxml, from the data the page sent through setData.
// What it records feeds the setData table and the 体验评分 rules: every setData call (page, keys,
// bytes, time), JS exceptions, timers and their pages.
import { readFileSync, existsSync, readdirSync, statSync } from 'node:fs'
import { join, posix, relative } from 'node:path'
import vm from 'node:vm'

/** Events that bubble in WeChat's view layer (the rest reach only their target). */
const BUBBLING = new Set([
  'touchstart',
  'touchmove',
  'touchcancel',
  'touchend',
  'tap',
  'longpress',
  'longtap',
  'transitionend',
  'animationstart',
  'animationiteration',
  'animationend',
  'touchforcechange',
])

/** WeChat wraps every module in a function whose parameters hide the browser's globals. */
const HIDDEN_BROWSER_GLOBALS = [
  'window',
  'document',
  'frames',
  'self',
  'location',
  'navigator',
  'localStorage',
  'history',
  'Caches',
  'screen',
  'alert',
  'confirm',
  'prompt',
  'XMLHttpRequest',
  'WebSocket',
  'Reporter',
  'webkit',
  'WeixinJSCore',
]

/** Something the harness itself cannot do (an API the wx double lacks): the run fails on it. */
export class HarnessGap extends Error {
  constructor(message) {
    super(message)
    this.name = 'HarnessGap'
  }
}

const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })

/** WeChat data paths: `a.b[0].c`, and Taro's `root.cn.[0].v`. */
export const parseDataPath = (key) =>
  [...String(key).matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : m[2]))

const setPath = (root, parts, value) => {
  let target = root
  for (let i = 0; i < parts.length - 1; i++) {
    let next = target[parts[i]]
    if (next === null || typeof next !== 'object') {
      next = typeof parts[i + 1] === 'number' ? [] : {}
      target[parts[i]] = next
    }
    target = next
  }
  target[parts[parts.length - 1]] = value
}

/** What crosses from the logic layer to the view layer: JSON (functions and undefined vanish). */
const toView = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)))

const toCamel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase())

export const datasetOf = (node) =>
  Object.fromEntries(
    Object.entries(node.attr ?? {})
      .filter(([key]) => key.startsWith('data-'))
      .map(([key, value]) => [toCamel(key.slice(5)), value]),
  )

/** The text a user reads in a rendered subtree; blocks on their own lines. */
export const textOf = (node) => {
  if (typeof node.text === 'string') return node.text
  const inner = (node.children ?? []).map(textOf).join('')
  return node.tag === 'wx-view' || node.tag === 'wx-button' ? `\n${inner}\n` : inner
}
export const cleanText = (text) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n')

export class MiniProgram {
  /**
   * @param {object} options
   * @param {string} options.dist the weapp build
   * @param {(path: string) => Function} options.templates $gwx from compile.mjs
   * @param {(host: MiniProgram) => object} options.createWx the wx double, given this host
   */
  constructor({ dist, templates, createWx }) {
    this.dist = dist
    this.templates = templates
    this.appJson = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8'))
    this.subPackages = this.appJson.subPackages ?? this.appJson.subpackages ?? []
    this.tabPages = new Set((this.appJson.tabBar?.list ?? []).map((item) => item.pagePath))
    this.allFiles = walk(dist).map((file) => relative(dist, file).split('\\').join('/'))
    this.modules = new Map() // path → { package, exports?, loading }
    this.loadedPackages = new Set()
    this.pageConfigs = new Map()
    this.componentConfigs = new Map()
    this.stack = []
    this.nextWebviewId = 1
    this.errors = []
    this.gaps = []
    this.warnings = []
    this.setDataLog = []
    this.timers = new Map()
    this.timerFindings = []
    this.pendingCallbacks = 0
    this.now = () => performance.now()
    this.componentInstances = new Map()
    this.wx = createWx(this)
    this.context = this.createContext()
  }

  // ---- the app service context ------------------------------------------------------------

  createContext() {
    const consoleDouble = {
      log() {},
      info() {},
      debug() {},
      warn: (...args) => this.warnings.push({ page: this.currentRoute(), message: args.map(String).join(' ') }),
      error: (...args) =>
        this.warnings.push({
          page: this.currentRoute(),
          message: `console.error: ${args.map((a) => (a instanceof Error ? a.stack : String(a))).join(' ')}`,
        }),
      group() {},
      groupEnd() {},
      time() {},
      timeEnd() {},
      table() {},
      trace() {},
      assert() {},
    }
    const timer =
      (kind) =>
      (callback, ms = 0, ...args) =>
        this.addTimer(kind, callback, ms, args)
    const clear = (id) => this.clearTimer(id)
    const globals = {
      console: consoleDouble,
      setTimeout: timer('timeout'),
      setInterval: timer('interval'),
      clearTimeout: clear,
      clearInterval: clear,
      wx: this.wx,
      App: (config) => this.registerApp(config),
      Page: (config) => this.registerPage(config),
      Component: (config) => this.registerComponent(config),
      Behavior: (config) => config,
      getApp: () => this.app,
      getCurrentPages: () => [...this.stack],
      requirePlugin: (name) => {
        throw new Error(`plugin ${name} is not defined`)
      },
    }
    // No eval or new Function in the mini-program: WeChat refuses dynamic code.
    const context = vm.createContext(globals, { name: 'app-service', codeGeneration: { strings: false, wasm: false } })
    this.contextPromise = vm.runInContext('Promise', context)
    return context
  }

  /** Runs app code the way WeChat's native side calls it: an exception is recorded, not thrown. */
  guard(where, fn, ...args) {
    try {
      return fn(...args)
    } catch (error) {
      this.recordError(where, error)
      return undefined
    }
  }

  recordError(where, error) {
    if (error instanceof HarnessGap || error?.name === 'HarnessGap') {
      this.gaps.push(error.message)
      return
    }
    const message = error instanceof Error || error?.stack ? `${error.name}: ${error.message}` : String(error)
    this.errors.push({ where, page: this.currentRoute(), message, stack: String(error?.stack ?? '') })
    this.guardOnError(message)
  }

  guardOnError(message) {
    const onError = this.app?.onError
    if (typeof onError === 'function' && !this.inOnError) {
      this.inOnError = true
      try {
        onError.call(this.app, message)
      } catch {
        // an error in onError itself is not reported again
      } finally {
        this.inOnError = false
      }
    }
  }

  /** Unhandled promise rejections from the app's realm (WeChat reports them as onUnhandledRejection). */
  isAppPromise(promise) {
    return promise instanceof this.contextPromise
  }

  // ---- timers ---------------------------------------------------------------------------------

  addTimer(kind, callback, ms, args) {
    if (this.terminated) return 0
    const id = (this.timerSeq = (this.timerSeq ?? 0) + 1)
    const delay = Math.max(0, Number(ms) || 0)
    const entry = { id, kind, ms: delay, page: this.currentPageKey(), due: this.now() + delay }
    const run = () => {
      if (kind === 'timeout') this.timers.delete(id)
      else entry.due = this.now() + delay
      // 及时回收定时器: the callback must run on the page that set the timer.
      const here = this.currentPageKey()
      if (entry.page && here !== entry.page && !this.timerFindings.some((f) => f.id === id)) {
        this.timerFindings.push({ id, kind, ms: delay, setOn: entry.page, ranOn: here })
      }
      if (typeof callback === 'function') this.guard(`${kind} callback`, () => callback(...args))
    }
    entry.handle = kind === 'timeout' ? setTimeout(run, delay) : setInterval(run, Math.max(delay, 1))
    this.timers.set(id, entry)
    return id
  }

  /** Timers a closed page left behind (its unload and React's clean-up have run by now). */
  checkClosedPageTimers() {
    const open = new Set([...this.stack, ...(this.tabInstances?.values() ?? [])].map((page) => page.__key))
    for (const timer of this.timers.values()) {
      if (!timer.page || open.has(timer.page) || this.timerFindings.some((f) => f.id === timer.id)) continue
      this.timerFindings.push({ id: timer.id, kind: timer.kind, ms: timer.ms, setOn: timer.page, ranOn: null })
    }
  }

  clearTimer(id) {
    const entry = this.timers.get(id)
    if (!entry) return
    clearTimeout(entry.handle)
    clearInterval(entry.handle)
    this.timers.delete(id)
  }

  // ---- modules and packages ---------------------------------------------------------------------

  packageOf(path) {
    return this.subPackages.find((sub) => path.startsWith(`${sub.root.replace(/\/$/, '')}/`))?.root ?? ''
  }

  /** WeChat injects a package's code when it is first needed (lazyCodeLoading). */
  loadPackage(root) {
    if (this.loadedPackages.has(root)) return
    this.loadedPackages.add(root)
    for (const file of this.allFiles) {
      if (file.endsWith('.js') && this.packageOf(file) === root) this.modules.set(file, { package: root })
    }
  }

  resolve(from, request) {
    let path = request.startsWith('/') ? request.slice(1) : posix.normalize(posix.join(posix.dirname(from), request))
    if (!path.endsWith('.js')) path += '.js'
    return path
  }

  require(from, request) {
    const path = this.resolve(from, request)
    const module = this.modules.get(path)
    const fromPackage = this.packageOf(from)
    // A subpackage may use the main package and itself; the main package only itself.
    if (!module || (module.package !== '' && module.package !== fromPackage)) {
      throw new Error(`module '${path}' is not defined, require args is '${request}'`)
    }
    if (module.exports) return module.exports.exports
    module.exports = { exports: {} }
    const source = readFileSync(join(this.dist, path), 'utf8')
    const wrapper = vm.runInContext(
      `(function (require, module, exports, ${HIDDEN_BROWSER_GLOBALS.join(', ')}) {${source}\n})`,
      this.context,
      {
        filename: join(this.dist, path),
      },
    )
    wrapper.call(undefined, (next) => this.require(path, next), module.exports, module.exports.exports)
    return module.exports.exports
  }

  // ---- App / Page / Component --------------------------------------------------------------------

  registerApp(config) {
    if (this.app) throw new Error('App() can only be called once')
    this.app = config
  }

  registerPage(config) {
    if (!this.loadingRoute) throw new Error('Page() can only be called in a page file')
    this.pageConfigs.set(this.loadingRoute, config)
  }

  registerComponent(config) {
    if (!this.loadingComponent) throw new Error('Component() can only be called in a component file')
    this.componentConfigs.set(this.loadingComponent, config)
  }

  jsonOf(path) {
    const file = join(this.dist, `${path}.json`)
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}
  }

  /** usingComponents of a page or component, resolved to component paths. */
  componentsOf(path) {
    const using = this.jsonOf(path).usingComponents ?? {}
    return Object.fromEntries(
      Object.entries(using).map(([name, target]) => [
        name,
        target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(posix.dirname(path), target)),
      ]),
    )
  }

  loadComponent(path) {
    if (this.componentConfigs.has(path)) return
    for (const nested of Object.values(this.componentsOf(path))) if (nested !== path) this.loadComponent(nested)
    this.loadingComponent = path
    try {
      this.require('app.js', `/${path}.js`)
    } finally {
      this.loadingComponent = null
    }
    if (!this.componentConfigs.has(path)) throw new Error(`${path}.js did not call Component()`)
  }

  loadPage(route) {
    if (this.pageConfigs.has(route)) return this.pageConfigs.get(route)
    if (
      !this.appJson.pages.includes(route) &&
      !this.subPackages.some((sub) => sub.pages.some((page) => `${sub.root.replace(/\/$/, '')}/${page}` === route))
    ) {
      throw Object.assign(new Error(`page "${route}" is not found`), { notFound: true })
    }
    this.loadPackage(this.packageOf(route))
    for (const component of Object.values(this.componentsOf(route))) this.loadComponent(component)
    this.loadingRoute = route
    try {
      this.require(`${route}.js`, `./${posix.basename(route)}.js`)
    } finally {
      this.loadingRoute = null
    }
    if (!this.pageConfigs.has(route)) throw new Error(`${route}.js did not call Page()`)
    return this.pageConfigs.get(route)
  }

  createPageInstance(route, query) {
    const config = this.loadPage(route)
    const setData = (owner, data, callback) => this.setData(owner, data, callback)
    const wx = this.wx
    const instance = {}
    for (const [key, value] of Object.entries(config))
      instance[key] = typeof value === 'function' ? value : key === 'data' ? structuredClone(value) : value
    instance.data ??= {}
    const webviewId = this.nextWebviewId++
    Object.assign(instance, {
      route,
      __route__: route,
      options: { ...query },
      __wxWebviewId__: webviewId,
      __wxExparserNodeId__: `page-${webviewId}`,
      setData(data, callback) {
        setData(this, data, callback)
      },
      getPageId() {
        return `pageId:${webviewId}`
      },
      selectComponent() {
        return null
      },
      selectAllComponents() {
        return []
      },
      createSelectorQuery() {
        return wx.createSelectorQuery()
      },
      getOpenerEventChannel() {
        return { on() {}, once() {}, off() {}, emit() {} }
      },
    })
    instance.__view = { data: toView(instance.data) ?? {}, version: 0 }
    instance.__key = `${route}#${webviewId}`
    return instance
  }

  // ---- setData -------------------------------------------------------------------------------------

  setData(owner, data, callback) {
    if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new TypeError('setData: data must be an object')
    const json = JSON.stringify(data)
    const page = owner.__page ?? owner
    this.setDataLog.push({
      page: page.route,
      pageKey: page.__key,
      component: owner.__page ? owner.is : null,
      keys: Object.keys(data),
      bytes: Buffer.byteLength(json, 'utf8'),
      at: this.now(),
    })
    for (const [key, value] of Object.entries(data)) {
      const parts = parseDataPath(key)
      if (!parts.length) continue
      if (value === undefined) {
        this.warnings.push({ page: page.route, message: `Setting data field "${key}" to undefined is invalid.` })
        continue
      }
      setPath(owner.data, parts, value)
      setPath(owner.__view.data, parts, toView(value))
    }
    owner.__view.version++
    if (typeof callback === 'function') {
      this.pendingCallbacks++
      setTimeout(() => {
        this.pendingCallbacks--
        if (this.terminated) return
        this.guard('setData callback', () => callback.call(owner))
      }, 0)
    }
  }

  // ---- lifecycles and navigation --------------------------------------------------------------------

  currentPage() {
    return this.stack[this.stack.length - 1] ?? null
  }

  currentRoute() {
    return this.currentPage()?.route ?? null
  }

  currentPageKey() {
    return this.currentPage()?.__key ?? null
  }

  call(instance, name, ...args) {
    const fn = instance?.[name]
    if (typeof fn !== 'function') return undefined
    return this.guard(`${instance.route ?? 'App'}.${name}`, () => fn.apply(instance, args))
  }

  parseUrl(url, from) {
    const [path, search = ''] = String(url).split('?')
    let route = path.startsWith('/') ? path.slice(1) : posix.normalize(posix.join(posix.dirname(from ?? ''), path))
    route = route.replace(/\.html$/, '')
    const query = {}
    for (const pair of search.split('&').filter(Boolean)) {
      const [key, value = ''] = pair.split('=')
      query[key] = value // WeChat hands query values to onLoad still URL-encoded
    }
    return { route, query }
  }

  /** Cold start: App onLaunch/onShow, then the entry page (path as in a share card). */
  launch({ path = this.appJson.pages[0], query = {}, scene = 1001 } = {}) {
    this.launchOptions = {
      path,
      query,
      scene,
      shareTicket: undefined,
      referrerInfo: {},
      forwardMaterials: [],
      chatType: undefined,
      apiCategory: 'default',
    }
    this.loadPackage('')
    this.require('app.js', './app.js')
    if (!this.app) throw new Error('app.js did not call App()')
    this.call(this.app, 'onLaunch', { ...this.launchOptions })
    this.call(this.app, 'onShow', { ...this.launchOptions })
    this.openPage(path, query)
  }

  openPage(route, query) {
    const page = this.createPageInstance(route, query)
    page.__openedAt = this.now()
    this.stack.push(page)
    this.call(page, 'onLoad', { ...query })
    this.call(page, 'onShow')
    // onReady once the view has drawn the initial data.
    setTimeout(() => {
      if (this.stack.includes(page)) this.call(page, 'onReady')
    }, 16)
    return page
  }

  /** The app is killed: pending timers never fire (WeChat destroys the JS context). */
  terminate() {
    for (const id of [...this.timers.keys()]) this.clearTimer(id)
    this.terminated = true
  }

  hide(page) {
    if (page) this.call(page, 'onHide')
  }

  unload(page) {
    this.call(page, 'onUnload')
    page.__unloaded = true
    for (const [key, instance] of this.componentInstances) {
      if (instance.__page === page) {
        this.callLifetime(instance, 'detached')
        this.componentInstances.delete(key)
      }
    }
  }

  /** wx.navigateTo/redirectTo/reLaunch/switchTab/navigateBack, with WeChat's own refusals. */
  navigate(kind, url) {
    const from = this.currentRoute() ?? ''
    if (kind === 'navigateBack') {
      const delta = Math.max(1, Number(url) || 1)
      if (this.stack.length <= 1) return
      const leaving = this.stack.splice(Math.max(1, this.stack.length - delta))
      for (const page of leaving.reverse()) this.unload(page)
      this.call(this.currentPage(), 'onShow')
      return
    }
    const { route, query } = this.parseUrl(url, from)
    this.loadPage(route) // throws for an unknown page before anything changes
    const isTab = this.tabPages.has(route)
    if (kind === 'navigateTo' || kind === 'redirectTo') {
      if (isTab) throw new Error(`${kind}:fail can not ${kind} a tabbar page`)
      if (kind === 'navigateTo' && this.stack.length >= 10) throw new Error('navigateTo:fail webview count limit exceed')
      if (kind === 'navigateTo') this.hide(this.currentPage())
      else this.unload(this.stack.pop())
      this.openPage(route, query)
      return
    }
    if (kind === 'switchTab') {
      if (!isTab) throw new Error('switchTab:fail can not switch to no-tabBar page')
      const leaving = this.stack.splice(0)
      const kept = this.tabInstances?.get(route)
      for (const page of leaving.reverse()) {
        if (this.tabPages.has(page.route)) this.hide(page)
        else this.unload(page)
      }
      this.tabInstances ??= new Map()
      for (const page of leaving) if (this.tabPages.has(page.route)) this.tabInstances.set(page.route, page)
      if (kept) {
        this.stack.push(kept)
        this.call(kept, 'onShow')
      } else this.tabInstances.set(route, this.openPage(route, {}))
      return
    }
    if (kind === 'reLaunch') {
      const leaving = this.stack.splice(0)
      for (const page of leaving.reverse()) this.unload(page)
      for (const page of this.tabInstances?.values() ?? []) if (!leaving.includes(page)) this.unload(page)
      this.tabInstances = new Map()
      const page = this.openPage(route, query)
      if (isTab) this.tabInstances.set(route, page)
      return
    }
    throw new Error(`unknown navigation ${kind}`)
  }

  /**
   * Taro's own document (its DOM in the logic layer), to ask which elements have tap listeners.
   * Found through webpack's chunk loader: the module Taro provides `document` from.
   */
  taroDocument() {
    if (this.taroDoc) return this.taroDoc
    const id = this.allFiles
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(join(this.dist, file), 'utf8').match(/\((\d+)\)\["document"\]/)?.[1])
      .find(Boolean)
    if (!id) throw new Error("no module provides Taro's document in this build")
    const webpackRequire = vm.runInContext(
      '(() => { let r; wx.webpackJsonp.push([[-1], {}, (x) => { r = x }]); return r })()',
      this.context,
    )
    this.taroDoc = webpackRequire(id).document
    return this.taroDoc
  }

  /** Does a tap on this rendered element do anything (a Taro tap listener, or a native control)? */
  isTappable(node) {
    if (['wx-button', 'wx-navigator', 'wx-switch', 'wx-checkbox', 'wx-radio', 'wx-picker', 'wx-input', 'wx-textarea'].includes(node.tag))
      return true
    if (!node.attr?.bindtap && !node.attr?.catchtap) return false
    const element = this.taroDocument().getElementById(node.attr['data-sid'] ?? node.attr.id)
    const handlers = element?.__handlers ?? {}
    return Boolean(handlers.tap?.length || handlers.longpress?.length)
  }

  // ---- the view layer ---------------------------------------------------------------------------------

  callLifetime(instance, name) {
    const fn = instance.__config.lifetimes?.[name] ?? instance.__config[name]
    if (typeof fn === 'function') this.guard(`${instance.is}.${name}`, () => fn.call(instance))
  }

  componentInstance(path, key, page) {
    let instance = this.componentInstances.get(key)
    if (instance) return instance
    const config = this.componentConfigs.get(path)
    if (!config) throw new Error(`component ${path} is used but not registered`)
    const setData = (owner, data, callback) => this.setData(owner, data, callback)
    const defaults = Object.fromEntries(
      Object.entries(config.properties ?? {}).map(([name, spec]) => [
        name,
        spec && typeof spec === 'object' && 'value' in spec ? structuredClone(spec.value) : undefined,
      ]),
    )
    instance = {
      is: path,
      __config: config,
      __page: page,
      data: { ...defaults, ...structuredClone(config.data ?? {}) },
      setData(data, callback) {
        setData(this, data, callback)
      },
      getPageId() {
        return page.getPageId()
      },
    }
    instance.properties = instance.data
    for (const [name, fn] of Object.entries(config.methods ?? {})) instance[name] = fn
    instance.__view = { data: toView(instance.data), version: 0 }
    this.componentInstances.set(key, instance)
    this.callLifetime(instance, 'created')
    this.callLifetime(instance, 'attached')
    return instance
  }

  /** The page as the view layer draws it: a tree of { tag, attr, children, parent, owner } and { text }. */
  render(page = this.currentPage()) {
    const fn = this.templates(`${page.route}.wxml`)
    if (typeof fn !== 'function') throw new Error(`wcc produced no template for ${page.route}.wxml`)
    const root = { tag: 'page', attr: {}, children: [], parent: null, owner: page, route: page.route }
    const seen = new Set()
    const raw = fn(page.__view.data)
    this.expand(raw.children, root, page, page, this.componentsOf(page.route), 'p', seen)
    for (const [key, instance] of this.componentInstances) {
      if (instance.__page === page && !seen.has(key)) {
        this.callLifetime(instance, 'detached')
        this.componentInstances.delete(key)
      }
    }
    return root
  }

  /** The top-level data keys the page's template reads (a render over a recording proxy). */
  templateKeys(page) {
    const read = new Set()
    const record = (key) => typeof key === 'string' && read.add(key)
    const wrap = (data) =>
      new Proxy(data, {
        get: (target, key) => (record(key), target[key]),
        has: (target, key) => (record(key), key in target),
      })
    this.templates(`${page.route}.wxml`)(page.__view.data, wrap)
    return read
  }

  expand(children, parent, owner, page, components, key, seen) {
    children.forEach((child, index) => {
      if (child === undefined || child === null) return
      if (typeof child !== 'object') {
        const text = String(child)
        if (text !== '') parent.children.push({ text, parent })
        return
      }
      if (child.tag === 'virtual') {
        this.expand(child.children ?? [], parent, owner, page, components, `${key}.${index}`, seen)
        return
      }
      const name = child.tag.replace(/^wx-/, '')
      const componentPath = components[name]
      if (componentPath) {
        const instanceKey = `${page.__key}|${key}.${index}:${name}:${child.attr?.i?.sid ?? ''}`
        seen.add(instanceKey)
        const instance = this.componentInstance(componentPath, instanceKey, page)
        for (const prop of Object.keys(instance.__config.properties ?? {})) {
          if (child.attr && prop in child.attr) {
            instance.data[prop] = child.attr[prop]
            instance.__view.data[prop] = toView(child.attr[prop])
          }
        }
        const fn = this.templates(`${componentPath}.wxml`)
        if (typeof fn !== 'function') throw new Error(`wcc produced no template for ${componentPath}.wxml`)
        const raw = fn(instance.__view.data)
        let host = parent
        if (!instance.__config.options?.virtualHost) {
          host = { tag: child.tag, attr: child.attr ?? {}, children: [], parent, owner }
          parent.children.push(host)
        }
        this.expand(raw.children, host, instance, page, this.componentsOf(componentPath), `${key}.${index}`, seen)
        return
      }
      const node = { tag: child.tag, attr: child.attr ?? {}, children: [], parent, owner }
      parent.children.push(node)
      this.expand(child.children ?? [], node, owner, page, components, `${key}.${index}`, seen)
    })
  }

  /**
   * Fires a view event on a rendered node the way WeChat does: bind/catch handlers from the target up
   * (bubbling events only), each called on the page or component that owns that node.
   */
  dispatch(node, type, detail = {}, extra = {}) {
    const target = { id: node.attr?.id ?? '', dataset: datasetOf(node), offsetLeft: 0, offsetTop: 0 }
    const bubbles = BUBBLING.has(type)
    for (let current = node; current && current.tag !== 'page'; current = current.parent) {
      const attr = current.attr ?? {}
      const bound = attr[`bind${type}`] ?? attr[`bind:${type}`]
      const caught = attr[`catch${type}`] ?? attr[`catch:${type}`]
      const method = caught ?? bound
      if (method) {
        const owner = current.owner
        const fn = owner?.[method]
        const event = {
          type,
          timeStamp: Math.round(this.now()),
          target,
          currentTarget: { id: attr.id ?? '', dataset: datasetOf(current) },
          detail,
          mark: {},
          touches: [],
          changedTouches: [],
          ...extra,
        }
        if (typeof fn === 'function') this.guard(`${type} handler ${method}`, () => fn.call(owner, event))
        else
          this.recordError(
            `${type} handler`,
            new Error(`Component "${owner?.is ?? owner?.route}" does not have a method "${method}" to handle event "${type}".`),
          )
        if (caught) break
      }
      if (!bubbles) break
    }
  }
}
