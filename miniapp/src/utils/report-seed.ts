/**
 * What a finding on patrol or on a visit hands to the report form: where it was and the photos already taken, so a
 * hazard becomes a case in one tap. Written by the field pages, taken (once) by the report form.
 */
import Taro from '@tarojs/taro'

const KEY = 'linli.reportSeed'

export interface ReportSeed {
  location: { lat: number; lng: number }
  photos: { key: string; path: string }[]
  description?: string
}

export const seedReport = (seed: ReportSeed) => Taro.setStorageSync(KEY, seed)

export function takeReportSeed(): ReportSeed | undefined {
  const seed = Taro.getStorageSync(KEY) as ReportSeed | ''
  if (!seed || typeof seed !== 'object') return undefined
  Taro.removeStorageSync(KEY)
  return seed
}
