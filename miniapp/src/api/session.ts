/** The signed-in session, kept in local storage: our own token and the user it belongs to (never an openid). */
import Taro from '@tarojs/taro'
import type { User } from '@linli/shared'

const KEY = 'linli.session'

export interface Session {
  token: string
  expiresAt: string
  user: User
}

export function getSession(): Session | undefined {
  const s = Taro.getStorageSync(KEY) as Session | ''
  if (!s || !s.token || Date.parse(s.expiresAt) <= Date.now()) return undefined
  return s
}

/** Pages on screen follow a session that arrives or goes while they show (a silent sign-in at launch, a sign-out). */
const CHANGED = 'linli.session.changed'
export function onSessionChange(listener: () => void): () => void {
  Taro.eventCenter.on(CHANGED, listener)
  return () => Taro.eventCenter.off(CHANGED, listener)
}

export function saveSession(s: Session) {
  Taro.setStorageSync(KEY, s)
  Taro.eventCenter.trigger(CHANGED)
}

export function updateUser(user: User) {
  const s = getSession()
  if (s) saveSession({ ...s, user })
}

export function clearSession() {
  Taro.removeStorageSync(KEY)
  Taro.eventCenter.trigger(CHANGED)
}

/**
 * The user agreed to the user agreement and the privacy policy when they signed in (the version they agreed to):
 * from then on the app renews an expired session silently (wx.login) instead of asking again.
 */
const AGREED = 'linli.agreed'
export const AGREEMENT_VERSION = '2026-12'
export const hasAgreed = () => Taro.getStorageSync(AGREED) === AGREEMENT_VERSION
export const recordAgreement = () => Taro.setStorageSync(AGREED, AGREEMENT_VERSION)

/** Sign-out: the session goes, and so does the silent sign-in at the next launch. */
export function signedOut() {
  clearSession()
  Taro.removeStorageSync(AGREED)
}

export const TAB_PAGES = ['/pages/index/index', '/pages/grid/index', '/pages/me/index']

type OpenPage = ReturnType<typeof Taro.getCurrentPages>[number]

/** A page of the stack as a URL (with its query), for the sign-in page to return to. */
export function pageUrl(page: OpenPage | undefined): string | undefined {
  // H5 names the route with a leading slash (and may carry its query); the weapp without.
  const route = page?.route?.replace(/^\/+/, '').split('?')[0]
  if (!route || route.startsWith('pages/login/')) return undefined
  const query = Object.entries((page!.options ?? {}) as Record<string, string>)
    .filter(([k]) => !k.startsWith('$') && k !== 'stamp')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
  return `/${route}${query.length ? `?${query.join('&')}` : ''}`
}

/**
 * To the sign-in page, which brings the user back to where they were once signed in (or lets them decline). A page
 * that cannot be shown signed-out is replaced by it (`replace`); a public one stays underneath. One sign-in page at a
 * time: a second call while one opens (a double tap, parallel requests refused) or is on top does nothing.
 */
let opening: Promise<unknown> | undefined
export function goToLogin(replace = false): Promise<unknown> {
  if (opening) return opening
  const top = Taro.getCurrentPages().at(-1)
  if (top?.route?.replace(/^\/+/, '').startsWith('pages/login/')) return Promise.resolve()
  const back = pageUrl(top)
  const url = `/pages/login/index${back ? `?back=${encodeURIComponent(back)}` : ''}`
  // A tab page is never replaced: WeChat does not redirect away from one.
  const go = replace && back && !TAB_PAGES.includes(back.split('?')[0]!) ? Taro.redirectTo({ url }) : Taro.navigateTo({ url })
  opening = go.finally(() => (opening = undefined))
  return opening
}
