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

export const goToLogin = () => Taro.reLaunch({ url: '/pages/login/index' })
