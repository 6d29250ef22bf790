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

export const saveSession = (s: Session) => Taro.setStorageSync(KEY, s)

export function updateUser(user: User) {
  const s = getSession()
  if (s) saveSession({ ...s, user })
}

export const clearSession = () => Taro.removeStorageSync(KEY)

/** The page on screen as a URL (with its query), for the sign-in page to return to. */
function currentUrl(): string | undefined {
  const page = Taro.getCurrentPages().at(-1)
  // H5 names the route with a leading slash (and may carry its query); the weapp without.
  const route = page?.route?.replace(/^\/+/, '').split('?')[0]
  if (!route || route.startsWith('pages/login/')) return undefined
  const query = Object.entries((page!.options ?? {}) as Record<string, string>)
    .filter(([k]) => !k.startsWith('$') && k !== 'stamp')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
  return `/${route}${query.length ? `?${query.join('&')}` : ''}`
}

/** To the sign-in page, which brings the user back to where they were once signed in. */
export function goToLogin() {
  const back = currentUrl()
  // Home is where the sign-in page goes anyway.
  return Taro.reLaunch({ url: `/pages/login/index${back && back !== '/pages/index/index' ? `?back=${encodeURIComponent(back)}` : ''}` })
}
