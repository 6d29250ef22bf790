/**
 * Per-user limits (issue "Trust, second round"): what one account may do in an hour and in a day of China time, so no
 * one floods the others — a dispatcher's queue, an official's subscribe-message grants, a mediator's bookings. Each
 * family declares its limits as data beside the use case; configuration may raise or lower a maximum by the limit's
 * name (`RATE_LIMITS`, a JSON object such as {"cases.submit":{"hour":50}}). Over a limit answers 429 with the wait
 * in words.
 */
import { DomainError, type ErrorCode } from '@linli/shared'
import type { DepsOf } from '../deps'

export interface Limit {
  /** The counter's name, and the key configuration overrides it by. */
  name: string
  /** What is limited, in the words of the answer: "上报问题", "查看附近事件" … */
  label: string
  hour?: number
  day?: number
  /** The error answered over the limit; `rate.limited` unless the route's family has its own. */
  code?: ErrorCode
}

/** Maxima configuration puts in place of a limit's own, by its name. */
export type LimitOverrides = Record<string, { hour?: number; day?: number }>

const HOUR = 3600_000
const DAY = 24 * HOUR
const CHINA = 8 * HOUR

/** The window a moment falls in (an hour or a day of China time), and the milliseconds until it closes. */
export function windowOf(now: Date, per: 'hour' | 'day') {
  const span = per === 'hour' ? HOUR : DAY
  const local = now.getTime() + CHINA
  const start = local - (local % span)
  return { key: new Date(start).toISOString().slice(0, span === HOUR ? 13 : 10), left: start + span - local }
}

const inWords = (ms: number) => {
  const minutes = Math.max(1, Math.ceil(ms / 60_000))
  return minutes < 60 ? `${minutes} 分钟` : `${Math.floor(minutes / 60)} 小时${minutes % 60 ? ` ${minutes % 60} 分钟` : ''}`
}

/**
 * Counts one try of a limited action for the user (each window's count at once, one UpdateItem each) and refuses it
 * once a window holds its maximum: 429 saying how long until the fullest window closes. Counts are kept a window
 * longer than they count.
 */
export async function enforce(deps: DepsOf<'users', 'clock' | 'limits'>, userId: string, limit: Limit): Promise<void> {
  const now = deps.clock()
  const set = { ...limit, ...deps.limits?.[limit.name] }
  const spans = (['hour', 'day'] as const).flatMap((per) => (set[per] === undefined ? [] : [{ per, max: set[per]!, span: per === 'hour' ? HOUR : DAY }]))
  const counted = await Promise.all(
    spans.map(({ per, max, span }) => {
      const w = windowOf(now, per)
      return deps.repos.users.attempt(userId, limit.name, w.key, max, new Date(now.getTime() + 2 * span)).then((ok) => ({ ok, per, max, ...w }))
    }),
  )
  const over = counted.filter((c) => !c.ok).sort((a, b) => b.left - a.left)[0]
  if (!over) return
  const most = `${over.per === 'hour' ? '每小时' : '每天'}最多 ${over.max} 次`
  throw new DomainError(limit.code ?? 'rate.limited', undefined, `${limit.label}太频繁了（${most}），请 ${inWords(over.left)}后再试`)
}
