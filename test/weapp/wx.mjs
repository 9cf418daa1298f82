// The wx test double for the headless mini-program (mini-program.mjs). It offers every name of the
// documented wx API (wx-apis.mjs, so Taro wraps the same set it would in WeChat); the ones the app
// uses behave as WeChat documents them, the rest throw a HarnessGap that fails the run.
// Network calls are real: wx.request and wx.uploadFile go to the API process started for the run.
// The build has its API origin compiled in (TARO_APP_API_BASE); WeChat only lets a mini-program call
// its whitelisted domains, so the double accepts exactly that origin and sends it to the test API.
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { HarnessGap } from './mini-program.mjs'
import { wxApiCatalogue } from './wx-apis.mjs'

/** An iPhone X class device: notch and home indicator, so safe areas matter. */
export const DEVICE = {
  brand: 'iPhone',
  model: 'iPhone X',
  system: 'iOS 16.6',
  platform: 'ios',
  pixelRatio: 3,
  screenWidth: 375,
  screenHeight: 812,
  statusBarHeight: 44,
  navigationBarHeight: 44,
  tabBarHeight: 49,
  safeAreaBottomInset: 34,
}

const later = (fn) => setTimeout(fn, 0)

/** Width and height from a PNG's IHDR or a JPEG's start-of-frame. */
const imageSize = (bytes) => {
  if (bytes.length > 24 && bytes.toString('ascii', 12, 16) === 'IHDR')
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
  for (let i = 2; bytes[0] === 0xff && bytes[1] === 0xd8 && i + 9 < bytes.length;) {
    const marker = bytes[i + 1]
    if (marker >= 0xc0 && marker <= 0xc3) return { width: bytes.readUInt16BE(i + 7), height: bytes.readUInt16BE(i + 5) }
    i += 2 + bytes.readUInt16BE(i + 2)
  }
  return { width: 0, height: 0 }
}
const imageType = (bytes) => (bytes[0] === 0xff && bytes[1] === 0xd8 ? 'image/jpeg' : 'image/png')

/**
 * @param {import('./mini-program.mjs').MiniProgram} host
 * @param {object} options
 * @param {string} options.builtOrigin the API origin compiled into the build
 * @param {string} options.apiOrigin where the test API listens
 * @param {() => string} options.nextLoginCode wx.login codes the WeChat server double knows
 */
export function createWx(host, { builtOrigin, apiOrigin, nextLoginCode, libVersion }) {
  const catalogue = wxApiCatalogue()
  const state = {
    calls: [], // { name, page }
    requests: [], // { id, page, pageKey, kind, method, url, status, error, startedAt, endedAt, bytes, bodyHash }
    inflight: 0,
    storage: new Map(),
    toasts: [],
    modals: [],
    modalAnswers: [],
    titles: [],
    shareMenus: [],
    phoneCalls: [],
    clipboard: null,
    locations: [],
    previews: [],
    subscriptions: [],
    privacyAgreed: false,
    privacyContracts: 0,
    needPrivacyListener: null,
    media: [], // files chooseMedia will hand out next: { path, bytes }
    tempFiles: new Map(), // temp path → bytes
    appListeners: new Map(),
  }
  const wx = {}
  let requestSeq = 0

  const respond = (name, options, result, ok = true) => {
    const payload = { errMsg: `${name}:${ok ? 'ok' : `fail ${result?.reason ?? ''}`.trim()}`, ...(ok ? result : result?.extra) }
    host.pendingCallbacks++
    later(() => {
      host.pendingCallbacks--
      if (host.terminated) return
      const callback = ok ? options?.success : options?.fail
      if (typeof callback === 'function') host.guard(`wx.${name} ${ok ? 'success' : 'fail'}`, () => callback(payload))
      if (typeof options?.complete === 'function') host.guard(`wx.${name} complete`, () => options.complete(payload))
    })
    return payload
  }
  const ok = (name, options, result = {}) => respond(name, options, result, true)
  const fail = (name, options, reason, extra = {}) => respond(name, options, { reason, extra }, false)

  // Every documented name exists; unimplemented ones fail the run if the app calls them.
  for (const name of catalogue.keys()) {
    wx[name] = () => {
      state.calls.push({ name, page: host.currentRoute(), missing: true })
      throw new HarnessGap(`wx.${name} is called by the app but not implemented by the test double (test/weapp/wx.mjs)`)
    }
  }

  const implement = (name, fn) => {
    if (!catalogue.has(name)) throw new Error(`wx.${name} is not a documented wx API`)
    wx[name] = (...args) => {
      state.calls.push({ name, page: host.currentRoute() })
      return fn(...args)
    }
  }

  /** The consent gate of 用户隐私保护指引: before agreement, privacy APIs ask or fail with errno 104. */
  const privacyGate = (name, options, run) => {
    if (state.privacyAgreed) return run()
    const listener = state.needPrivacyListener
    if (listener) {
      host.guard('onNeedPrivacyAuthorization', () =>
        listener(
          (answer) => {
            if (answer?.event === 'agree' || state.privacyAgreed) {
              state.privacyAgreed = true
              run()
            } else fail(name, options, 'privacy permission is not authorized', { errno: 104 })
          },
          { referrer: name },
        ),
      )
      return undefined
    }
    return fail(name, options, 'privacy permission is not authorized', { errno: 104 })
  }

  // ---- base, system, storage ------------------------------------------------------------------

  const windowInfo = () => {
    const tab = host.tabPages.has(host.currentRoute() ?? '')
    const top = DEVICE.statusBarHeight + DEVICE.navigationBarHeight
    const bottom = tab ? DEVICE.tabBarHeight + DEVICE.safeAreaBottomInset : 0
    return {
      pixelRatio: DEVICE.pixelRatio,
      screenWidth: DEVICE.screenWidth,
      screenHeight: DEVICE.screenHeight,
      windowWidth: DEVICE.screenWidth,
      windowHeight: DEVICE.screenHeight - top - bottom,
      statusBarHeight: DEVICE.statusBarHeight,
      safeArea: {
        left: 0,
        right: DEVICE.screenWidth,
        top: DEVICE.statusBarHeight,
        bottom: DEVICE.screenHeight - DEVICE.safeAreaBottomInset,
        width: DEVICE.screenWidth,
        height: DEVICE.screenHeight - DEVICE.statusBarHeight - DEVICE.safeAreaBottomInset,
      },
      screenTop: top,
    }
  }
  const deviceInfo = () => ({
    abi: '',
    benchmarkLevel: 1,
    brand: DEVICE.brand,
    model: DEVICE.model,
    system: DEVICE.system,
    platform: DEVICE.platform,
    memorySize: 3072,
  })
  const appBaseInfo = () => ({
    SDKVersion: libVersion,
    enableDebug: false,
    host: { env: 'WeChat' },
    language: 'zh_CN',
    version: '8.0.50',
    theme: 'light',
    fontSizeSetting: 17,
  })
  implement('getWindowInfo', windowInfo)
  implement('getDeviceInfo', deviceInfo)
  implement('getAppBaseInfo', appBaseInfo)
  implement('getSystemSetting', () => ({
    bluetoothEnabled: false,
    locationEnabled: true,
    wifiEnabled: true,
    deviceOrientation: 'portrait',
  }))
  implement('getAppAuthorizeSetting', () => ({
    albumAuthorized: 'authorized',
    cameraAuthorized: 'authorized',
    locationAuthorized: 'not determined',
    notificationAuthorized: 'authorized',
  }))
  const systemInfo = () => ({ ...windowInfo(), ...deviceInfo(), ...appBaseInfo() })
  implement('getSystemInfoSync', systemInfo)
  implement('getSystemInfo', (options) => ok('getSystemInfo', options, systemInfo()))
  implement('getMenuButtonBoundingClientRect', () => ({ width: 87, height: 32, top: 48, right: 368, bottom: 80, left: 281 }))
  implement(
    'canIUse',
    (schema) => catalogue.has(String(schema).split('.')[0]) || /^(button|view|text|image|input|textarea|scroll-view)/.test(String(schema)),
  )
  implement('getAccountInfoSync', () => ({ miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' }, plugin: {} }))
  implement('getEnterOptionsSync', () => ({ ...host.launchOptions }))
  implement('getLaunchOptionsSync', () => ({ ...host.launchOptions }))
  implement('nextTick', (fn) => host.addTimer('timeout', fn, 0, []))
  implement('getNetworkType', (options) => ok('getNetworkType', options, { networkType: 'wifi', signalStrength: 0, hasSystemProxy: false }))
  for (const name of [
    'onNetworkStatusChange',
    'offNetworkStatusChange',
    'onAppShow',
    'offAppShow',
    'onAppHide',
    'offAppHide',
    'onError',
    'offError',
    'onUnhandledRejection',
    'offUnhandledRejection',
    'onPageNotFound',
    'offPageNotFound',
    'onMemoryWarning',
    'offMemoryWarning',
    'onThemeChange',
    'offThemeChange',
    'onWindowResize',
    'offWindowResize',
  ]) {
    implement(name, (listener) => {
      const list = state.appListeners.get(name) ?? []
      list.push(listener)
      state.appListeners.set(name, list)
    })
  }
  implement('getUpdateManager', () => ({ onCheckForUpdate() {}, onUpdateReady() {}, onUpdateFailed() {}, applyUpdate() {} }))

  // Values are kept as WeChat does (native objects, not strings); 1 MB per key, 10 MB in all.
  const storageBytes = () => [...state.storage.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0)
  const storageSet = (key, data) => {
    if (typeof key !== 'string' || key === '')
      throw new Error('setStorageSync:fail parameter error: parameter.key should be String instead of Undefined;')
    const text = JSON.stringify(data === undefined ? null : data)
    if (Buffer.byteLength(text) > 1024 * 1024) throw new Error('setStorageSync:fail exceed storage item max length')
    if (storageBytes() - Buffer.byteLength(state.storage.get(key) ?? '') + Buffer.byteLength(text) > 10 * 1024 * 1024)
      throw new Error('setStorageSync:fail exceed storage max size 10Mb')
    state.storage.set(key, text)
  }
  const storageGet = (key) => (state.storage.has(key) ? JSON.parse(state.storage.get(key)) : '')
  implement('setStorageSync', storageSet)
  implement('getStorageSync', storageGet)
  implement('removeStorageSync', (key) => void state.storage.delete(key))
  implement('clearStorageSync', () => state.storage.clear())
  implement('getStorageInfoSync', () => ({
    keys: [...state.storage.keys()],
    currentSize: Math.ceil(storageBytes() / 1024),
    limitSize: 10240,
  }))
  implement('setStorage', (options) => {
    try {
      storageSet(options.key, options.data)
      return ok('setStorage', options)
    } catch (error) {
      return fail('setStorage', options, error.message)
    }
  })
  implement('getStorage', (options) =>
    state.storage.has(options.key)
      ? ok('getStorage', options, { data: storageGet(options.key) })
      : fail('getStorage', options, 'data not found'),
  )
  implement('removeStorage', (options) => {
    state.storage.delete(options.key)
    return ok('removeStorage', options)
  })

  // ---- navigation and the page's chrome -----------------------------------------------------------

  for (const kind of ['navigateTo', 'redirectTo', 'reLaunch', 'switchTab', 'navigateBack']) {
    implement(kind, (options = {}) => {
      const target = kind === 'navigateBack' ? (options.delta ?? 1) : options.url
      // WeChat routes after the current task.
      host.pendingCallbacks++
      later(() => {
        host.pendingCallbacks--
        if (host.terminated) return
        try {
          host.navigate(kind, target)
          ok(kind, options)
        } catch (error) {
          if (error.notFound) fail(kind, options, `page "${host.parseUrl(target).route}" is not found`)
          else if (/^\w+:fail/.test(error.message)) fail(kind, options, error.message.replace(/^\w+:fail\s*/, ''))
          else host.recordError(`wx.${kind}`, error)
        }
      })
    })
  }
  implement('setNavigationBarTitle', (options) => {
    state.titles.push({ page: host.currentRoute(), title: options.title })
    host.currentPage() && (host.currentPage().__title = options.title)
    return ok('setNavigationBarTitle', options)
  })
  implement('setNavigationBarColor', (options) => ok('setNavigationBarColor', options))
  implement('showNavigationBarLoading', (options) => ok('showNavigationBarLoading', options))
  implement('hideNavigationBarLoading', (options) => ok('hideNavigationBarLoading', options))
  implement('startPullDownRefresh', (options) => ok('startPullDownRefresh', options))
  implement('stopPullDownRefresh', (options) => ok('stopPullDownRefresh', options))
  implement('pageScrollTo', (options) => ok('pageScrollTo', options))
  for (const name of ['showShareMenu', 'hideShareMenu', 'updateShareMenu']) {
    implement(name, (options = {}) => {
      state.shareMenus.push({ name, page: host.currentRoute(), menus: options.menus, withShareTicket: options.withShareTicket })
      return ok(name, options)
    })
  }
  implement('showToast', (options) => {
    state.toasts.push({ page: host.currentRoute(), title: options.title, icon: options.icon })
    return ok('showToast', options)
  })
  implement('hideToast', (options) => ok('hideToast', options))
  implement('showLoading', (options) => ok('showLoading', options))
  implement('hideLoading', (options) => ok('hideLoading', options))
  implement('showModal', (options) => {
    const answer = state.modalAnswers.shift() ?? 'confirm'
    state.modals.push({ page: host.currentRoute(), title: options.title, content: options.content, answer })
    return ok('showModal', options, { confirm: answer === 'confirm', cancel: answer !== 'confirm' })
  })
  implement('vibrateShort', (options) => ok('vibrateShort', options))

  // ---- device abilities the app hands over to WeChat ------------------------------------------------

  implement('makePhoneCall', (options) => {
    state.phoneCalls.push({ page: host.currentRoute(), phoneNumber: options.phoneNumber })
    return ok('makePhoneCall', options)
  })
  implement('setClipboardData', (options) =>
    privacyGate('setClipboardData', options, () => {
      state.clipboard = String(options.data)
      return ok('setClipboardData', options)
    }),
  )
  implement('openLocation', (options) => {
    state.locations.push({ page: host.currentRoute(), latitude: options.latitude, longitude: options.longitude, name: options.name })
    return ok('openLocation', options)
  })
  implement('previewImage', (options) => {
    state.previews.push({ page: host.currentRoute(), urls: options.urls, current: options.current })
    return ok('previewImage', options)
  })
  implement('requestSubscribeMessage', (options) => {
    state.subscriptions.push({ page: host.currentRoute(), tmplIds: options.tmplIds })
    return ok('requestSubscribeMessage', options, Object.fromEntries((options.tmplIds ?? []).map((id) => [id, 'accept'])))
  })
  implement('chooseMedia', (options = {}) =>
    privacyGate('chooseMedia', options, () => {
      const picked = state.media.splice(0, options.count ?? 9)
      if (!picked.length) return fail('chooseMedia', options, 'cancel')
      const tempFiles = picked.map((file, index) => {
        const tempFilePath = `http://tmp/${Date.now().toString(36)}${index}-${basename(file.path)}`
        state.tempFiles.set(tempFilePath, file.bytes)
        return { tempFilePath, size: file.bytes.length, fileType: 'image', ...imageSize(file.bytes) }
      })
      return ok('chooseMedia', options, { tempFiles, type: 'image' })
    }),
  )
  implement('getImageInfo', (options) => {
    const bytes = state.tempFiles.get(options.src)
    return bytes
      ? ok('getImageInfo', options, { ...imageSize(bytes), path: options.src, type: imageType(bytes).slice(6), orientation: 'up' })
      : fail('getImageInfo', options, 'file not found')
  })
  implement('login', (options = {}) => ok('login', options, { code: nextLoginCode() }))

  // ---- privacy (用户隐私保护指引) -------------------------------------------------------------------

  implement('getPrivacySetting', (options = {}) =>
    ok('getPrivacySetting', options, { needAuthorization: !state.privacyAgreed, privacyContractName: '《园区通隐私保护指引》' }),
  )
  implement('requirePrivacyAuthorize', (options = {}) =>
    privacyGate('requirePrivacyAuthorize', options, () => ok('requirePrivacyAuthorize', options)),
  )
  implement('onNeedPrivacyAuthorization', (listener) => {
    state.needPrivacyListener = listener
  })
  implement('openPrivacyContract', (options = {}) => {
    state.privacyContracts++
    return ok('openPrivacyContract', options)
  })

  // ---- network ---------------------------------------------------------------------------------------

  const toApi = (url) => {
    let parsed
    try {
      parsed = new URL(url)
    } catch {
      return { error: `invalid url "${url}"` }
    }
    if (parsed.origin !== new URL(builtOrigin).origin) return { error: `url not in domain list: ${parsed.origin}` }
    return { url: `${apiOrigin}${parsed.pathname}${parsed.search}` }
  }
  const headerObject = (headers) => Object.fromEntries([...headers.entries()])
  const encodeQuery = (data) =>
    Object.entries(data)
      .filter(([, value]) => value !== undefined)
      .map(
        ([key, value]) =>
          `${encodeURIComponent(key)}=${encodeURIComponent(typeof value === 'object' ? JSON.stringify(value) : String(value))}`,
      )
      .join('&')

  const track = (kind, method, url) => {
    const entry = {
      id: ++requestSeq,
      kind,
      page: host.currentRoute(),
      pageKey: host.currentPageKey(),
      method,
      url,
      startedAt: host.now(),
      endedAt: null,
      status: null,
      error: null,
      bytes: 0,
    }
    state.requests.push(entry)
    state.inflight++
    return entry
  }
  const finish = (entry, fields) => {
    Object.assign(entry, fields, { endedAt: host.now() })
    state.inflight--
  }

  implement('request', (options = {}) => {
    const method = String(options.method ?? 'GET').toUpperCase()
    const entry = track('request', method, options.url)
    const controller = new AbortController()
    const task = {
      abort: () => controller.abort(),
      onHeadersReceived() {},
      offHeadersReceived() {},
      onChunkReceived() {},
      offChunkReceived() {},
    }
    const target = toApi(options.url)
    if (target.error) {
      finish(entry, { error: target.error })
      fail('request', options, target.error)
      return task
    }
    const header = { ...(options.header ?? {}) }
    const contentType = Object.entries(header).find(([key]) => key.toLowerCase() === 'content-type')?.[1] ?? 'application/json'
    let url = target.url
    let body
    const data = options.data
    if (method === 'GET' || method === 'HEAD') {
      if (data && typeof data === 'object') url += `${url.includes('?') ? '&' : '?'}${encodeQuery(data)}`
      else if (typeof data === 'string' && data) url += `${url.includes('?') ? '&' : '?'}${data}`
    } else if (data !== undefined) {
      body =
        typeof data === 'string' || data instanceof ArrayBuffer
          ? data
          : contentType.includes('x-www-form-urlencoded')
            ? encodeQuery(data)
            : JSON.stringify(data)
      if (!Object.keys(header).some((key) => key.toLowerCase() === 'content-type')) header['content-type'] = 'application/json'
    }
    const timeout = setTimeout(() => controller.abort('timeout'), options.timeout ?? 60000)
    fetch(url, { method, headers: header, body, signal: controller.signal })
      .then(async (response) => {
        const bytes = Buffer.from(await response.arrayBuffer())
        const text = bytes.toString('utf8')
        let parsed = text
        if ((options.dataType ?? 'json') === 'json') {
          try {
            parsed = JSON.parse(text)
          } catch {
            parsed = text
          }
        }
        finish(entry, { status: response.status, bytes: bytes.length, body: bytes.length > 128 * 1024 ? text : undefined })
        ok('request', options, {
          data: options.responseType === 'arraybuffer' ? bytes.buffer : parsed,
          statusCode: response.status,
          header: headerObject(response.headers),
          cookies: [],
        })
      })
      .catch((error) => {
        const reason = controller.signal.aborted
          ? controller.signal.reason === 'timeout'
            ? 'timeout'
            : 'abort'
          : (error.cause?.code ?? error.message)
        finish(entry, { error: reason })
        fail('request', options, reason)
      })
      .finally(() => clearTimeout(timeout))
    return task
  })

  implement('uploadFile', (options = {}) => {
    const entry = track('uploadFile', 'POST', options.url)
    const controller = new AbortController()
    const progress = []
    const task = {
      abort: () => controller.abort(),
      onProgressUpdate: (fn) => progress.push(fn),
      offProgressUpdate() {},
      onHeadersReceived() {},
      offHeadersReceived() {},
    }
    const target = toApi(options.url)
    const bytes = state.tempFiles.get(options.filePath)
    if (target.error || !bytes) {
      const reason = target.error ?? `file not found: ${options.filePath}`
      finish(entry, { error: reason })
      fail('uploadFile', options, reason)
      return task
    }
    const form = new FormData()
    for (const [key, value] of Object.entries(options.formData ?? {})) form.append(key, String(value))
    form.append(options.name, new Blob([bytes], { type: imageType(bytes) }), basename(options.filePath))
    const timeout = setTimeout(() => controller.abort('timeout'), options.timeout ?? 60000)
    fetch(target.url, { method: 'POST', headers: options.header ?? {}, body: form, signal: controller.signal })
      .then(async (response) => {
        const text = await response.text()
        finish(entry, { status: response.status, bytes: Buffer.byteLength(text) })
        for (const fn of progress)
          host.guard('uploadFile progress', () =>
            fn({ progress: 100, totalBytesSent: bytes.length, totalBytesExpectedToSend: bytes.length }),
          )
        ok('uploadFile', options, { data: text, statusCode: response.status })
      })
      .catch((error) => {
        const reason = controller.signal.aborted ? 'abort' : (error.cause?.code ?? error.message)
        finish(entry, { error: reason })
        fail('uploadFile', options, reason)
      })
      .finally(() => clearTimeout(timeout))
    return task
  })

  // SelectorQuery: answered by the view layer (layout.mjs draws the current screen), asynchronously.
  implement('createSelectorQuery', () => {
    const ops = []
    const callbacks = []
    const nodesRef = (selector, all, viewport) => {
      const add = (fields, callback) => {
        ops.push({ selector, all, viewport, fields })
        callbacks.push(callback)
        return query
      }
      return {
        boundingClientRect: (callback) => add({ rect: true, id: true, dataset: true }, callback),
        scrollOffset: (callback) => add({ scrollOffset: true, id: true, dataset: true }, callback),
        fields: (fields, callback) => add(fields, callback),
      }
    }
    const query = {
      in: () => query,
      select: (selector) => nodesRef(selector, false, false),
      selectAll: (selector) => nodesRef(selector, true, false),
      selectViewport: () => nodesRef(null, false, true),
      exec: (callback) => {
        if (!host.viewQuery) throw new HarnessGap('wx.createSelectorQuery needs the layout (test/weapp/layout.mjs)')
        host.pendingCallbacks++
        host
          .viewQuery(ops)
          .then((results) => {
            if (host.terminated) return
            results.forEach(
              (result, index) =>
                typeof callbacks[index] === 'function' && host.guard('SelectorQuery callback', () => callbacks[index](result)),
            )
            if (typeof callback === 'function') host.guard('SelectorQuery exec', () => callback(results))
          })
          .catch((error) => host.gaps.push(`SelectorQuery failed in the layout: ${error.message}`))
          .finally(() => host.pendingCallbacks--)
        return query
      },
    }
    return query
  })

  wx.env = { USER_DATA_PATH: 'wxfile://usr' }
  return { wx, state }
}

/** A PNG on disk for chooseMedia to hand out. */
export const mediaFile = (path) => ({ path, bytes: readFileSync(path) })
