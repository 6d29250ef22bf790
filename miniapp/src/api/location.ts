/**
 * The phone's position (WGS84, as the API takes it) for a stated purpose. A refusal is explained: WeChat does not ask
 * again for a while after "deny", so the user is offered WeChat's settings page (wx.openSetting) to allow it there;
 * a refused privacy guide (errno 104) is asked again by WeChat on the next try.
 */
import Taro from '@tarojs/taro'

export interface Position {
  lat: number
  lng: number
  accuracy?: number
}

export async function position(purpose: string, options: { highAccuracy?: boolean } = {}): Promise<Position> {
  try {
    const p = await Taro.getLocation({ type: 'wgs84', isHighAccuracy: options.highAccuracy })
    return { lat: p.latitude, lng: p.longitude, accuracy: p.accuracy }
  } catch (e) {
    const { errMsg = '', errno } = (e ?? {}) as { errMsg?: string; errno?: number }
    if (errno === 104 || /privacy/i.test(errMsg)) throw new Error(`你没有同意隐私保护指引，无法使用位置信息；${purpose}需要它，重试时微信会再次询问`)
    if (/auth den|authorize|permission/i.test(errMsg)) {
      if (process.env.TARO_ENV === 'weapp') void offerSettings(purpose)
      throw new Error(`你没有允许“邻里”使用位置信息；${purpose}需要它，可在设置中打开后重试`)
    }
    throw new Error('暂时无法获取你的位置，请到开阔处或打开手机定位后重试')
  }
}

async function offerSettings(purpose: string) {
  const { confirm } = await Taro.showModal({
    title: '需要你的位置',
    content: `${purpose}需要使用你的位置信息。你之前没有允许，可以在设置中打开“位置信息”。`,
    confirmText: '去设置',
    cancelText: '暂不',
  })
  if (confirm) await Taro.openSetting()
}
