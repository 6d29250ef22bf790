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

/** The persona signed in on the local stage (the stand-in needs it to play WeChat's part for them). */
const DEV_OPENID = 'linli.dev.openid'

/**
 * Local stage only: the WeChat stand-in lists demo personas, mints their login codes, and plays a persona opening a
 * share card in a group (a fresh login code and wx.getGroupEnterInfo's encrypted data).
 */
export const devPersonas =
  LINLI_STAGE === 'local'
    ? {
        async openGroupCard(opengid: string): Promise<{ code: string; encryptedData: string; iv: string }> {
          const res = await Taro.request({
            url: '/dev/group-enter',
            method: 'POST',
            data: { openid: Taro.getStorageSync(DEV_OPENID), opengid },
            header: { 'content-type': 'application/json' },
          })
          const { code, encryptedData, iv } = res.data as { code: string; encryptedData: string; iv: string }
          return { code, encryptedData, iv }
        },
        async list(): Promise<Persona[]> {
          const res = await Taro.request({ url: '/dev/personas', method: 'GET' })
          return (res.data as { personas: Persona[] }).personas
        },
        async signIn(openid: string): Promise<Session> {
          Taro.setStorageSync(DEV_OPENID, openid)
          const res = await Taro.request({ url: '/dev/code', method: 'POST', data: { openid }, header: { 'content-type': 'application/json' } })
          return signInWithCode((res.data as { code: string }).code)
        },
      }
    : undefined
