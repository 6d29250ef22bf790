/**
 * Runs the COMPILED WeChat build (miniapp/dist/weapp) inside miniprogram-simulate.
 *
 * miniprogram-simulate only knows custom components, so this bootstrap supplies what the mini-program host would:
 * `App`/`getApp`/`getCurrentPages`, and a `Page` that turns Taro's page options into a Component whose lifecycle
 * calls onLoad/onShow/onReady. The wx APIs the pages use are replaced with small recording fakes (`installFakeWx`:
 * request, storage, login, navigation, toasts/modal, getLocation, requestSubscribeMessage, createSelectorQuery);
 * the app's own code is never mocked. The wxml is compiled by miniprogram-simulate's default, official compiler
 * (wcc); its pure-JS 'simulate' compiler renders an empty page for Taro's templates.
 *
 * A compiled chunk runs only once per jest file (webpack's chunk registry lives on `wx.webpackJsonp`), so load one
 * page per test file (`loadPage`) and render it as often as needed (`LoadedPage.render`).
 */
import path from 'path'
import fs from 'fs'
import * as simulate from 'miniprogram-simulate'
import type { RootComponent } from 'miniprogram-simulate'

/** The compiled build; MP_DIST points elsewhere (e.g. a deliberately broken copy, to see these tests fail). */
export const DIST = process.env.MP_DIST ? path.resolve(process.env.MP_DIST) : path.resolve(__dirname, '../../dist/weapp')

export const SESSION_KEY = 'linli.session'

/** A request's path and query, whatever API host the build calls: what a fake answers by. */
export function pathOf(req: { url?: unknown }): { path: string; query: Record<string, string> } {
  const [path = '', search = ''] = String(req.url)
    .replace(/^https?:\/\/[^/]+/, '')
    .split('?')
  return { path, query: Object.fromEntries(new URLSearchParams(search)) }
}

/** A stored session of `user` with the given roles (scopes in the demo district), valid for an hour. */
export const sessionOf = (id: string, name: string, ...roles: [role: string, scopeId: string, scopeName: string][]) => ({
  token: `tok-${id}`,
  expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  user: { id, name, districtId: 'd-linjiang', roles: roles.map(([role, scopeId, scopeName]) => ({ role, scopeId, scopeName })) },
})

/** One recorded call of a fake wx API: the options object it was called with. */
export type Call = Record<string, any>

/** What a fake wx.request answers: a status and a body (like the wx success callback's statusCode/data). */
export interface FakeResponse {
  statusCode: number
  data?: unknown
  header?: Record<string, string>
}

export interface FakeWx {
  /** Every call, per API name, in call order. */
  calls: Record<string, Call[]>
  /** The calls of one API (empty when it was not called). */
  called(api: string): Call[]
  /** API names in the order they were called, across APIs. */
  sequence: string[]
  /** wx storage, as a plain map (values are kept as given, like the real sync storage keeps objects). */
  storage: Map<string, unknown>
  /** The code the fake wx.login hands out. */
  loginCode: string
  /** Answers wx.request: set per test. Default: 404. */
  respond: (req: Call) => FakeResponse | Promise<FakeResponse>
  /** Answers wx.getLocation: a point (the success result's latitude/longitude), or an Error to fail it. Default: {@link FAKE_LOCATION}. */
  locate: (opts: Call) => { latitude: number; longitude: number } | Error
  /** Answers wx.requestSubscribeMessage: `{[tmplId]: 'accept' | 'reject' | …}`, or an Error (with its errCode) to fail it. Default: every asked template accepted. */
  subscribe: (opts: Call) => Record<string, string> | Error
  /** Tells the page's wx.onNetworkStatusChange listeners the network came back (or went). */
  network(connected: boolean): void
  /** Answers wx.showModal. Default: cancelled. */
  modal: (opts: Call) => { confirm: boolean; cancel: boolean }
  /** Answers wx.chooseLocation (WeChat's map; GCJ-02 figures): the place picked, or an Error (cancelled). Default: cancelled. */
  chooseLocation: (opts: Call) => { name: string; address: string; latitude: number; longitude: number } | Error
  /** The font scale the user set in WeChat (wx.getAppBaseInfo's fontSizeScaleFactor). Default 1. */
  fontScale: number
  /** Clears calls and storage and resets the responders. */
  reset(): void
}

const g = globalThis as any

/** Where the fake wx.getLocation says the phone is (WGS84), unless a test sets `locate`. */
export const FAKE_LOCATION = { latitude: 30.27415, longitude: 120.15515 }

const notFound = (): FakeResponse => ({ statusCode: 404, data: { error: { code: 'notFound', message: 'no fake response' } } })
const defaults = {
  respond: notFound,
  locate: () => ({ ...FAKE_LOCATION }),
  subscribe: (opts: Call) => Object.fromEntries(((opts.tmplIds as string[] | undefined) ?? []).map((id) => [id, 'accept'])),
  modal: () => ({ confirm: false, cancel: true }),
  chooseLocation: () => new Error('cancel'),
  fontScale: 1,
}

function record(fake: FakeWx, name: string, opts: Call) {
  ;(fake.calls[name] ??= []).push(opts)
  fake.sequence.push(name)
}

/** Calls a wx-style callback set (success/fail/complete) on a later macrotask, like the real host does. */
function answer(opts: Call, ok: boolean, res: unknown) {
  setTimeout(() => {
    if (ok) opts?.success?.(res)
    else opts?.fail?.(res)
    opts?.complete?.(res)
  }, 0)
}

let installed: FakeWx | undefined

/**
 * The recording fakes, installed over miniprogram-simulate's wx mocks on first use (bootApp installs them before
 * the app runs). One per jest file: keep the returned object and `reset()` it between tests.
 */
export function installFakeWx(): FakeWx {
  if (installed) return installed
  const fake: FakeWx = (installed = {
    calls: {},
    network: () => undefined,
    storage: new Map(),
    loginCode: 'fake-wx-code-0001',
    sequence: [],
    called(api) {
      return this.calls[api] ?? []
    },
    ...defaults,
    reset() {
      this.calls = {}
      this.sequence = []
      this.storage.clear()
      Object.assign(this, defaults)
    },
  })
  const async =
    (name: string, result: (opts: Call) => unknown = () => ({ errMsg: `${name}:ok` })) =>
    (opts: Call = {}) => {
      record(fake, name, opts)
      answer(opts, true, result(opts))
    }

  const networkListeners = new Set<(r: { isConnected: boolean; networkType: string }) => void>()
  fake.network = (isConnected) => networkListeners.forEach((l) => l({ isConnected, networkType: isConnected ? 'wifi' : 'none' }))
  Object.assign(g.wx, {
    onNetworkStatusChange(listener: (r: { isConnected: boolean; networkType: string }) => void) {
      record(fake, 'onNetworkStatusChange', {})
      networkListeners.add(listener)
    },
    offNetworkStatusChange(listener: (r: { isConnected: boolean; networkType: string }) => void) {
      networkListeners.delete(listener)
    },
    login: async('login', () => ({ code: fake.loginCode, errMsg: 'login:ok' })),
    getAppBaseInfo: () => ({ SDKVersion: '3.7.0', language: 'zh_CN', fontSizeScaleFactor: fake.fontScale, fontSizeSetting: Math.round(16 * fake.fontScale) }),
    request(opts: Call = {}) {
      record(fake, 'request', opts)
      Promise.resolve()
        .then(() => fake.respond(opts))
        .then(
          (r) => answer(opts, true, { statusCode: r.statusCode, data: r.data, header: r.header ?? {}, errMsg: 'request:ok' }),
          (e) => answer(opts, false, { errMsg: `request:fail ${String(e)}` }),
        )
      return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} }
    },
    getStorageSync(key: string) {
      record(fake, 'getStorageSync', { key })
      return fake.storage.has(key) ? fake.storage.get(key) : ''
    },
    setStorageSync(key: string, data: unknown) {
      record(fake, 'setStorageSync', { key, data })
      fake.storage.set(key, data)
    },
    removeStorageSync(key: string) {
      record(fake, 'removeStorageSync', { key })
      fake.storage.delete(key)
    },
    switchTab: async('switchTab'),
    reLaunch: async('reLaunch'),
    navigateTo: async('navigateTo'),
    redirectTo: async('redirectTo'),
    navigateBack: async('navigateBack'),
    openSetting: async('openSetting', () => ({ authSetting: {}, errMsg: 'openSetting:ok' })),
    showToast: async('showToast'),
    hideToast: async('hideToast'),
    showLoading: async('showLoading'),
    hideLoading: async('hideLoading'),
    stopPullDownRefresh: async('stopPullDownRefresh'),
    createSelectorQuery: () => new FakeSelectorQuery(),
    getLocation(opts: Call = {}) {
      record(fake, 'getLocation', opts)
      const at = fake.locate(opts)
      if (at instanceof Error) answer(opts, false, { errMsg: `getLocation:fail ${at.message}` })
      else answer(opts, true, { ...at, accuracy: 30, altitude: 0, speed: -1, verticalAccuracy: 0, horizontalAccuracy: 30, errMsg: 'getLocation:ok' })
    },
    chooseLocation(opts: Call = {}) {
      record(fake, 'chooseLocation', opts)
      const picked = fake.chooseLocation(opts)
      if (picked instanceof Error) answer(opts, false, { errMsg: `chooseLocation:fail ${picked.message}` })
      else answer(opts, true, { ...picked, errMsg: 'chooseLocation:ok' })
    },
    requestSubscribeMessage(opts: Call = {}) {
      record(fake, 'requestSubscribeMessage', opts)
      const answered = fake.subscribe(opts)
      if (answered instanceof Error) answer(opts, false, { errMsg: answered.message, errCode: (answered as Error & { errCode?: number }).errCode })
      else answer(opts, true, { ...answered, errMsg: 'requestSubscribeMessage:ok' })
    },
    showModal(opts: Call = {}) {
      record(fake, 'showModal', opts)
      answer(opts, true, { ...fake.modal(opts), errMsg: 'showModal:ok' })
    },
  })
  return fake
}

/**
 * wx.createSelectorQuery for layout reads (NutUI's NoticeBar measures itself; Taro's element.getBoundingClientRect).
 * miniprogram-simulate's own mock returns undefined from select(), which throws inside NutUI. Rects come from jsdom
 * (all zeros: jsdom does no layout), or null when no element has that id.
 */
class FakeSelectorQuery {
  private fields: { find: () => unknown; cb?: (r: unknown) => void }[] = [];
  // (the semicolon above matters: without it `= [] in()` parses as an `in` expression)
  in() {
    return this
  }
  select(selector: string) {
    return this.nodes(() => document.querySelector(selector))
  }
  selectAll(selector: string) {
    return this.nodes(() => Array.from(document.querySelectorAll(selector)))
  }
  selectViewport() {
    return this.nodes(() => document.documentElement)
  }
  exec(cb?: (res: unknown[]) => void) {
    const fields = this.fields.splice(0)
    setTimeout(() => {
      const res = fields.map((f) => f.find())
      fields.forEach((f, i) => f.cb?.(res[i]))
      cb?.(res)
    }, 0)
  }
  private nodes(select: () => Element | Element[] | null): Record<string, (...args: any[]) => unknown> {
    const rect = (el: Element | null) => {
      if (!el) return null
      const { top, left, right, bottom, width, height } = el.getBoundingClientRect()
      return { id: el.id, dataset: {}, top, left, right, bottom, width, height }
    }
    const field = (read: (el: Element | null) => unknown) => (cb?: (r: unknown) => void) => {
      this.fields.push({
        find: () => {
          const got = select()
          return Array.isArray(got) ? got.map(read) : read(got)
        },
        cb,
      })
      return this // like wx: a NodesRef field returns the SelectorQuery, so `.exec()` can follow
    }
    return {
      boundingClientRect: field(rect),
      scrollOffset: field((el) => (el ? { id: el.id, dataset: {}, scrollLeft: 0, scrollTop: 0, scrollWidth: 0, scrollHeight: 0 } : null)),
      fields: (_spec: unknown, cb?: (r: unknown) => void) => field(rect)(cb),
      node: field(() => null),
      context: field(() => null),
    }
  }
}

type PageOptions = Record<string, any>

/** A rendered page: j-component's root component. `.dom` is the rendered tree; see `renderPage` for queries. */
export type PageView = RootComponent<any, any, any>

/** A compiled page, loaded once per jest file; render it as often as needed. */
export interface LoadedPage {
  route: string
  /** miniprogram-simulate's component id. */
  id: string
  render(query?: Record<string, string>): Promise<PageView>
}

let app: any
let booted = false
let currentRoute = ''
let currentQuery: Record<string, string> = {}
const pageStack: any[] = []
const rendered: { view: PageView; parent: HTMLElement }[] = []

/** The host globals the compiled app expects: App, getApp, getCurrentPages and Page. */
function installHost() {
  g.App = (options: any) => {
    app = options
  }
  g.getApp = () => app
  g.getCurrentPages = () => pageStack
  // Taro registers each page with Page(createPageConfig(...)) while miniprogram-simulate runs the page's js.
  g.Page = pageAsComponent
}

/**
 * Taro's page options as a Component: every function of the options (onLoad, onShow, …, and the event handler `eh`
 * that base.wxml binds to every node) becomes a method; attaching calls onLoad → onShow, ready calls onReady,
 * detaching calls onHide → onUnload.
 */
function pageAsComponent(options: PageOptions) {
  const methods: Record<string, (...args: any[]) => unknown> = {}
  for (const [key, value] of Object.entries(options)) if (typeof value === 'function') methods[key] = value
  g.Component({
    data: options.data ?? {},
    methods,
    lifetimes: {
      attached(this: any) {
        this.route = this.__route__ = currentRoute
        this.options = { ...currentQuery }
        pageStack.push(this)
        this.onLoad?.({ ...currentQuery })
        this.onShow?.()
      },
      ready(this: any) {
        this.onReady?.()
      },
      detached(this: any) {
        this.onHide?.()
        this.onUnload?.()
        const i = pageStack.indexOf(this)
        if (i >= 0) pageStack.splice(i, 1)
      },
    },
  })
}

/**
 * Loads dist/weapp/app.js once (it requires common, vendors, taro and runtime and calls App()), then runs the app's
 * onLaunch/onShow. The wx fakes go in first: Taro builds its API table from the keys `wx` has at this moment.
 */
export function bootApp(): any {
  if (booted) return app
  installFakeWx()
  installHost()
  if (!fs.existsSync(path.join(DIST, 'app.js'))) throw new Error(`no compiled build at ${DIST}: build the weapp first`)
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled build registers its chunks as it is loaded
  require(path.join(DIST, 'app.js'))
  if (!app) throw new Error('dist/weapp/app.js did not call App()')
  const launch = { path: 'pages/index/index', query: {}, scene: 1001 }
  app.onLaunch?.(launch)
  app.onShow?.(launch)
  booted = true
  return app
}

/**
 * Loads a compiled page (e.g. 'pages/login/index'). Once per page per jest file: webpack runs a chunk's modules once,
 * so a second load of the same page (or of another page, which needs the already-run `comp` chunk) registers nothing.
 *
 * Subpackage pages load the same way (e.g. 'packages/case/report/index'): their js begins with
 * `require("../sub-vendors.js")`, which Node resolves beside the page (miniprogram-simulate runs page js with
 * `require`), so the subpackage's vendor chunk registers on `wx.webpackJsonp` before the page's own chunk asks for
 * it; the shared chunks (vendors, common, taro, runtime) are already in from app.js. Taro's split-chunks step
 * writes that require (sub-vendors, and sub-common when there is one) into each subpackage page, so nothing more
 * is loaded here; a page that fails with an unresolved chunk id means that changed.
 */
export function loadPage(route: string): LoadedPage {
  bootApp()
  currentRoute = route
  const id = simulate.load(path.join(DIST, route), { rootPath: DIST })
  return { route, id, render: (query = {}) => renderPage(id, route, query) }
}

/**
 * Renders a loaded page into a fresh container and waits for React's first commit to reach the view (Taro renders
 * in onLoad, then hands the tree to setData on a later tick). Find nodes with `view.querySelector('.source-class')`
 * (source class names; the DOM's carry a `main--` prefix) and descendant selectors from the page: a plain node's
 * own querySelector finds nothing, as it has no shadow root. `node.dispatchEvent('tap')` reaches the React onClick.
 */
export async function renderPage(id: string, route: string, query: Record<string, string> = {}): Promise<PageView> {
  currentRoute = route
  currentQuery = query
  const view = simulate.render(id) as PageView
  const parent = document.createElement('div')
  document.body.appendChild(parent)
  view.attach(parent)
  rendered.push({ view, parent })
  await waitFor(() => {
    if (!view.dom!.firstElementChild) throw new Error(`page ${route} rendered nothing`)
  })
  await settle()
  return view
}

/** Unmounts every rendered page (onHide/onUnload run) and lets pending work finish: use as afterEach. */
export async function cleanup() {
  for (const { view, parent } of rendered.splice(0)) {
    view.detach()
    parent.remove()
  }
  await settle()
}

/** Lets pending microtasks and 0-ms timers (React scheduler, Taro's setData batching, fake wx callbacks) run. */
export async function settle(rounds = 3) {
  for (let i = 0; i < rounds; i++) await simulate.sleep(0)
}

/**
 * Taps `node` and resolves with what `observe` returns right after the tap's handlers ran, before any later
 * microtask: for APIs WeChat only honours inside the tap gesture itself (wx.requestSubscribeMessage), which must be
 * called synchronously in the handler, before its first `await`. j-component delivers the tap on a microtask, first
 * to the DOM node (where this listens) and then, in the same turn, to the page's `eh` and so to the React onClick;
 * the queued microtask runs when that turn is over, ahead of anything the handler awaited.
 */
export function tapAndObserve<T>(node: simulate.Component<any, any, any>, observe: () => T): Promise<T> {
  const dom = node.dom as HTMLElement | undefined
  if (!dom) throw new Error('tapAndObserve: the node has no dom')
  return new Promise<T>((resolve, reject) => {
    dom.addEventListener(
      'tap',
      () =>
        queueMicrotask(() => {
          try {
            resolve(observe())
          } catch (e) {
            reject(e)
          }
        }),
      { once: true },
    )
    node.dispatchEvent('tap')
  })
}

/** Waits until `check` passes (React renders and the wx callbacks answer asynchronously), or throws its last error. A
 * generous bound: on a loaded 2-core machine (two workers beside the local clouds) a render can take seconds; a pass returns at once. */
export async function waitFor<T>(check: () => T, timeout = 8000): Promise<T> {
  const start = Date.now()
  for (;;) {
    try {
      return check()
    } catch (e) {
      if (Date.now() - start > timeout) throw e
      await simulate.sleep(10)
    }
  }
}

export { simulate }
