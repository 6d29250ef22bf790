/**
 * Client of the WeChat server APIs. The base URL comes from configuration: the local stand-in, or WeChat itself.
 * WeChat answers errors as HTTP 200 with an `errcode`; this client turns them into our coded errors.
 */
import { DomainError } from '@linli/shared'
import { openEncryptedData } from './wechat-data'

export interface WechatClientOptions {
  baseUrl: string
  appid: string
  secret: string
  timeoutMs?: number
  fetch?: typeof fetch
}

export interface WechatSession {
  openid: string
  unionid?: string
}

interface WechatReply {
  errcode?: number
  errmsg?: string
  [key: string]: unknown
}

export class WechatError extends Error {
  constructor(
    readonly errcode: number,
    errmsg: string,
  ) {
    super(`WeChat errcode ${errcode}: ${errmsg}`)
    this.name = 'WechatError'
  }
}

const unavailable = (detail: string) => new DomainError('wechat.unavailable', undefined, `微信服务暂时不可用（${detail}），请稍后再试`)

export function makeWechatClient(o: WechatClientOptions) {
  const doFetch = o.fetch ?? fetch
  const timeoutMs = o.timeoutMs ?? 5000
  let cached: { token: string; until: number } | undefined

  /** One HTTP call, cut at `timeoutMs` or when the caller's `budget` (the whole request's WeChat time) runs out. */
  async function call(path: string, init?: { method: 'POST'; body: unknown }, budget?: AbortSignal): Promise<WechatReply> {
    let res: Response
    try {
      const timeout = AbortSignal.timeout(timeoutMs)
      res = await doFetch(`${o.baseUrl}${path}`, {
        method: init?.method ?? 'GET',
        headers: init ? { 'content-type': 'application/json' } : undefined,
        body: init ? JSON.stringify(init.body) : undefined,
        signal: budget ? AbortSignal.any([budget, timeout]) : timeout,
      })
    } catch (err) {
      if ((err as Error).name === 'TimeoutError') throw new DomainError('wechat.timeout', undefined, '微信服务暂时不可用（请求超时），请稍后再试')
      throw unavailable('网络错误')
    }
    if (!res.ok) throw unavailable(`HTTP ${res.status}`)
    const reply = (await res.json().catch(() => undefined)) as WechatReply | undefined
    if (!reply) throw unavailable('应答格式错误')
    if (reply.errcode) throw new WechatError(reply.errcode, reply.errmsg ?? '')
    return reply
  }

  return {
    /** auth.code2Session: a wx.login code → openid. The session_key is dropped here and never stored or sent. */
    async code2Session(code: string): Promise<WechatSession> {
      const { openid, unionid } = await session(code)
      return { openid, unionid }
    },

    /**
     * What wx.getGroupEnterInfo gave the mini-program, opened with the session_key of a login code taken just before
     * (code2Session, then decrypt at once; the key is never kept): the caller's openid and the group's opengid.
     */
    async groupEnterInfo(code: string, encryptedData: string, iv: string): Promise<WechatSession & { opengid: string }> {
      const s = await session(code)
      const data = openEncryptedData(s.sessionKey, encryptedData, iv, o.appid) as { opengid?: unknown }
      if (typeof data.opengid !== 'string' || !data.opengid)
        throw new DomainError('auth.badEncryptedData', [{ path: 'encryptedData', message: '群信息中没有 opengid' }])
      return { openid: s.openid, unionid: s.unionid, opengid: data.opengid }
    },

    stableToken,

    /** security.msgSecCheck v2: pass / review / risky; the token's fetch and the check share the caller's `budget`. */
    async msgSecCheck(openid: string, content: string, budget?: AbortSignal): Promise<'pass' | 'review' | 'risky'> {
      const reply = await withToken(
        (token) => call(`/wxa/msg_sec_check?access_token=${token}`, { method: 'POST', body: { content, version: 2, scene: 3, openid } }, budget),
        budget,
      )
      const suggest = (reply.result as { suggest?: string } | undefined)?.suggest
      return suggest === 'risky' || suggest === 'review' ? suggest : 'pass'
    },

    /**
     * security.mediaCheckAsync v2 for an image others will see: WeChat downloads `mediaUrl` and pushes its verdict to
     * the message server later (an event `wxa_media_check` with this trace id).
     */
    async mediaCheckAsync(openid: string, mediaUrl: string, budget?: AbortSignal): Promise<string> {
      const body = { media_url: mediaUrl, media_type: 2, version: 2, scene: 3, openid }
      const reply = await withToken((token) => call(`/wxa/media_check_async?access_token=${token}`, { method: 'POST', body }, budget), budget)
      return String(reply.trace_id)
    },

    /** subscribeMessage.send. Throws WechatError with WeChat's errcode (43101 refused, …) or a DomainError when unreachable. */
    async sendSubscribe(message: {
      touser: string
      template_id: string
      page: string
      data: Record<string, { value: string }>
      miniprogram_state?: string
    }): Promise<void> {
      await withToken((token) => call(`/cgi-bin/message/subscribe/send?access_token=${token}`, { method: 'POST', body: message }))
    },
  }

  async function session(code: string): Promise<WechatSession & { sessionKey: string }> {
    const q = new URLSearchParams({ appid: o.appid, secret: o.secret, js_code: code, grant_type: 'authorization_code' })
    try {
      const reply = await call(`/sns/jscode2session?${q}`)
      if (typeof reply.openid !== 'string') throw unavailable('缺少 openid')
      return { openid: reply.openid, unionid: typeof reply.unionid === 'string' ? reply.unionid : undefined, sessionKey: String(reply.session_key ?? '') }
    } catch (err) {
      if (!(err instanceof WechatError)) throw err
      if (err.errcode === 40029 || err.errcode === 40163)
        throw new DomainError('auth.invalidCode', [{ path: 'code', message: `微信登录凭证无效或已使用（errcode ${err.errcode}）` }])
      if (err.errcode === 45011) throw new DomainError('auth.rateLimited', undefined, '登录过于频繁（errcode 45011），请一分钟后再试')
      throw unavailable(`errcode ${err.errcode}`)
    }
  }

  /** getStableAccessToken; `forceRefresh` after a 40001. */
  async function stableToken(forceRefresh = false, budget?: AbortSignal): Promise<{ accessToken: string; expiresIn: number }> {
    const body = { grant_type: 'client_credential', appid: o.appid, secret: o.secret, force_refresh: forceRefresh }
    const reply = await call('/cgi-bin/stable_token', { method: 'POST', body }, budget)
    return { accessToken: String(reply.access_token), expiresIn: Number(reply.expires_in) }
  }

  /** Calls with the cached access token; on 40001 (stale token) refreshes it and retries once. */
  async function withToken<T>(fn: (token: string) => Promise<T>, budget?: AbortSignal): Promise<T> {
    const fresh = async (force: boolean) => {
      const { accessToken, expiresIn } = await stableToken(force, budget)
      // Refresh 5 minutes early, as WeChat's own normal mode does.
      cached = { token: accessToken, until: Date.now() + (expiresIn - 300) * 1000 }
      return accessToken
    }
    const token = cached && cached.until > Date.now() ? cached.token : await fresh(false)
    try {
      return await fn(token)
    } catch (err) {
      if (!(err instanceof WechatError) || err.errcode !== 40001) throw err
      return fn(await fresh(true))
    }
  }
}

export type WechatClient = ReturnType<typeof makeWechatClient>
