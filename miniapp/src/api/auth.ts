import Taro from '@tarojs/taro'
import { signInWithCode } from './request'
import type { Session } from './session'

/** wx.login → our API (which calls code2Session) → our session. */
export async function signInWithWechat(): Promise<Session> {
  const { code } = await Taro.login()
  return signInWithCode(code)
}

export interface Persona {
  openid: string
  name: string
  role: string
  title: string
}

/** Local stage only: the WeChat stand-in lists demo personas and mints their login codes. */
export const devPersonas = LINLI_STAGE === 'local'
  ? {
      async list(): Promise<Persona[]> {
        const res = await Taro.request({ url: '/dev/personas', method: 'GET' })
        return (res.data as { personas: Persona[] }).personas
      },
      async signIn(openid: string): Promise<Session> {
        const res = await Taro.request({ url: '/dev/code', method: 'POST', data: { openid }, header: { 'content-type': 'application/json' } })
        return signInWithCode((res.data as { code: string }).code)
      },
    }
  : undefined
