/** Switchable faults of the WeChat stand-in: the next `times` calls of an API answer an errcode, an HTTP error or late. */
export type WechatApi = 'jscode2session' | 'stable_token' | 'subscribe_send' | 'msg_sec_check' | 'media_check_async'

export interface Fault {
  api: WechatApi
  errcode?: number
  httpStatus?: number
  delayMs?: number
  /** How many calls the fault hits; 1 unless said. */
  times?: number
  /** Hits each call with this probability (0–1) instead of the next `times` calls (then `times` defaults to ever). */
  chance?: number
  /** Only calls for this user (touser / openid / the code's owner) — so tests running side by side don't collide. */
  openid?: string
}

export class FaultBoard {
  private faults: (Fault & { times: number })[] = []

  add(fault: Fault) {
    if (!fault || typeof fault.api !== 'string') throw new Error('fault needs an api')
    this.faults.push({ ...fault, times: fault.times ?? (fault.chance !== undefined ? Infinity : 1) })
  }

  /** The fault that hits this call of `api`, if any; it is spent by the call. */
  take(api: WechatApi, openid?: string): Fault | undefined {
    const fault = this.faults.find((f) => f.api === api && (!f.openid || f.openid === openid) && (f.chance === undefined || Math.random() < f.chance))
    if (fault) fault.times -= 1
    this.faults = this.faults.filter((f) => f.times > 0)
    return fault
  }

  list(): Fault[] {
    return [...this.faults]
  }

  clear() {
    this.faults = []
  }
}
