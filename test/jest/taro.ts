/**
 * A small test double of the @tarojs/taro APIs the app calls (jest maps '@tarojs/taro' here).
 * Tests drive it through the exported `taroMock` helpers: set the router params, answer requests,
 * read what was stored, navigated to or shown.
 */
import { useEffect, useLayoutEffect } from 'react'

type RequestHandler = (options: { url: string; method?: string; data?: unknown; header?: Record<string, string> }) =>
  | { statusCode: number; data: unknown; header?: Record<string, string> }
  | Promise<{ statusCode: number; data: unknown; header?: Record<string, string> }>

const storage = new Map<string, unknown>()
let routerParams: Record<string, string> = {}
let pageStack: Array<{ route: string }> = [{ route: 'pages/index/index' }]
let requestHandler: RequestHandler = () => ({ statusCode: 404, data: { error: { code: 'not_found', message: '未找到' } } })
const shareHandlers: { appMessage?: () => unknown; timeline?: () => unknown } = {}
const pullDownHandlers: Array<() => void> = []
// Page lifecycle: useDidShow also runs once on mount (a page shows when it opens); tests hide, show and unload it.
const didShowHandlers: Array<() => void> = []
const didHideHandlers: Array<() => void> = []
const unloadHandlers: Array<() => void> = []
const reachBottomHandlers: Array<() => void> = []

// Uploads, media picking and privacy (service requests).
type UploadHandler = (options: { url: string; filePath: string; name: string; header?: Record<string, string> }) =>
  | { statusCode: number; data: string }
  | Promise<{ statusCode: number; data: string }>
const defaultUpload: UploadHandler = () => ({ statusCode: 500, data: '' })
let uploadHandler: UploadHandler = defaultUpload
type PickedMedia = { tempFilePath: string; size: number; fileType: string }
let chooseMediaResult: () => Promise<{ tempFiles: PickedMedia[] }> = () => Promise.resolve({ tempFiles: [] })
let privacySetting: { needAuthorization: boolean; privacyContractName: string } = { needAuthorization: false, privacyContractName: '《园区通隐私保护指引》' }
let subscribeResult: Record<string, string> = {}
const eventHandlers = new Map<string, (...args: unknown[]) => void>()

export const taroMock = {
  storage,
  calls: {
    navigateTo: [] as string[],
    redirectTo: [] as string[],
    switchTab: [] as string[],
    reLaunch: [] as string[],
    toasts: [] as string[],
    phoneCalls: [] as string[],
    clipboard: [] as string[],
    requests: [] as Array<{ url: string; method: string; data?: unknown; header?: Record<string, string> }>,
    uploads: [] as Array<{ url: string; filePath: string; name: string; header?: Record<string, string> }>,
    subscribe: [] as string[][],
    previews: [] as string[][],
    titles: [] as string[],
    /** One entry per navigateBack, its delta. */
    navigateBack: [] as number[],
  },
  /** Answer Taro.uploadFile (status + JSON string body, like the real API). */
  onUpload(handler: UploadHandler) {
    uploadHandler = handler
  },
  /** What Taro.chooseMedia picks next (a rejection with errMsg 'cancel' models the user backing out). */
  onChooseMedia(result: () => Promise<{ tempFiles: PickedMedia[] }>) {
    chooseMediaResult = result
  },
  setPrivacySetting(setting: { needAuthorization: boolean; privacyContractName?: string }) {
    privacySetting = { privacyContractName: '《园区通隐私保护指引》', ...setting }
  },
  setSubscribeResult(result: Record<string, string>) {
    subscribeResult = result
  },
  setRouterParams(params: Record<string, string>) {
    routerParams = params
  },
  /** The page stack getCurrentPages answers, bottom first (default: one page, as after a cold open). */
  setPageStack(routes: string[]) {
    pageStack = routes.map((route) => ({ route }))
  },
  onRequest(handler: RequestHandler) {
    requestHandler = handler
  },
  share: shareHandlers,
  triggerPullDownRefresh() {
    pullDownHandlers.forEach((handler) => handler())
  },
  triggerReachBottom() {
    reachBottomHandlers.forEach((handler) => handler())
  },
  /** The page goes behind another page (or the app to the background). */
  triggerDidHide() {
    didHideHandlers.forEach((handler) => handler())
  },
  /** The page is shown again. */
  triggerDidShow() {
    didShowHandlers.forEach((handler) => handler())
  },
  /** The page is closed (navigateBack past it, redirect). */
  triggerUnload() {
    unloadHandlers.forEach((handler) => handler())
  },
  reset() {
    storage.clear()
    routerParams = {}
    pageStack = [{ route: 'pages/index/index' }]
    requestHandler = () => ({ statusCode: 404, data: { error: { code: 'not_found', message: '未找到' } } })
    Object.values(this.calls).forEach((list) => list.splice(0))
    delete shareHandlers.appMessage
    delete shareHandlers.timeline
    pullDownHandlers.splice(0)
    reachBottomHandlers.splice(0)
    didShowHandlers.splice(0)
    didHideHandlers.splice(0)
    unloadHandlers.splice(0)
    uploadHandler = defaultUpload
    chooseMediaResult = () => Promise.resolve({ tempFiles: [] })
    privacySetting = { needAuthorization: false, privacyContractName: '《园区通隐私保护指引》' }
    subscribeResult = {}
    eventHandlers.clear()
  },
}

const resolved = <T>(value: T) => Promise.resolve(value)

/** Adds a lifecycle handler for one render; the cleanup takes it out again (the latest closure wins). */
function registered(list: Array<() => void>, fn: () => void): () => void {
  list.push(fn)
  return () => void list.splice(list.indexOf(fn), 1)
}

const Taro = {
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
  getEnv: () => 'WEB',
  getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  removeStorageSync: (key: string) => void storage.delete(key),
  getStorage: ({ key }: { key: string }) => resolved({ data: storage.get(key) }),
  setStorage: ({ key, data }: { key: string; data: unknown }) => resolved(void storage.set(key, data)),
  async request(options: { url: string; method?: string; data?: unknown; header?: Record<string, string> }) {
    taroMock.calls.requests.push({ url: options.url, method: options.method ?? 'GET', data: options.data, header: options.header })
    return requestHandler(options)
  },
  navigateTo: ({ url }: { url: string }) => resolved(void taroMock.calls.navigateTo.push(url)),
  redirectTo: ({ url }: { url: string }) => resolved(void taroMock.calls.redirectTo.push(url)),
  switchTab: ({ url }: { url: string }) => resolved(void taroMock.calls.switchTab.push(url)),
  reLaunch: ({ url }: { url: string }) => resolved(void taroMock.calls.reLaunch.push(url)),
  navigateBack: ({ delta = 1 }: { delta?: number } = {}) => resolved(void taroMock.calls.navigateBack.push(delta)),
  showToast: ({ title }: { title: string }) => resolved(void taroMock.calls.toasts.push(title)),
  hideToast: () => undefined,
  showLoading: () => resolved(undefined),
  hideLoading: () => undefined,
  showModal: () => resolved({ confirm: true, cancel: false }),
  makePhoneCall: ({ phoneNumber }: { phoneNumber: string }) => resolved(void taroMock.calls.phoneCalls.push(phoneNumber)),
  setClipboardData: ({ data }: { data: string }) => resolved(void taroMock.calls.clipboard.push(data)),
  openLocation: () => resolved(undefined),
  stopPullDownRefresh: () => undefined,
  pageScrollTo: () => resolved(undefined),
  setNavigationBarTitle: ({ title }: { title: string }) => resolved(void taroMock.calls.titles.push(title)),
  getCurrentPages: () => [...pageStack],
  getCurrentInstance: () => ({ router: { params: routerParams, path: '' }, page: {} }),
  getSystemInfoSync: () => ({ windowWidth: 375, windowHeight: 812, pixelRatio: 3, platform: 'devtools' }),
  getWindowInfo: () => ({ windowWidth: 375, windowHeight: 812, pixelRatio: 3 }),
  login: () => resolved({ code: 'test-code' }),
  requestSubscribeMessage: ({ tmplIds }: { tmplIds: string[] }) => {
    taroMock.calls.subscribe.push(tmplIds)
    return resolved({ errMsg: 'requestSubscribeMessage:ok', ...subscribeResult })
  },
  chooseMedia: () => chooseMediaResult(),
  chooseImage: () => resolved({ tempFilePaths: [], tempFiles: [] }),
  uploadFile(options: { url: string; filePath: string; name: string; header?: Record<string, string> }) {
    taroMock.calls.uploads.push({ url: options.url, filePath: options.filePath, name: options.name, header: options.header })
    const progressHandlers: Array<(event: { progress: number; totalBytesSent: number; totalBytesExpectedToSend: number }) => void> = []
    const task = Promise.resolve()
      .then(() => {
        progressHandlers.forEach((handler) => handler({ progress: 50, totalBytesSent: 1, totalBytesExpectedToSend: 2 }))
        return uploadHandler(options)
      })
      .then((result) => ({ ...result, errMsg: 'uploadFile:ok' }))
    return Object.assign(task, {
      progress: (handler: (typeof progressHandlers)[number]) => void progressHandlers.push(handler),
      abort: () => undefined,
    })
  },
  getPrivacySetting: ({ success }: { success?: (result: typeof privacySetting) => void }) => success?.({ ...privacySetting }),
  openPrivacyContract: () => undefined,
  previewImage: ({ urls }: { urls: string[] }) => resolved(void taroMock.calls.previews.push(urls)),
  // NutUI's Taro build talks to these.
  eventCenter: {
    on: (name: string, handler: (...args: unknown[]) => void) => void eventHandlers.set(name, handler),
    off: (name: string) => void eventHandlers.delete(name),
    trigger: (name: string, ...args: unknown[]) => eventHandlers.get(name)?.(...args),
  },
  createSelectorQuery: () => {
    // One answer per selection, like the real query: an empty rect for select, no rects for selectAll.
    const answers: unknown[] = []
    const rect = { left: 0, top: 0, right: 0, bottom: 0, width: 0, height: 0 }
    const query = {
      select: () => (answers.push({ ...rect }), query),
      selectAll: () => (answers.push([]), query),
      selectViewport: () => (answers.push({ ...rect, scrollTop: 0, scrollLeft: 0 }), query),
      boundingClientRect: () => query,
      scrollOffset: () => query,
      fields: () => query,
      exec: (callback?: (result: unknown[]) => void) => callback?.(answers),
    }
    return query
  },
  getSystemInfo: () => resolved({ windowWidth: 375, windowHeight: 812, pixelRatio: 3, platform: 'devtools' }),
  nextTick: (fn: () => void) => setTimeout(fn, 0),
  useRouter: () => ({ params: routerParams, path: '' }),
  useLoad: (fn: (params: Record<string, string>) => void) => useEffect(() => fn(routerParams), []), // eslint-disable-line react-hooks/exhaustive-deps
  useReady: (fn: () => void) => useEffect(fn, []), // eslint-disable-line react-hooks/exhaustive-deps
  useDidShow: (fn: () => void) => {
    useLayoutEffect(() => registered(didShowHandlers, fn))
    useEffect(fn, []) // eslint-disable-line react-hooks/exhaustive-deps
  },
  useDidHide: (fn: () => void) => useLayoutEffect(() => registered(didHideHandlers, fn)),
  useUnload: (fn: () => void) => useLayoutEffect(() => registered(unloadHandlers, fn)),
  useShareAppMessage: (fn: () => unknown) => {
    shareHandlers.appMessage = fn
  },
  useShareTimeline: (fn: () => unknown) => {
    shareHandlers.timeline = fn
  },
  usePullDownRefresh: (fn: () => void) =>
    useLayoutEffect(() => {
      pullDownHandlers.push(fn)
      return () => void pullDownHandlers.splice(pullDownHandlers.indexOf(fn), 1)
    }),
  useReachBottom: (fn: () => void) =>
    useLayoutEffect(() => {
      reachBottomHandlers.push(fn)
      return () => void reachBottomHandlers.splice(reachBottomHandlers.indexOf(fn), 1)
    }),
  usePageScroll: () => undefined,
}

export default Taro
export const {
  useRouter,
  useLoad,
  useReady,
  useDidShow,
  useDidHide,
  useUnload,
  useShareAppMessage,
  useShareTimeline,
  usePullDownRefresh,
  useReachBottom,
  usePageScroll,
  getCurrentInstance,
  getEnv,
  ENV_TYPE,
  nextTick,
  eventCenter,
  createSelectorQuery,
  pageScrollTo,
  getSystemInfo,
} = Taro
