/**
 * 大字模式 (WeChat's 适老化): pages follow the font size the user set in WeChat (getAppBaseInfo's
 * fontSizeScaleFactor) unless they switch 大字模式 on in 我的. A page's root carries one class, `text-large` or
 * `text-larger`, which scales our sizes and NutUI's font variables together (app.scss).
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'

export type TextSize = 'normal' | 'large' | 'larger'

const KEY = 'linli.largeText'
const CHANGED = 'linli:text-size'

/** The user's WeChat font scale (1 where the platform does not say: H5, older base libraries). */
function wechatScale(): number {
  try {
    const factor = Number((Taro.getAppBaseInfo?.() as { fontSizeScaleFactor?: number } | undefined)?.fontSizeScaleFactor)
    return Number.isFinite(factor) && factor > 0 ? factor : 1
  } catch {
    return 1
  }
}

export const largeTextOn = (): boolean => Taro.getStorageSync(KEY) === 'on'

export function textSize(): TextSize {
  if (largeTextOn()) return 'larger'
  const scale = wechatScale()
  return scale >= 1.4 ? 'larger' : scale >= 1.1 ? 'large' : 'normal'
}

export function setLargeText(on: boolean) {
  if (on) Taro.setStorageSync(KEY, 'on')
  else Taro.removeStorageSync(KEY)
  Taro.eventCenter.trigger(CHANGED)
}

const classOf = (size: TextSize) => (size === 'normal' ? '' : ` text-${size}`)

/** The class of a page's root: `page` and the text size, kept current when it changes. */
export function usePageClass(): string {
  const [size, setSize] = useState(textSize)
  useEffect(() => {
    const reread = () => setSize(textSize())
    Taro.eventCenter.on(CHANGED, reread)
    return () => void Taro.eventCenter.off(CHANGED, reread)
  }, [])
  return `page${classOf(size)}`
}
