/**
 * The unsent report, kept in local storage so it survives leaving the page or a failed submission. Its
 * Idempotency-Key is made once with the draft: a retry after a network error sends the same key, so the server files
 * one case however often the same report arrives.
 */
import Taro from '@tarojs/taro'
import { randomId } from '../../../utils/format'

const KEY = 'linli.reportDraft'

export interface Draft {
  idempotencyKey: string
  /** Cascader path: [classId, itemId]. */
  categoryPath: string[]
  categoryName: string
  description: string
  /** Uploaded photos only: the S3 key, and the local path to show. */
  photos: { key: string; path: string }[]
  location?: { lat: number; lng: number }
  /** The point's grid (shown), or the grid the user picked when there is no point (sent). */
  grid?: { id: string; name: string }
  /** The place's name WeChat's map gave when the user moved the pin. */
  place?: string
  address: string
  anonymous: boolean
  contactPhone: string
}

export const newDraft = (): Draft => ({
  idempotencyKey: randomId(),
  categoryPath: [],
  categoryName: '',
  description: '',
  photos: [],
  address: '',
  anonymous: false,
  contactPhone: '',
})

export function loadDraft(): Draft {
  const saved = Taro.getStorageSync(KEY) as Partial<Draft> | ''
  if (!saved || typeof saved !== 'object' || !saved.idempotencyKey) return newDraft()
  return { ...newDraft(), ...saved }
}

export const saveDraft = (draft: Draft) => Taro.setStorageSync(KEY, draft)

export const clearDraft = () => Taro.removeStorageSync(KEY)
