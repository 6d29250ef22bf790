/**
 * Check-ins taken without a network wait here, in the order they were taken, each with its capture time and its own
 * Idempotency-Key; they are sent in that order when the network returns (the server marks them late). A retry after
 * a lost answer sends the same key, so the server records each once. One the server refuses is set aside with why.
 */
import Taro from '@tarojs/taro'
import { createCheckin, type RouteBody } from '@linli/shared'
import { ApiError, call } from '../../../api/request'

const KEY = 'linli.checkinQueue'

export type CheckinBody = RouteBody<typeof createCheckin>
export interface Queued {
  key: string
  body: CheckinBody & { capturedAt: string }
  /** Why the server refused it (kept to be shown, never sent again). */
  refused?: string
}

export const queued = (): Queued[] => {
  const saved = Taro.getStorageSync(KEY) as Queued[] | ''
  return Array.isArray(saved) ? saved : []
}
const save = (q: Queued[]) => Taro.setStorageSync(KEY, q)

export const enqueue = (key: string, body: Queued['body']) => save([...queued(), { key, body }])

/** Forgets the check-ins the server refused (after the user has seen why). */
export const dropRefused = () => save(queued().filter((q) => !q.refused))

let flushing: Promise<number> | undefined

/** Sends what waits, oldest first, until the network fails again; answers how many were recorded. One at a time. */
export function flush(): Promise<number> {
  if (!flushing) flushing = send().finally(() => (flushing = undefined))
  return flushing
}

async function send(): Promise<number> {
  let sent = 0
  for (const item of queued().filter((q) => !q.refused)) {
    try {
      await call(createCheckin, { body: item.body }, { headers: { 'Idempotency-Key': item.key } })
      save(queued().filter((q) => q.key !== item.key))
      sent++
    } catch (e) {
      if (!(e instanceof ApiError) || e.status === 0 || e.status >= 500) break
      save(queued().map((q) => (q.key === item.key ? { ...q, refused: e.fields[0]?.message ?? e.message } : q)))
    }
  }
  return sent
}
