/**
 * How this notice was opened: from a share card in a WeChat group (scene 1044) — then a fresh wx.login code and
 * wx.getGroupEnterInfo's encrypted data, which only the server can open — or not. The local H5 build plays a persona
 * opening the card in group `dev_group` through the WeChat stand-in.
 */
import Taro from '@tarojs/taro'
import { devPersonas } from '../../../api/auth'

export interface GroupEntry {
  code: string
  encryptedData: string
  iv: string
}

export async function groupEntry(noticeId: string, devGroup?: string): Promise<GroupEntry | undefined> {
  if (process.env.TARO_ENV === 'weapp') {
    const enter = Taro.getEnterOptionsSync()
    // Only the page the card opened: a notice reached later in the same visit was not opened from the group.
    if (enter.scene !== 1044 || !enter.path.includes('packages/field/notice/') || enter.query.id !== noticeId) return undefined
    // Log in first: the group data is encrypted with the session_key this login leaves current.
    const { code } = await Taro.login()
    const { encryptedData, iv } = (await Taro.getGroupEnterInfo({})) as unknown as Taro.getGroupEnterInfo.SuccessCallbackResult
    return { code, encryptedData, iv }
  }
  return devGroup && devPersonas ? devPersonas.openGroupCard(devGroup) : undefined
}
